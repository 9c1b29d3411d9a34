// The archived copy's two views (app/archive/[snapshotId]): the stored bytes exactly as fetched
// (so their SHA-256 is the one the desk shows), and the extracted text. Who may see a snapshot is
// decided here: a published claim's live evidence is public; anything else is for signed-in staff.
import "server-only";
import { z } from "zod";
import { isHtml } from "@/lib/archive/capture";
import { snapshotForView, snapshotHtml, snapshotText } from "@/lib/archive/queries";
import { can } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/auth/session";
import { ARCHIVE_POLICY } from "@/lib/http/security-headers";

const HEADERS = {
  "Content-Security-Policy": ARCHIVE_POLICY,
  "X-Content-Type-Options": "nosniff",
  // The archived page's links must not tell the publisher where its readers came from.
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Resource-Policy": "same-origin",
};

function notFound(): Response {
  return new Response("No such archived copy.", { status: 404, headers: { ...HEADERS, "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

type Loaded = NonNullable<Awaited<ReturnType<typeof snapshotForView>>>;

async function load(snapshotId: string): Promise<{ snapshot: Loaded; cache: string } | Response> {
  if (!z.uuid().safeParse(snapshotId).success) return notFound();
  const snapshot = await snapshotForView(snapshotId);
  if (!snapshot || (snapshot.error !== null && !snapshot.htmlSha256)) return notFound();
  if (snapshot.public) return { snapshot, cache: "public, max-age=300" };
  // A draft's (or removed evidence's) snapshot exists only for the newsroom: to anyone else it
  // does not exist at all, as the draft itself does not.
  const viewer = await getViewer();
  if (!can(viewer, "desk.read")) return notFound();
  return { snapshot, cache: "private, no-store" };
}

export async function serveSnapshotHtml(snapshotId: string): Promise<Response> {
  const loaded = await load(snapshotId);
  if (loaded instanceof Response) return loaded;
  const { snapshot, cache } = loaded;
  const body = await snapshotHtml(snapshot);
  // Only HTML and text are served as what they are; anything else (a PDF, an image) as bytes to download.
  const type = isHtml(snapshot.contentType)
    ? snapshot.contentType ?? "text/html; charset=utf-8"
    : /^text\/plain/i.test(snapshot.contentType ?? "")
      ? snapshot.contentType!
      : "application/octet-stream";
  return new Response(new Uint8Array(body), {
    headers: {
      ...HEADERS,
      "Content-Type": type,
      "Cache-Control": cache,
      ...(type === "application/octet-stream" ? { "Content-Disposition": "attachment" } : {}),
      "X-Archive-Sha256": snapshot.htmlSha256 ?? "",
    },
  });
}

export async function serveSnapshotText(snapshotId: string): Promise<Response> {
  const loaded = await load(snapshotId);
  if (loaded instanceof Response) return loaded;
  const { snapshot, cache } = loaded;
  const text = await snapshotText(snapshot);
  const header = [
    `Archived by Claimtrail on ${snapshot.fetchedAt.toISOString()}`,
    `Requested: ${snapshot.requestedUrl}`,
    `Final URL: ${snapshot.finalUrl ?? "—"} (HTTP ${snapshot.status ?? "—"})`,
    `SHA-256 of the HTML: ${snapshot.htmlSha256 ?? "—"}${snapshot.htmlTruncated ? " (cut at the size limit)" : ""}`,
    `SHA-256 of the text below: ${snapshot.textSha256 ?? "—"}`,
  ].join("\n");
  return new Response(`${header}\n\n${text}\n`, { headers: { ...HEADERS, "Content-Type": "text/plain; charset=utf-8", "Cache-Control": cache } });
}
