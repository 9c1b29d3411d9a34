// The archive's reads: what the jobs need about a piece of evidence, the desk's archive line for
// each piece, a snapshot for its sandboxed view, and the two texts the change view compares.
import "server-only";
import { getObject } from "@/lib/archive/storage";
import { db } from "@/lib/db";
import type { LinkChange } from "@/lib/generated/prisma/enums";

export async function evidenceForArchive(evidenceId: string) {
  return db().evidence.findUnique({
    where: { id: evidenceId },
    select: { id: true, url: true, removedAt: true, claim: { select: { slug: true, publication: true } } },
  });
}

/** A good snapshot: the page answered 2xx and was stored. */
const GOOD = { error: null, status: { gte: 200, lt: 300 } } as const;

const SNAPSHOT_META = {
  id: true,
  requestedUrl: true,
  finalUrl: true,
  status: true,
  fetchedAt: true,
  htmlSha256: true,
  textSha256: true,
  htmlTruncated: true,
  error: true,
  archiveOrgUrl: true,
} as const;

/** The first good snapshot of the evidence's current URL: what the newsroom linked. */
export async function firstSnapshot(evidenceId: string, url?: string) {
  return db().evidenceSnapshot.findFirst({
    where: { evidenceId, ...GOOD, ...(url ? { requestedUrl: url } : {}) },
    orderBy: [{ fetchedAt: "asc" }, { id: "asc" }],
    select: SNAPSHOT_META,
  });
}

export async function latestSnapshot(evidenceId: string) {
  return db().evidenceSnapshot.findFirst({ where: { evidenceId }, orderBy: [{ fetchedAt: "desc" }, { id: "desc" }], select: SNAPSHOT_META });
}

/** Whether any snapshot (good or failed) was already taken of `url` for this evidence. */
export async function hasSnapshotOf(evidenceId: string, url: string): Promise<boolean> {
  return (await db().evidenceSnapshot.count({ where: { evidenceId, requestedUrl: url } })) > 0;
}

export type ArchiveState =
  | { kind: "archived"; snapshotId: string; fetchedAt: Date; htmlSha256: string; textSha256: string; truncated: boolean; archiveOrgUrl: string | null }
  | { kind: "pending"; retrying: string | null }
  | { kind: "failed"; reason: string; snapshotId: string | null };

export type ArchiveLine = {
  state: ArchiveState;
  /** The latest link check, when one found the source changed since the first snapshot. */
  changed: { change: Exclude<LinkChange, "unchanged" | "unreachable">; checkedAt: Date } | null;
  /** The latest link check could not reach the source. */
  unreachableSince: Date | null;
  checkPending: boolean;
};

/** The desk's archive line for each piece of evidence (three statements, whatever their number). */
export async function archiveLines(evidence: readonly { id: string; url: string }[]): Promise<Map<string, ArchiveLine>> {
  const ids = evidence.map((item) => item.id);
  if (ids.length === 0) return new Map();
  const [snapshots, checks, jobs] = await Promise.all([
    db().evidenceSnapshot.findMany({ where: { evidenceId: { in: ids } }, orderBy: [{ fetchedAt: "asc" }, { id: "asc" }], select: { ...SNAPSHOT_META, evidenceId: true } }),
    db().evidenceLinkCheck.findMany({
      where: { evidenceId: { in: ids } },
      orderBy: [{ checkedAt: "desc" }, { id: "desc" }],
      distinct: ["evidenceId"],
      select: { evidenceId: true, change: true, checkedAt: true },
    }),
    db().$queryRaw<{ key: string; last_error: string | null }[]>`
      SELECT key, last_error FROM graphile_worker.jobs
       WHERE key = ANY(${ids.flatMap((id) => [`archive.snapshot:${id}`, `archive.check:${id}`])}::text[])`,
  ]);
  const lines = new Map<string, ArchiveLine>();
  for (const item of evidence) {
    const own = snapshots.filter((snapshot) => snapshot.evidenceId === item.id && snapshot.requestedUrl === item.url);
    const good = own.find((snapshot) => snapshot.error === null && snapshot.status !== null && snapshot.status >= 200 && snapshot.status < 300);
    const job = jobs.find((row) => row.key === `archive.snapshot:${item.id}`);
    let state: ArchiveState;
    if (good && good.htmlSha256 && good.textSha256) {
      state = { kind: "archived", snapshotId: good.id, fetchedAt: good.fetchedAt, htmlSha256: good.htmlSha256, textSha256: good.textSha256, truncated: good.htmlTruncated, archiveOrgUrl: good.archiveOrgUrl };
    } else if (job || own.length === 0) {
      state = { kind: "pending", retrying: job?.last_error ? job.last_error.split("\n")[0]!.slice(0, 200) : null };
    } else {
      const failed = own.at(-1)!;
      state = { kind: "failed", reason: failed.error ?? `the page answered ${failed.status}`, snapshotId: failed.htmlSha256 ? failed.id : null };
    }
    const check = checks.find((row) => row.evidenceId === item.id);
    lines.set(item.id, {
      state,
      changed:
        check && check.change !== "unchanged" && check.change !== "unreachable" && state.kind === "archived"
          ? { change: check.change, checkedAt: check.checkedAt }
          : null,
      unreachableSince: check?.change === "unreachable" ? check.checkedAt : null,
      checkPending: jobs.some((row) => row.key === `archive.check:${item.id}`),
    });
  }
  return lines;
}

/** A snapshot with what its view needs to decide who may see it. */
export async function snapshotForView(id: string) {
  const snapshot = await db().evidenceSnapshot.findUnique({
    where: { id },
    select: {
      ...SNAPSHOT_META,
      contentType: true,
      storage: true,
      htmlKey: true,
      textKey: true,
      evidence: { select: { removedAt: true, claim: { select: { publication: true } } } },
    },
  });
  if (!snapshot) return null;
  return { ...snapshot, public: snapshot.evidence.claim.publication === "published" && snapshot.evidence.removedAt === null };
}

type StoredBodies = { id: string; storage: "database" | "s3"; htmlKey: string | null; textKey: string | null };

export async function snapshotHtml(snapshot: StoredBodies): Promise<Buffer> {
  if (snapshot.storage === "s3") return getObject(snapshot.htmlKey!);
  const row = await db().evidenceSnapshot.findUniqueOrThrow({ where: { id: snapshot.id }, select: { html: true } });
  return Buffer.from(row.html ?? new Uint8Array());
}

export async function snapshotText(snapshot: StoredBodies): Promise<string> {
  if (snapshot.storage === "s3") return (await getObject(snapshot.textKey!)).toString("utf8");
  const row = await db().evidenceSnapshot.findUniqueOrThrow({ where: { id: snapshot.id }, select: { text: true } });
  return row.text ?? "";
}

const BODY_META = { id: true, storage: true, htmlKey: true, textKey: true, fetchedAt: true, status: true, finalUrl: true, textSha256: true } as const;

/**
 * What the change view compares: the first good snapshot and the one the latest changed check
 * took, with both texts. Null when the source has not changed (or the evidence is not this claim's).
 */
export async function evidenceChange(claimId: string, evidenceId: string) {
  const evidence = await db().evidence.findFirst({ where: { id: evidenceId, claimId }, select: { id: true, url: true, headline: true } });
  if (!evidence) return null;
  const [first, check] = await Promise.all([
    db().evidenceSnapshot.findFirst({ where: { evidenceId, requestedUrl: evidence.url, ...GOOD }, orderBy: [{ fetchedAt: "asc" }, { id: "asc" }], select: BODY_META }),
    db().evidenceLinkCheck.findFirst({
      where: { evidenceId, snapshotId: { not: null } },
      orderBy: [{ checkedAt: "desc" }, { id: "desc" }],
      select: { change: true, checkedAt: true, snapshot: { select: BODY_META } },
    }),
  ]);
  if (!first || !check?.snapshot) return null;
  const [before, after] = await Promise.all([snapshotText(first), snapshotText(check.snapshot)]);
  return { evidence, change: check.change, checkedAt: check.checkedAt, first, latest: check.snapshot, before, after };
}
