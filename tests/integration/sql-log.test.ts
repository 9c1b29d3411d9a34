// The reader-page benchmark (scripts/bench.ts) replays the SQL that PostgreSQL logged for a page:
// the log must hold exactly the statements run during the capture, with their parameters.
import { randomUUID } from "node:crypto";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type RunningPostgres, startEmbeddedPostgres } from "@/scripts/lib/embedded-postgres";
import { StatementLog, statementLogSettings } from "@/scripts/lib/sql-log";

let server: RunningPostgres;
let client: pg.Client;
let log: StatementLog;

beforeAll(async () => {
  const dataDir = path.join(os.tmpdir(), `claimtrail-sql-log-${randomUUID()}`);
  // Its own server: the statement log needs the logging collector, set at start.
  server = await startEmbeddedPostgres({ dataDir, ephemeral: true, settings: statementLogSettings(dataDir) });
  client = new pg.Client({ connectionString: server.url("postgres") });
  await client.connect();
  log = await StatementLog.open(server.url("postgres"), dataDir);
});

afterAll(async () => {
  await log?.close();
  await client?.end();
  await server?.stop();
});

it("captures the statements run during the action, with their parameters, and nothing else", async () => {
  await client.query("SELECT 'before the capture'");
  const statements = await log.capture(async () => {
    await client.query("SELECT $1::text AS quote, $2::int AS answer, $3::text AS nothing", ["it's \"pure fiction\"", 42, null]);
    await client.query("SELECT 1 AS simple");
  });
  await client.query("SELECT 'after the capture'");

  expect(statements.map(({ text, values }) => ({ text, values }))).toEqual([
    { text: "SELECT $1::text AS quote, $2::int AS answer, $3::text AS nothing", values: ["it's \"pure fiction\"", "42", null] },
    { text: "SELECT 1 AS simple", values: [] },
  ]);
  expect(statements.every((statement) => statement.durationMs >= 0)).toBe(true);

  // Replayed as logged (parameters as text), a statement gives what it gave the app.
  const { rows } = await client.query(statements[0]!.text, statements[0]!.values);
  expect(rows).toEqual([{ quote: "it's \"pure fiction\"", answer: 42, nothing: null }]);
});

it("logs nothing outside a capture", async () => {
  const before = await log.capture(async () => {});
  expect(before).toEqual([]);
  const { rows } = await client.query<{ value: string }>("SELECT current_setting('log_min_duration_statement') AS value");
  expect(rows[0]!.value).toBe("-1");
});
