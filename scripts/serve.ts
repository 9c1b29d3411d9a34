// npm start / npm run dev: one command from a fresh clone to a running Claimtrail.
// Starts the embedded PostgreSQL (unless DATABASE_URL is set), migrates, seeds an empty database
// with the demo story, builds when the build is missing or stale (start only), then serves.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createPrismaClient } from "@/lib/db/client";
import { runDataSteps } from "@/lib/db/data-migrations";
import { migrate } from "@/lib/db/migrate";
import { DEMO_ACCOUNTS, seedDemoData } from "@/prisma/seed";
import { freePort } from "./lib/embedded-postgres.ts";
import { loadDotEnv, openDatabase, ROOT, runScript } from "./lib/database.ts";
import { buildApp, buildIsStale, serverCommand } from "./lib/next-build.ts";

const mode = process.argv[2] === "dev" ? "dev" : "start";

await runScript(async () => {
  loadDotEnv();
  const port = parsePort(process.env.PORT ?? "3000");
  if ((await freePort(port)) !== port) {
    throw new Error(`Port ${port} is already in use. Stop what is using it, or pick another: PORT=${port + 1} npm ${mode === "dev" ? "run dev" : "start"}`);
  }

  const authSecret = localAuthSecret();
  const database = await openDatabase();
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await database.stop().catch(() => {});
    process.exit(code);
  };

  try {
    const migrated = await migrate(database.url);
    if (migrated.applied.length) console.log(`Applied migrations: ${migrated.applied.join(", ")}`);
    for (const line of await runDataSteps(database.url, migrated.applied)) console.log(`Data step ${line}`);
    await seedIfEmpty(database.url);
    if (mode === "start" && buildIsStale()) {
      console.log("Building Claimtrail (first run, or the sources changed since the last build)…");
      const code = await buildApp();
      if (code !== 0) throw new Error("The production build failed; see the output above.");
    }
  } catch (error) {
    await database.stop().catch(() => {});
    throw error;
  }

  const server = spawn(process.execPath, serverCommand({ port, dev: mode === "dev" }), {
    cwd: ROOT,
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      AUTH_SECRET: authSecret,
      APP_URL: process.env.APP_URL ?? `http://localhost:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      server.kill(signal);
    });
  }
  server.once("exit", (code) => void shutdown(code ?? 0));

  if (await waitForHealth(port)) printBanner(port, database.describe);
});

/**
 * AUTH_SECRET signs session cookies. Production must set its own; for local use one is made once
 * and kept in .data/, so sessions survive restarts.
 */
function localAuthSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  if (process.env.NODE_ENV === "production") throw new Error("AUTH_SECRET must be set in production (at least 32 random characters).");
  const file = path.join(ROOT, ".data", "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`PORT must be a number from 1 to 65535, not "${value}".`);
  return port;
}

async function seedIfEmpty(url: string): Promise<void> {
  const prisma = createPrismaClient(url, { max: 2 });
  try {
    if ((await prisma.user.count()) > 0) return;
    if (process.env.NODE_ENV === "production") {
      console.log("The database is empty. Demo data is not seeded when NODE_ENV=production; create accounts instead.");
      return;
    }
    const result = await seedDemoData(prisma);
    console.log(`Seeded the demo newsroom: ${result.claimsCreated} claims.`);
  } finally {
    await prisma.$disconnect();
  }
}

async function waitForHealth(port: number): Promise<boolean> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return false;
}

function printBanner(port: number, database: string): void {
  const accounts = DEMO_ACCOUNTS.map((account) => `    ${account.role.padEnd(13)} ${account.email.padEnd(27)} ${account.password}`);
  console.log(
    [
      "",
      `  Claimtrail is running: http://localhost:${port}`,
      `  Database: ${database}`,
      "",
      "  Demo accounts (local demo only):",
      ...accounts,
      "",
      "  Press Ctrl+C to stop.",
      "",
    ].join("\n"),
  );
}
