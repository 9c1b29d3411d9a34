import { z } from "zod";
import { can } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/auth/session";
import { findSimilarClaims } from "@/lib/claims/queries";
import { storableText } from "@/lib/text";

const QuerySchema = z.object({ statement: storableText().trim().min(8).max(500), excludeId: z.uuid().optional() });

// For the claim form, as the editor types: existing claims (drafts included) that look like the
// statement. Desk data, so the role is checked here, whatever the page showed.
export async function GET(request: Request) {
  const viewer = await getViewer();
  if (!viewer) return Response.json({ error: "Sign in to the desk." }, { status: 401 });
  if (!can(viewer, "claim.create")) return Response.json({ error: "Your role does not allow this." }, { status: 403 });
  const url = new URL(request.url);
  const parsed = QuerySchema.safeParse({
    statement: url.searchParams.get("statement") ?? "",
    excludeId: url.searchParams.get("excludeId") ?? undefined,
  });
  if (!parsed.success) return Response.json({ claims: [] }, { headers: { "Cache-Control": "private, no-store" } });
  const claims = await findSimilarClaims(parsed.data.statement, { excludeId: parsed.data.excludeId });
  return Response.json(
    { claims: claims.map(({ id, statement, status, publication }) => ({ id, statement, status, publication })) },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}
