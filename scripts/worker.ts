// The background job worker (lib/jobs/worker.ts) as a process of its own.
//   npm run worker            runs it against DATABASE_URL (production: beside `JOBS_WORKER=off` web servers)
// The app's server (scripts/server.ts) starts one of these beside itself unless JOBS_WORKER=off.
// Needs the same environment as the web server (DATABASE_URL, AUTH_SECRET, APP_URL, …).
import { serverEnv } from "@/lib/env";
import { startWorker } from "@/lib/jobs/worker";

const env = serverEnv();
const concurrency = Number(process.env.JOBS_CONCURRENCY ?? 4);
if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 100) {
  console.error(`JOBS_CONCURRENCY must be a whole number from 1 to 100, not "${process.env.JOBS_CONCURRENCY}".`);
  process.exit(1);
}
const runner = await startWorker({ connectionString: env.DATABASE_URL, concurrency });
console.log(`[jobs] worker started (${concurrency} at a time)`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  // Jobs in flight finish (or are handed back) before the process goes.
  runner.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
  setTimeout(() => process.exit(0), 10_000).unref();
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
// Started by the app's server (scripts/server.ts): stop when it goes, even if it was killed.
process.once("disconnect", stop);
await runner.promise;
