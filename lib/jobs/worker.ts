// The job worker: graphile-worker running every handler of lib/jobs/tasks.ts. It runs in its own
// process (scripts/worker.ts), which the app's server starts beside itself unless JOBS_WORKER=off;
// several workers may run at once (jobs are claimed with SKIP LOCKED). docs/jobs.md.
import "server-only";
import { Logger, run, type Runner, type Task, type TaskList } from "graphile-worker";
import { JOBS, type JobName, SCHEDULE } from "@/lib/jobs/catalog";
import { migrateJobQueue } from "@/lib/jobs/schema";
import { HANDLERS, type JobHandler } from "@/lib/jobs/tasks";

/** graphile-worker's log lines, prefixed like the rest of the app's; debug lines dropped. */
export const jobLogger = new Logger((scope) => (level, message) => {
  // One line per finished job would drown the server's log; failures are still logged.
  if (level === "debug" || message.startsWith("Completed task")) return;
  const where = scope.taskIdentifier ? ` ${scope.taskIdentifier}${scope.jobId ? `#${scope.jobId}` : ""}` : "";
  (level === "error" ? console.error : level === "warning" ? console.warn : console.log)(`[jobs${where}] ${message}`);
});

/**
 * The handlers, each behind its payload's schema: a payload that does not parse (written by an
 * older version, or by hand) is logged and dropped, since retrying it could never succeed.
 */
export function taskList(handlers: { [N in JobName]: JobHandler<N> } = HANDLERS, names: readonly JobName[] = Object.keys(JOBS) as JobName[]): TaskList {
  const list: TaskList = {};
  for (const name of names) {
    const task: Task = async (raw, helpers) => {
      const parsed = JOBS[name].safeParse(raw);
      if (!parsed.success) {
        helpers.logger.error(`dropped: its payload does not match the job's schema (${parsed.error.issues.map((issue) => issue.message).join("; ")})`);
        return;
      }
      await (handlers[name] as JobHandler<JobName>)(parsed.data as never, helpers);
    };
    list[name] = task;
  }
  return list;
}

export type WorkerOptions = {
  connectionString: string;
  /** Jobs run at once in this process. */
  concurrency?: number;
  /** How often to look for jobs when LISTEN/NOTIFY says nothing (ms); new jobs start at once anyway. */
  pollInterval?: number;
  /** Only these jobs (a test of one feature); every job by default. Others stay queued. */
  tasks?: readonly JobName[];
  /** Recurring jobs (crontab lines); the catalog's SCHEDULE by default. */
  schedule?: readonly string[];
};

export async function startWorker(options: WorkerOptions): Promise<Runner> {
  await migrateJobQueue(options.connectionString);
  return run({
    connectionString: options.connectionString,
    concurrency: options.concurrency ?? 4,
    pollInterval: options.pollInterval ?? 2_000,
    noHandleSignals: true,
    logger: jobLogger,
    taskList: taskList(HANDLERS, options.tasks),
    // A comment line keeps graphile-worker from looking for a crontab file when nothing recurs.
    crontab: ["# lib/jobs/catalog.ts SCHEDULE", ...(options.schedule ?? SCHEDULE)].join("\n"),
  });
}
