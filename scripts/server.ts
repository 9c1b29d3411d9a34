// The HTTP server Claimtrail runs in: Node's http server, the HTTP front (lib/http/front.ts), and
// Next.js's request handler behind it (a Next.js custom server). `npm start`, `npm run dev`, the
// browser tests and production all run this file.
//
// Usage: tsx scripts/server.ts [--dev] [--port N] [--hostname H]
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { frontEnv } from "@/lib/env";
import { answerClientError, createFront } from "@/lib/http/front";
import { createResponseCache } from "@/lib/http/response-cache";
import { ROOT } from "./lib/database.ts";

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

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    // Requests in flight get a moment; then the process goes anyway.
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
