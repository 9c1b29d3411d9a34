// Where scripts find their database: DATABASE_URL when it is set, else the embedded PostgreSQL
// under .data/ (started here, stopped by the returned function).
import { existsSync } from "node:fs";
import { createHash } from "node:crypto";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { ensureDatabase, isReachableByOtherUsers, startEmbeddedPostgres } from "./embedded-postgres.ts";

export const ROOT = path.resolve(import.meta.dirname, "../..");
const DATABASE_NAME = "claimtrail";
const PREFERRED_PORT = 54_329;

export type Database = { url: string; embedded: boolean; describe: string; stop: () => Promise<void> };

/** Loads `.env` when there is one, as Next does, so scripts and the app agree on DATABASE_URL. */
export function loadDotEnv(): void {
  const file = path.join(ROOT, ".env");
  if (existsSync(file)) process.loadEnvFile(file);
}

export class DatabaseUnreachableError extends Error {}

export async function openDatabase(): Promise<Database> {
  const external = process.env.DATABASE_URL;
  if (external) {
    await checkReachable(external);
    return { url: external, embedded: false, describe: redact(external), stop: async () => {} };
  }
  const dataDir = embeddedDataDir();
  const server = await startEmbeddedPostgres({ dataDir, port: PREFERRED_PORT });
  try {
    await ensureDatabase(server.url("postgres"), DATABASE_NAME);
  } catch (error) {
    await server.stop();
    throw error;
  }
  const url = server.url(DATABASE_NAME);
  return {
    url,
    embedded: true,
    describe: `embedded PostgreSQL in ${displayPath(dataDir)} (port ${server.port})`,
    stop: () => server.stop(),
  };
}

/**
 * .data/postgres in the checkout. As root, Postgres runs as the `postgres` user, who cannot reach a
 * checkout under a private home directory such as /root: then the data lives in a directory of
 * its own under the system's temp root instead, one per checkout.
 */
function embeddedDataDir(): string {
  const inCheckout = path.join(ROOT, ".data", "postgres");
  if (process.getuid?.() !== 0 || isReachableByOtherUsers(inCheckout)) return inCheckout;
  const id = createHash("sha256").update(ROOT).digest("hex").slice(0, 12);
  return path.join(os.tmpdir(), `claimtrail-${id}`, "postgres");
}

function displayPath(dir: string): string {
  const relative = path.relative(process.cwd(), dir);
  return relative && !relative.startsWith("..") ? relative : dir;
}

async function checkReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason = code ? `${code}: ${(error as Error).message}` : (error as Error).message;
    throw new DatabaseUnreachableError(`Cannot reach the database at ${redact(url)} (${reason}). Check DATABASE_URL.`);
  } finally {
    await client.end().catch(() => {});
  }
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

/**
 * Runs a command-line script: known failures print one line and exit 1, never a stack trace.
 */
export async function runScript(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`\n✖ ${message}`);
    if (process.env.DEBUG) console.error(error);
    process.exit(1);
  }
}
