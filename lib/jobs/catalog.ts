// Every kind of background job, with the Zod schema of its payload: the one list both the code that
// enqueues (inside a write's transaction) and the worker that runs the job read from.
// docs/jobs.md explains the queue.
import { z } from "zod";

export const JOBS = {
  /** Proves the queue end to end (tests and `npm run worker -- --check`). */
  "jobs.ping": z.object({ note: z.string().max(200) }),
} as const;

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOBS)[N]>;

/**
 * Recurring jobs, in graphile-worker's crontab format (minute hour day month weekday task ?opts
 * payload). Each line's task must be in JOBS and accept an empty object as its payload.
 */
export const SCHEDULE: readonly string[] = [];
