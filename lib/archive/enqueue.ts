// The one call a write makes to have a piece of evidence archived, inside its own transaction.
import "server-only";
import { enqueueJob } from "@/lib/jobs/enqueue";

type Sql = Parameters<typeof enqueueJob>[0];

/**
 * About eight attempts with graphile-worker's exponential backoff: a site that is down comes back
 * within the ~20 minutes this spans, or the snapshot records why it could not be archived.
 */
export const ARCHIVE_MAX_ATTEMPTS = 8;

export const archiveJobKey = (evidenceId: string) => `archive.snapshot:${evidenceId}`;
export const checkJobKey = (evidenceId: string) => `archive.check:${evidenceId}`;

/** Queues the snapshot of `evidenceId`'s URL; a pending one for the same evidence is replaced, not doubled. */
export async function enqueueArchive(sql: Sql, evidenceId: string): Promise<void> {
  await enqueueJob(sql, "archive.snapshot", { evidenceId }, { jobKey: archiveJobKey(evidenceId), maxAttempts: ARCHIVE_MAX_ATTEMPTS });
}

/** Queues a link-rot check of `evidenceId` (now, or at `runAt` when the weekly sweep spreads them). */
export async function enqueueCheck(sql: Sql, evidenceId: string, runAt?: Date): Promise<void> {
  await enqueueJob(sql, "archive.check", { evidenceId }, { jobKey: checkJobKey(evidenceId), maxAttempts: 3, runAt });
}
