import { randomUUID } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { databaseUrlFor } from "@/tests/setup/reset";

/** An empty database of its own on the test server, for tests that migrate from scratch. */
export async function createFreshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const template = inject("serverUrlTemplate");
  const name = `fresh_${randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client({ connectionString: databaseUrlFor(template, "postgres") });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    url: databaseUrlFor(template, name),
    drop: async () => {
      const client = new pg.Client({ connectionString: databaseUrlFor(template, "postgres") });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export async function query<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}
