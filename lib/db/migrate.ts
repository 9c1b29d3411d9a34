// Applies prisma/migrations the way `prisma migrate deploy` would, without Prisma's schema-engine
// binary (which cannot be downloaded on our machines; docs/decisions/0002-migration-runner.md).
// It writes the same `_prisma_migrations` rows (id, sha256 checksum, timestamps, step count), so a
// machine that has the engine sees the same history with `prisma migrate status`.
import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { migrateJobQueue } from "@/lib/jobs/schema";

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/migrations");

// Any constant works; it only has to be the same for every Claimtrail process.
const ADVISORY_LOCK_KEY = 7_284_310_551;

export class MigrationError extends Error {}

export type Migration = { name: string; sql: string; checksum: string };

export type MigrateResult = { applied: string[]; alreadyApplied: number };

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const bytes = await readFile(path.join(dir, name, "migration.sql"));
      return { name, sql: bytes.toString("utf8"), checksum: sha256(bytes) };
    }),
  );
}

function sha256(data: Buffer | string): string {
  return createHash("sha256").update(data).digest("hex");
}

/**
 * Prisma accepts a checksum taken with either line ending, so a checkout on Windows (CRLF) does
 * not count as a modified migration. We accept the same three forms.
 */
function checksumMatches(migration: Migration, recorded: string): boolean {
  const lf = migration.sql.replaceAll("\r\n", "\n");
  return [migration.checksum, sha256(lf), sha256(lf.replaceAll("\n", "\r\n"))].includes(recorded);
}

const CREATE_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

type AppliedRow = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null };

/**
 * Applies every pending migration in name order, each in its own transaction, under an advisory
 * lock so that two processes starting at once cannot both migrate. Before applying anything it
 * checks the recorded history: an applied migration that was modified or deleted, or one that
 * failed half-way, stops the run with nothing changed.
 */
export async function migrate(connectionString: string, dir = MIGRATIONS_DIR): Promise<MigrateResult> {
  const migrations = await readMigrations(dir);
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query("SET client_min_messages = warning");
    await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
    try {
      await client.query(CREATE_TABLE);
      const { rows } = await client.query<AppliedRow>(
        `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
      );
      const applied = new Map<string, AppliedRow>();
      for (const row of rows) {
        if (row.rolled_back_at) continue;
        if (!row.finished_at) {
          throw new MigrationError(
            `Migration ${row.migration_name} started but never finished. Inspect the database, then mark it ` +
              `resolved (prisma migrate resolve) before migrating again.`,
          );
        }
        applied.set(row.migration_name, row);
      }
      const byName = new Map(migrations.map((migration) => [migration.name, migration]));
      for (const name of applied.keys()) {
        if (!byName.has(name)) {
          throw new MigrationError(
            `Migration ${name} is recorded as applied but is missing from ${path.relative(process.cwd(), dir)}. ` +
              `Restore it; applied migrations are never deleted.`,
          );
        }
      }
      for (const [name, row] of applied) {
        const migration = byName.get(name);
        if (migration && !checksumMatches(migration, row.checksum)) {
          throw new MigrationError(
            `Migration ${name} was modified after it was applied. Revert the change and put it in a new migration.`,
          );
        }
      }

      const pending = migrations.filter((migration) => !applied.has(migration.name));
      for (const migration of pending) await applyOne(client, migration);
      // The job queue's tables come with the app's (docs/jobs.md), not with a test's own history.
      if (dir === MIGRATIONS_DIR) await migrateJobQueue(connectionString);
      return { applied: pending.map((migration) => migration.name), alreadyApplied: applied.size };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

async function applyOne(client: pg.Client, migration: Migration): Promise<void> {
  const id = randomUUID();
  await client.query("BEGIN");
  try {
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), 0)`,
      [id, migration.checksum, migration.name],
    );
    await client.query(migration.sql);
    await client.query(
      `UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`,
      [id],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${reason}`);
  }
}
