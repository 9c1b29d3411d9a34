// What the database benchmarks share (scripts/bench-*.ts): a throw-away embedded PostgreSQL,
// migrated, with one client, stopped afterwards; and timing one statement run after run.
import { randomUUID } from "node:crypto";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { migrate } from "@/lib/db/migrate";
import { runScript } from "./database.ts";
import { ensureDatabase, startEmbeddedPostgres } from "./embedded-postgres.ts";

export type Sql = { text: string; values: unknown[] };

/** Runs `bench` on a fresh, migrated database that is deleted afterwards (`url` reaches it). */
export function runBenchmark(bench: (client: pg.Client, url: string) => Promise<void>): Promise<void> {
  return runScript(async () => {
    const server = await startEmbeddedPostgres({ dataDir: path.join(os.tmpdir(), `claimtrail-bench-${randomUUID()}`), ephemeral: true });
    try {
      await ensureDatabase(server.url("postgres"), "bench");
      const url = server.url("bench");
      await migrate(url);
      const client = new pg.Client({ connectionString: url });
      client.on("error", () => {}); // the server stops under it at the end
      await client.connect();
      await bench(client, url);
      await client.end();
    } finally {
      await server.stop();
    }
  });
}

/** Milliseconds per run of `sql`, `runs` times in a row; a function gives fresh values each run. */
export async function sampleQuery(client: pg.Client, sql: Sql | (() => Sql), runs: number): Promise<number[]> {
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const { text, values } = typeof sql === "function" ? sql() : sql;
    const start = process.hrtime.bigint();
    await client.query(text, values);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return samples;
}

/** The sample below which `fraction` (0.5 for the median, 0.95 for p95) of them fall. */
export function percentile(samples: number[], fraction: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]!;
}
