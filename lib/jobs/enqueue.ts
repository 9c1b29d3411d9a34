// Adds a background job inside the caller's transaction: the job exists if and only if the write
// that caused it committed (a transactional outbox, with the queue's own table as the outbox).
import "server-only";
import { JOBS, type JobName, type JobPayload } from "@/lib/jobs/catalog";

/** Anything that runs raw SQL: a Prisma transaction client (the usual case) or the client itself. */
type Sql = { $executeRaw(query: TemplateStringsArray, ...values: unknown[]): Promise<number> };

export type EnqueueOptions = {
  /** Not before this time (default: now). */
  runAt?: Date;
  /** A job with the same key that has not started yet is replaced instead of duplicated. */
  jobKey?: string;
  /** Attempts before the job is given up (default 25, graphile-worker's exponential backoff). */
  maxAttempts?: number;
  /** Jobs in one named queue run one at a time, in order. */
  queue?: string;
};

export async function enqueueJob<N extends JobName>(sql: Sql, name: N, payload: JobPayload<N>, options: EnqueueOptions = {}): Promise<void> {
  // Parsed here too: a job that could never run is refused while its write can still roll back.
  const parsed = JOBS[name].parse(payload);
  await sql.$executeRaw`SELECT graphile_worker.add_job(
    identifier => ${name}::text,
    payload => ${JSON.stringify(parsed)}::json,
    queue_name => ${options.queue ?? null}::text,
    run_at => ${options.runAt ?? null}::timestamptz,
    max_attempts => ${options.maxAttempts ?? null}::int,
    job_key => ${options.jobKey ?? null}::text
  )`;
}
