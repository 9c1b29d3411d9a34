// Vitest global setup for integration tests: a real PostgreSQL (embedded, throw-away, on a free
// port) with the migrations applied to a fresh `claimtrail_test` database.
import { randomUUID } from "node:crypto";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrate } from "@/lib/db/migrate";
import { ensureDatabase, startEmbeddedPostgres } from "@/scripts/lib/embedded-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated test database, reset before each test. */
    databaseUrl: string;
    /** Builds a URL for another database on the same server (for tests that need their own). */
    serverUrlTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startEmbeddedPostgres({
    dataDir: path.join(os.tmpdir(), `claimtrail-test-${randomUUID()}`),
    ephemeral: true,
  });
  await ensureDatabase(server.url("postgres"), "claimtrail_test");
  await migrate(server.url("claimtrail_test"));
  project.provide("databaseUrl", server.url("claimtrail_test"));
  project.provide("serverUrlTemplate", server.url("{database}"));
  return () => server.stop();
}
