// The migration runner (lib/db/migrate.ts) against real, empty databases.
import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, migrate, MigrationError, readMigrations } from "@/lib/db/migrate";
import { createFreshDatabase, query } from "@/tests/setup/fresh-database";

let dir: string;
let database: Awaited<ReturnType<typeof createFreshDatabase>>;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "claimtrail-migrations-"));
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  database = await createFreshDatabase();
});

afterEach(async () => {
  await database.drop();
  await rm(dir, { recursive: true, force: true });
});

async function addMigration(name: string, sql: string) {
  await mkdir(path.join(dir, name));
  await writeFile(path.join(dir, name, "migration.sql"), sql);
}

type Row = { migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number };
const history = () =>
  query<Row>(database.url, `SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name`);

describe("migrate", () => {
  it("applies every migration once and records it as Prisma Migrate does", async () => {
    const migrations = await readMigrations(dir);
    const first = await migrate(database.url, dir);
    expect(first.applied).toEqual(migrations.map((migration) => migration.name));

    const rows = await history();
    expect(rows.map((row) => row.migration_name)).toEqual(first.applied);
    for (const row of rows) {
      const file = await readFile(path.join(dir, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(file).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
    }

    const second = await migrate(database.url, dir);
    expect(second).toEqual({ applied: [], alreadyApplied: migrations.length });
    expect(await history()).toHaveLength(migrations.length);
  });

  it("applies only what is pending", async () => {
    await migrate(database.url, dir);
    await addMigration("29990101000000_add_note", `ALTER TABLE "claims" ADD COLUMN "note" TEXT;`);
    const result = await migrate(database.url, dir);
    expect(result.applied).toEqual(["29990101000000_add_note"]);
    await expect(query(database.url, `SELECT "note" FROM claims`)).resolves.toEqual([]);
  });

  it("refuses a migration that was modified after it was applied, and changes nothing", async () => {
    await migrate(database.url, dir);
    const [first] = await readMigrations(dir);
    await writeFile(path.join(dir, first!.name, "migration.sql"), `${first!.sql}\n-- edited\n`);
    await addMigration("29990101000000_add_note", `ALTER TABLE "claims" ADD COLUMN "note" TEXT;`);

    await expect(migrate(database.url, dir)).rejects.toThrow(MigrationError);
    await expect(migrate(database.url, dir)).rejects.toThrow(/was modified after it was applied/);
    expect((await history()).map((row) => row.migration_name)).not.toContain("29990101000000_add_note");
  });

  it("accepts an applied migration checked out with CRLF line endings", async () => {
    await migrate(database.url, dir);
    const [first] = await readMigrations(dir);
    await writeFile(path.join(dir, first!.name, "migration.sql"), first!.sql.replaceAll("\n", "\r\n"));
    await expect(migrate(database.url, dir)).resolves.toMatchObject({ applied: [] });
  });

  it("refuses when an applied migration is missing from the folder", async () => {
    await migrate(database.url, dir);
    const [first] = await readMigrations(dir);
    await rm(path.join(dir, first!.name), { recursive: true });
    await expect(migrate(database.url, dir)).rejects.toThrow(/is recorded as applied but is missing/);
  });

  it("rolls back a failing migration completely and records nothing", async () => {
    await migrate(database.url, dir);
    await addMigration(
      "29990101000000_broken",
      `CREATE TABLE "half_done" (id INT);\nALTER TABLE "no_such_table" ADD COLUMN x INT;`,
    );
    await expect(migrate(database.url, dir)).rejects.toThrow(/29990101000000_broken failed and was rolled back/);
    expect((await history()).map((row) => row.migration_name)).not.toContain("29990101000000_broken");
    const tables = await query(database.url, `SELECT 1 FROM pg_tables WHERE tablename = 'half_done'`);
    expect(tables).toEqual([]);
  });

  it("lets only one of two simultaneous runs apply the migrations", async () => {
    const [a, b] = await Promise.all([migrate(database.url, dir), migrate(database.url, dir)]);
    const count = (await readMigrations(dir)).length;
    expect([...a.applied, ...b.applied]).toHaveLength(count);
    expect(await history()).toHaveLength(count);
  });
});
