// graphile-worker's own tables (schema graphile_worker), installed beside ours by every migration
// run (lib/db/migrate.ts), so a write can enqueue a job before any worker has started.
import { Logger, runMigrations } from "graphile-worker";

const quiet = new Logger(() => () => {});

/** Installs or upgrades graphile-worker's schema. Idempotent; safe with several processes. */
export async function migrateJobQueue(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, logger: quiet });
}
