// What the benchmarks share (scripts/bench-*.ts, scripts/bench.ts): a throw-away embedded
// PostgreSQL, migrated, with one client, stopped afterwards; timing one statement run after run;
// percentiles, tables, and the CPU a server process spent.
import { randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
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

/** The median (the upper one of an even count, as `percentile` picks it). */
export function median(samples: number[]): number {
  return percentile(samples, 0.5);
}

/** A plain-text table: the first `textColumns` columns left-aligned, the others right-aligned (they hold numbers). */
export function formatTable(header: string[], rows: string[][], { textColumns = 1 } = {}): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: string[]) =>
    cells.map((cell, column) => (column < textColumns ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  ").trimEnd();
  return [line(header), widths.map((width) => "-".repeat(width)).join("  "), ...rows.map(line)].join("\n");
}

/** A number for a table: `digits` decimals below 10, fewer above, thousands grouped. */
export function formatNumber(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return "–";
  const decimals = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? Math.min(digits, 1) : digits;
  return value.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux that Node supports

/**
 * Milliseconds of CPU used so far by process `pid` and its descendants (their own time plus that
 * of children they have reaped), from /proc; null where there is no /proc (not Linux).
 * The difference between two readings is the CPU a server spent in between.
 */
export function processTreeCpuMs(pid: number): number | null {
  if (!existsSync("/proc/self/stat")) return null;
  const stats = new Map<number, { parent: number; ticks: number }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the command name (which may hold spaces), from field 3 (state) on.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ticks = [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index]), 0); // utime stime cutime cstime
      stats.set(Number(entry), { parent: Number(fields[1]), ticks });
    } catch {
      // the process ended while we looked
    }
  }
  if (!stats.has(pid)) return null;
  let ticks = 0;
  const tree = new Set([pid]);
  // /proc lists parents before children almost always; loop until the set stops growing.
  for (let grown = true; grown; ) {
    grown = false;
    for (const [id, stat] of stats) {
      if (!tree.has(id) && tree.has(stat.parent)) {
        tree.add(id);
        grown = true;
      }
    }
  }
  for (const id of tree) ticks += stats.get(id)!.ticks;
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}

/**
 * Waits until the processes `pids` (with their descendants) use less than `idleShare` of one core,
 * measured over 250 ms, for at most `timeoutMs`. A server can go on working on requests that the
 * load generator has given up on; the next measurement must not pay for them.
 * Returns false on timeout (or at once where there is no /proc).
 */
export async function waitUntilIdle(pids: number[], { idleShare = 0.05, timeoutMs = 30_000 } = {}): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  const total = () => {
    let sum = 0;
    for (const pid of pids) {
      const ms = processTreeCpuMs(pid);
      if (ms === null) return null;
      sum += ms;
    }
    return sum;
  };
  let before = total();
  if (before === null) return false;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const after = total();
    if (after === null) return false;
    if (after - before < 250 * idleShare) return true;
    before = after;
  }
  return false;
}
