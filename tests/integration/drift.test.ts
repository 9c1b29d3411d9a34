// Drift test: prisma/schema.prisma and prisma/migrations must describe the same database.
// One fresh database gets the migrations; another gets the SQL that Prisma's own differ writes for
// schema.prisma from scratch. Their catalogs must agree on everything Prisma models: tables,
// columns (type, nullability, default), enums, indexes, primary, unique and foreign keys.
// Hand-written rules that Prisma cannot model (CHECK constraints, triggers, functions, partial
// indexes) are left out of the comparison on purpose; history-rules.test.ts and
// entity-search.test.ts test those.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { readSchema, schemaDiffSql } from "@/scripts/lib/schema-sql";
import { createFreshDatabase, query } from "@/tests/setup/fresh-database";

type Snapshot = { columns: string[]; enums: string[]; indexes: string[]; keys: string[] };

async function snapshot(url: string): Promise<Snapshot> {
  const rows = async (sql: string) => (await query<{ line: string }>(url, sql)).map((row) => row.line).sort();
  return {
    columns: await rows(`
      SELECT format('%s.%s %s %s default=%s', c.table_name, c.column_name,
                    format_type(a.atttypid, a.atttypmod), CASE WHEN c.is_nullable = 'YES' THEN 'null' ELSE 'not null' END,
                    coalesce(c.column_default, '-')) AS line
        FROM information_schema.columns c
        JOIN pg_attribute a ON a.attrelid = format('%I.%I', c.table_schema, c.table_name)::regclass AND a.attname = c.column_name
       WHERE c.table_schema = 'public' AND c.table_name <> '_prisma_migrations'`),
    enums: await rows(`
      SELECT t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS line
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
        JOIN pg_namespace n ON n.oid = t.typnamespace AND n.nspname = 'public'
       GROUP BY t.typname`),
    indexes: await rows(`
      SELECT indexdef AS line FROM pg_indexes
       WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' AND indexdef NOT LIKE '% WHERE %'`),
    keys: await rows(`
      SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS line
        FROM pg_constraint
       WHERE connamespace = 'public'::regnamespace AND contype IN ('p', 'u', 'f')
         AND conrelid::regclass::text <> '_prisma_migrations'`),
  };
}

async function applySql(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const databases: Awaited<ReturnType<typeof createFreshDatabase>>[] = [];
async function freshDatabase() {
  const database = await createFreshDatabase();
  databases.push(database);
  return database.url;
}

let migrated: Snapshot;
let migratedUrl: string;
let schema: string;

beforeAll(async () => {
  migratedUrl = await freshDatabase();
  await migrate(migratedUrl);
  migrated = await snapshot(migratedUrl);
  schema = await readSchema();
});

afterAll(async () => {
  await Promise.all(databases.map((database) => database.drop()));
});

async function snapshotOfSchema(prismaSchema: string): Promise<Snapshot> {
  const url = await freshDatabase();
  // Extensions are created by hand in the migrations; Prisma's SQL assumes them.
  for (const { name } of await query<{ name: string }>(migratedUrl, `SELECT extname AS name FROM pg_extension WHERE extname <> 'plpgsql'`)) {
    await applySql(url, `CREATE EXTENSION IF NOT EXISTS ${name}`);
  }
  await applySql(url, await schemaDiffSql({ fromSchema: null, toSchema: prismaSchema, databaseUrl: url }));
  return snapshot(url);
}

describe("schema.prisma and the migrations", () => {
  it("describe the same tables, columns, enums, indexes and keys", async () => {
    expect(migrated.columns.length).toBeGreaterThan(50);
    expect(await snapshotOfSchema(schema)).toEqual(migrated);
  });

  it("disagree as soon as schema.prisma gains a field without a migration", async () => {
    const withExtraField = schema.replace(/model Claim \{/, "model Claim {\n  driftProbe String?");
    expect(withExtraField).not.toBe(schema);
    const drifted = await snapshotOfSchema(withExtraField);
    expect(drifted.columns).toContain("claims.driftProbe text null default=-");
    expect(drifted).not.toEqual(migrated);
  });
});
