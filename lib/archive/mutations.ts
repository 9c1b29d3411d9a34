// The archive's writes: snapshots and link checks, each in one transaction with the expiry of the
// claim page that shows them. Bodies go to S3 first when it is configured (a row never points at
// an object that was not written); an S3 failure throws, and the job is retried.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Capture } from "@/lib/archive/capture";
import { enqueueCheck } from "@/lib/archive/enqueue";
import { configuredStorage, putObject, snapshotKeys } from "@/lib/archive/storage";
import { TAG } from "@/lib/cache/tag-names";
import { assertCan, type ChangeActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { LinkChange } from "@/lib/generated/prisma/enums";
import { notifyExpired } from "@/lib/jobs/expire";

export type SnapshotOutcome = { kind: "captured"; capture: Capture; error: string | null } | { kind: "failed"; requestedUrl: string; error: string };

type Target = { id: string; claim: { slug: string; publication: string }; removedAt: Date | null };

async function storeBodies(evidenceId: string, snapshotId: string, capture: Capture) {
  if (configuredStorage() === "database") {
    return { storage: "database" as const, html: new Uint8Array(capture.html), text: capture.text, htmlKey: null, textKey: null };
  }
  const keys = snapshotKeys(evidenceId, snapshotId);
  await putObject(keys.htmlKey, capture.html, capture.contentType ?? "application/octet-stream");
  await putObject(keys.textKey, capture.text, "text/plain; charset=utf-8");
  return { storage: "s3" as const, html: null, text: null, ...keys };
}

function snapshotData(evidenceId: string, id: string, outcome: SnapshotOutcome, bodies: Awaited<ReturnType<typeof storeBodies>> | null) {
  if (outcome.kind === "failed") return { id, evidenceId, requestedUrl: outcome.requestedUrl, error: outcome.error };
  const { capture } = outcome;
  return {
    id,
    evidenceId,
    requestedUrl: capture.requestedUrl,
    finalUrl: capture.finalUrl,
    status: capture.status,
    contentType: capture.contentType?.slice(0, 200) ?? null,
    htmlBytes: capture.html.length,
    htmlTruncated: capture.htmlTruncated,
    htmlSha256: capture.htmlSha256,
    textSha256: capture.textSha256,
    error: outcome.error,
    ...bodies,
  };
}

/** Readers see "archived copy" once the first snapshot exists: their page is expired with it. */
async function expireReaderPage(tx: Parameters<typeof notifyExpired>[0], target: Target) {
  if (target.claim.publication === "published" && !target.removedAt) await notifyExpired(tx, [TAG.claim(target.claim.slug)]);
}

export async function recordSnapshot(target: Target, outcome: SnapshotOutcome): Promise<{ id: string }> {
  const id = randomUUID();
  const bodies = outcome.kind === "captured" ? await storeBodies(target.id, id, outcome.capture) : null;
  return db().$transaction(async (tx) => {
    await tx.evidenceSnapshot.create({ data: snapshotData(target.id, id, outcome, bodies) });
    await expireReaderPage(tx, target);
    return { id };
  });
}

export async function setArchiveOrgUrl(snapshotId: string, url: string): Promise<void> {
  await db().evidenceSnapshot.update({ where: { id: snapshotId }, data: { archiveOrgUrl: url } });
}

export type CheckRecord = {
  change: LinkChange;
  status: number | null;
  finalUrl: string | null;
  textSha256: string | null;
  error: string | null;
};

/**
 * Records a link check; with `newSnapshot`, stores the page as it is now too, in the same
 * transaction (the diff view compares it with the first snapshot). `reuseSnapshotId` points the
 * check at an earlier snapshot that already holds the same page.
 */
export async function recordCheck(
  target: Target,
  check: CheckRecord,
  snapshot: { capture: Capture } | { reuseSnapshotId: string } | null,
): Promise<{ id: string; snapshotId: string | null }> {
  let snapshotId: string | null = null;
  let bodies: Awaited<ReturnType<typeof storeBodies>> | null = null;
  if (snapshot && "capture" in snapshot) {
    snapshotId = randomUUID();
    bodies = await storeBodies(target.id, snapshotId, snapshot.capture);
  } else if (snapshot) {
    snapshotId = snapshot.reuseSnapshotId;
  }
  return db().$transaction(async (tx) => {
    if (snapshot && "capture" in snapshot && snapshotId) {
      await tx.evidenceSnapshot.create({ data: snapshotData(target.id, snapshotId, { kind: "captured", capture: snapshot.capture, error: null }, bodies) });
    }
    const row = await tx.evidenceLinkCheck.create({
      data: { evidenceId: target.id, snapshotId, ...check, finalUrl: check.finalUrl, error: check.error?.slice(0, 500) ?? null },
      select: { id: true },
    });
    return { id: row.id, snapshotId };
  });
}

/**
 * The weekly sweep: one check per live piece of evidence, spread evenly over `spreadMs` so that a
 * newsroom with thousands of links does not fetch them all at once (and no site sees a burst).
 * A check still pending for the same evidence is replaced (job key), never doubled.
 */
export async function enqueueRechecks(now: Date, spreadMs: number): Promise<number> {
  const rows = await db().evidence.findMany({ where: { removedAt: null }, select: { id: true }, orderBy: { id: "asc" } });
  const step = rows.length > 0 ? spreadMs / rows.length : 0;
  // In batches: one transaction each, so a sweep over many links holds no long transaction.
  for (let start = 0; start < rows.length; start += 500) {
    const batch = rows.slice(start, start + 500);
    await db().$transaction(async (tx) => {
      for (const [offset, row] of batch.entries()) {
        await enqueueCheck(tx, row.id, new Date(now.getTime() + Math.round((start + offset) * step)));
      }
    });
  }
  return rows.length;
}

/** The desk's "check now": queues a link check of one piece of this claim's live evidence. */
export async function requestCheck(actor: ChangeActor, input: { claimId: string; evidenceId: string }): Promise<void> {
  assertCan(actor, "evidence.update");
  await db().$transaction(async (tx) => {
    const evidence = await tx.evidence.findFirst({ where: { id: input.evidenceId, claimId: input.claimId }, select: { removedAt: true } });
    if (!evidence) throw new NotFoundError("That evidence is not part of this claim.");
    if (evidence.removedAt) throw new ConflictError("This evidence was removed in the meantime.");
    await enqueueCheck(tx, input.evidenceId);
  });
}
