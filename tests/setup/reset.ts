import pg from "pg";

/**
 * Empties every application table: the one TRUNCATE the test suite uses. Status history is
 * append-only and its triggers refuse TRUNCATE; only a superuser on a throw-away database may step
 * around them, by setting session_replication_role to `replica` (which skips ordinary triggers).
 */
export async function resetDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL session_replication_role = replica");
    // Every table but the migration history, so a table added later is never forgotten here.
    const { rows } = await client.query<{ tables: string }>(
      `SELECT string_agg(format('%I', tablename), ', ') AS tables
         FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    );
    await client.query(`TRUNCATE ${rows[0]?.tables}`);
    // Background jobs (graphile-worker's tables; lib/jobs), so a test never runs another's.
    await client.query(
      `DO $$ BEGIN
         IF to_regclass('graphile_worker._private_jobs') IS NOT NULL THEN
           TRUNCATE graphile_worker._private_jobs, graphile_worker._private_job_queues CASCADE;
         END IF;
       END $$`,
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/** A URL for `database` on the test server (see tests/setup/global-postgres.ts). */
export function databaseUrlFor(template: string, database: string): string {
  return template.replace("{database}", database);
}
