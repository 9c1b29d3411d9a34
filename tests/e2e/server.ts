// The server the Playwright tests run against: the production build (`next start`) on a fresh,
// throw-away embedded PostgreSQL, migrated and seeded with the demo story.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { serverCommand } from "@/scripts/lib/next-build";
import { startSeededPostgres } from "./support/servers";

const port = process.env.E2E_PORT ?? "3100";
const { postgres: server, url } = await startSeededPostgres("claimtrail_e2e");

const next = spawn(process.execPath, serverCommand({ port, hostname: "127.0.0.1" }), {
  stdio: "inherit",
  env: {
    ...process.env,
    DATABASE_URL: url,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    APP_URL: `http://127.0.0.1:${port}`,
    // Not UTC, so that the tests see times converted; the demo story's dates stay the same in it.
    NEWSROOM_TIME_ZONE: "America/New_York",
    NEXT_TELEMETRY_DISABLED: "1",
    // Webhook receivers started by specs listen on 127.0.0.1 (webhooks.spec.ts); the archive's spec
    // serves articles from 127.0.0.1 (tests/support/article-server.ts), named gazette.localhost so
    // that the evidence form accepts them (tests/support/localhost-dns.cjs).
    OUTBOUND_ALLOW_PRIVATE: "1",
    NODE_OPTIONS: [process.env.NODE_OPTIONS, `--require ${path.resolve("tests/support/localhost-dns.cjs")}`].filter(Boolean).join(" "),
  },
});

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  next.kill("SIGTERM");
  await server.stop();
  process.exit(code);
}
process.on("SIGTERM", () => void stop(0));
process.on("SIGINT", () => void stop(0));
next.once("exit", (code) => void stop(code ?? 1));
