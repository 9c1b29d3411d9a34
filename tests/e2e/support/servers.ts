// Servers for the browser tests: a seeded embedded PostgreSQL (the suite's own, tests/e2e/server.ts,
// and those of specs that need one they can stop), a Redis, and more app instances on the shared
// production build.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { createPrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { seedDemoData } from "@/prisma/seed";
import { ensureDatabase, freePort, type RunningPostgres, startEmbeddedPostgres } from "@/scripts/lib/embedded-postgres";
import { serverCommand } from "@/scripts/lib/next-build";

/** A fresh, throw-away embedded PostgreSQL with database `name`, migrated and seeded with the demo story. */
export async function startSeededPostgres(name = "claimtrail"): Promise<{ postgres: RunningPostgres; url: string }> {
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(os.tmpdir(), `claimtrail-e2e-${randomUUID()}`), ephemeral: true });
  await ensureDatabase(postgres.url("postgres"), name);
  const url = postgres.url(name);
  await migrate(url);
  const prisma = createPrismaClient(url, { max: 2 });
  await seedDemoData(prisma);
  await prisma.$disconnect();
  return { postgres, url };
}

/** Debian's redis-server on a free port, keeping nothing on disk. */
export async function startRedis(preferredPort: number): Promise<{ url: string; stop: () => void }> {
  const port = await freePort(preferredPort);
  const redis = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  const url = `redis://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt += 1) {
    try {
      if (execFileSync("redis-cli", ["-u", url, "ping"], { encoding: "utf8" }).trim() === "PONG") break;
    } catch {
      // not up yet
    }
    if (attempt > 50) throw new Error("redis-server did not start (is Debian's redis-server package installed?)");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, stop: () => void redis.kill("SIGTERM") };
}

export type AppServer = { base: string; process: ChildProcess; stop: () => Promise<void> };

/** One more instance of the app (the HTTP front and the production build), ready when it answers. */
export async function startApp(preferredPort: number, env: Record<string, string>): Promise<AppServer> {
  const port = await freePort(preferredPort);
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, serverCommand({ port, hostname: "127.0.0.1" }), {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, APP_URL: base, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  for (let attempt = 0; ; attempt += 1) {
    const answered = await fetch(`${base}/robots.txt`).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) break;
    if (child.exitCode !== null) throw new Error(`The app on port ${port} exited with code ${child.exitCode}`);
    if (attempt > 120) throw new Error(`The app on port ${port} did not start within a minute`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    base,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
