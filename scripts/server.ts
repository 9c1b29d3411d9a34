// The HTTP server Claimtrail runs in: Node's http server, the HTTP front (lib/http/front.ts), and
// Next.js's request handler behind it (a Next.js custom server). `npm start`, `npm run dev`, the
// browser tests and production all run this file.
//
// Usage: tsx scripts/server.ts [--dev] [--port N] [--hostname H]
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { frontEnv } from "@/lib/env";
import { answerClientError, createFront } from "@/lib/http/front";
import { createResponseCache } from "@/lib/http/response-cache";
import { listenForExpiry } from "@/lib/cache/expiry-listener";
import { ROOT } from "./lib/database.ts";
import { workerCommand } from "./lib/next-build.ts";

const { values: args } = parseArgs({
  options: { dev: { type: "boolean", default: false }, port: { type: "string", default: "3000" }, hostname: { type: "string" } },
});
// next.config.ts finds the cache handler from the working directory.
process.chdir(ROOT);
const env = frontEnv();
const port = Number(args.port);

const app = next({ dev: args.dev, dir: ROOT, hostname: args.hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const https = new URL(env.APP_URL).protocol === "https:";
const server = createServer(
  createFront({
    handle: (req, res) => handle(req, res),
    https,
    trustedProxyHops: env.TRUSTED_PROXY_HOPS,
    dev: args.dev,
    // Reader answers as sent, forgotten on any expired tag (docs/caching.md).
    responseCache: args.dev || process.env.READER_CACHE === "off" ? undefined : createResponseCache({ maxBytes: 64 * 1024 * 1024, ttlMs: 60_000 }),
  }),
);
server.on("clientError", answerClientError({ https }));
server.listen(port, args.hostname, () => {
  console.log(`Claimtrail${args.dev ? " (development)" : ""} listening on http://${args.hostname ?? "localhost"}:${port}`);
});

// Background jobs tell this process what to expire through PostgreSQL (lib/jobs/expire.ts).
const expiryListener = process.env.DATABASE_URL ? listenForExpiry(process.env.DATABASE_URL) : undefined;
const worker = process.env.JOBS_WORKER === "off" ? undefined : superviseWorker();

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    worker?.stop(signal);
    void expiryListener?.stop();
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    // Requests in flight get a moment; then the process goes anyway.
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}

/**
 * The job worker (scripts/worker.ts) as a child of this server, so that `npm start` and a single
 * production instance need nothing else. It is started again if it exits (1 s, doubling to 60 s).
 * Several instances each run one; jobs are claimed once. JOBS_WORKER=off leaves it to a
 * separate `npm run worker` (docs/jobs.md).
 */
function superviseWorker(): { stop: (signal: NodeJS.Signals) => void } {
  let child: ChildProcess | undefined;
  let stopping = false;
  let delay = 1_000;
  const start = () => {
    const started = Date.now();
    // The IPC channel closes when this process dies however it dies, and the worker then stops.
    child = spawn(process.execPath, workerCommand(), { cwd: ROOT, stdio: ["inherit", "inherit", "inherit", "ipc"], env: process.env });
    child.once("exit", (code, signal) => {
      child = undefined;
      if (stopping) return;
      // A worker that ran for a while before failing gets a fresh, short delay.
      if (Date.now() - started > 60_000) delay = 1_000;
      console.error(`[jobs] the worker exited (${signal ?? `code ${code}`}); starting it again in ${delay / 1000} s`);
      setTimeout(start, delay).unref();
      delay = Math.min(delay * 2, 60_000);
    });
  };
  start();
  return {
    stop: (signal) => {
      stopping = true;
      child?.kill(signal);
    },
  };
}
