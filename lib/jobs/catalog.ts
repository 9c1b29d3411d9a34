// Every kind of background job, with the Zod schema of its payload: the one list both the code that
// enqueues (inside a write's transaction) and the worker that runs the job read from.
// docs/jobs.md explains the queue.
import { z } from "zod";

export const JOBS = {
  /** Proves the queue end to end (tests and `npm run worker -- --check`). */
  "jobs.ping": z.object({ note: z.string().max(200) }),
  /** One attempt at one webhook delivery (lib/webhooks/deliver.ts); it schedules the next itself. */
  "webhook.deliver": z.object({ deliveryId: z.uuid() }),
  /** Fetches and stores a snapshot of a piece of evidence's URL (docs/archive.md). */
  "archive.snapshot": z.object({ evidenceId: z.uuid() }),
  /** Fetches an archived URL again and records whether it changed since the first snapshot. */
  "archive.check": z.object({ evidenceId: z.uuid() }),
  /**
   * Weekly: enqueues one archive.check per live piece of evidence, spread over a few hours. A colon,
   * not a dot: graphile-worker's crontab accepts only letters, digits and `_ - : /` in a task name.
   */
  "archive:recheck": z.object({}),
} as const;

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOBS)[N]>;

/**
 * Recurring jobs, in graphile-worker's crontab format (minute hour day month weekday task ?opts
 * payload). Each line's task must be in JOBS and accept an empty object as its payload, and its
 * name must be one crontab accepts (no dots; catalog.test.ts parses every line).
 */
export const SCHEDULE: readonly string[] = [
  // Link rot: Mondays at 03:00 UTC (the checks themselves are spread over the following hours).
  "0 3 * * 1 archive:recheck",
];
