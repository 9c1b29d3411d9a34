// Fingerprints of the test database's tables, to prove that a refused action changed nothing at
// all: equal fingerprints, no row inserted, updated or deleted anywhere.
import pg from "pg";
import { inject } from "vitest";

/**
 * Tables left out by default: sessions change on every request (last use, sign-out, a deactivated
 * account's sessions ended) and sign-in attempts are the throttle's own record of refusals.
 */
export const VOLATILE_TABLES = ["sessions", "sign_in_attempts"] as const;

export type TableSnapshot = Record<string, string>;

/**
 * One connection that fingerprints every table (but the migration history and `exclude`) in a
 * single query; cheap enough to take around every call of a fuzzed action. Tables are listed
 * when the connection opens, so a table added later is never forgotten.
 */
export async function openTableSnapshots(
  { url = inject("databaseUrl"), exclude = VOLATILE_TABLES }: { url?: string; exclude?: readonly string[] } = {},
): Promise<{ take: () => Promise<TableSnapshot>; close: () => Promise<void> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'
        AND tablename <> '_prisma_migrations' AND NOT (tablename = ANY($1::text[])) ORDER BY 1`,
    [exclude],
  );
  const sql = tables
    .map(
      ({ name }) =>
        `SELECT ${client.escapeLiteral(name)} AS name, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM ${client.escapeIdentifier(name)} t`,
    )
    .join(" UNION ALL ");
  return {
    async take() {
      const { rows } = await client.query<{ name: string; digest: string | null }>(sql);
      return Object.fromEntries(rows.map((row) => [row.name, row.digest ?? "empty"]));
    },
    close: () => client.end(),
  };
}

/** A one-off snapshot (opens and closes its own connection). */
export async function snapshotTables(options?: { exclude?: readonly string[] }): Promise<TableSnapshot> {
  const snapshots = await openTableSnapshots(options);
  try {
    return await snapshots.take();
  } finally {
    await snapshots.close();
  }
}
