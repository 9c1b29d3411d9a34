// npm run bench:reader-queries [-- RUNS]: what the reader pages' data costs the database. Seeds
// the demo story and a claim with 50 pieces of evidence into a throw-away embedded Postgres, then
// for each page's data function prints the SQL statements it sends (counted at the driver, BEGIN
// and COMMIT included), how many of them wait for another (round trips in a row), p50/p95
// milliseconds and this process's CPU per call over RUNS calls (default 300), against the same
// data fetched the way it was before (Prisma's relation queries, tests/factories/reader.ts),
// interleaved in the same run. Not part of npm test.
import { performance } from "node:perf_hooks";
import pg from "pg";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { percentile, runBenchmark } from "./lib/bench.ts";

const RUNS = Number(process.argv[2] ?? 300);
const ROUNDS = 3;

type Sent = { text: string; start: number; end: number };

/** Statements sent through pg while `run` runs, with when each was sent and answered. */
function watchDriver() {
  const original = pg.Client.prototype.query;
  let log: Sent[] | null = null;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    if (!log) return (original as (...rest: unknown[]) => unknown).apply(this, args);
    const first = args[0] as string | { text?: string };
    const entry: Sent = { text: typeof first === "string" ? first : String(first?.text ?? ""), start: performance.now(), end: Infinity };
    log.push(entry);
    const answered = () => (entry.end = performance.now());
    // pg.Pool#query passes a callback; Prisma's adapter awaits the promise of Client#query.
    const last = args.at(-1);
    if (typeof last === "function") {
      args[args.length - 1] = (...results: unknown[]) => {
        answered();
        return (last as (...rest: unknown[]) => unknown)(...results);
      };
    }
    const result = (original as (...rest: unknown[]) => unknown).apply(this, args);
    if (result instanceof Promise) result.then(answered, answered);
    return result;
  } as typeof original;
  return async (run: () => Promise<unknown>): Promise<Sent[]> => {
    const sent: Sent[] = [];
    log = sent;
    try {
      await run();
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      log = null;
    }
    return sent;
  };
}

/** The longest chain of statements each sent after the one before it was answered. */
function inARow(sent: Sent[]): number {
  const depth: number[] = [];
  sent.forEach((entry, index) => {
    const before = sent.slice(0, index).map((other, j) => (other.end <= entry.start ? depth[j]! : 0));
    depth.push(1 + Math.max(0, ...before));
  });
  return Math.max(0, ...depth);
}

type Timing = { samples: number[]; cpu: number; calls: number };

/** One round of `RUNS / ROUNDS` calls in a row, adding wall-clock samples and this process's CPU time. */
async function timeRound(run: () => Promise<unknown>, timing: Timing): Promise<void> {
  const calls = Math.ceil(RUNS / ROUNDS);
  const cpu = process.cpuUsage();
  for (let n = 0; n < calls; n += 1) {
    const start = performance.now();
    await run();
    timing.samples.push(performance.now() - start);
  }
  const used = process.cpuUsage(cpu);
  timing.cpu += (used.user + used.system) / 1000;
  timing.calls += calls;
}

await runBenchmark(async (_client, url) => {
  process.env.DATABASE_URL = url;
  process.env.AUTH_SECRET ??= "benchmark-secret-of-at-least-32-characters";
  const { db } = await import("@/lib/db");
  const { seedDemoData } = await import("@/prisma/seed");
  const { createClaim, createUser } = await import("@/tests/factories");
  const { createReaderClaim, filterOptionsByRelations, publicEntityByRelations, publishedClaimByRelations, publishedClaimsByRelations, searchInTwoSteps } =
    await import("@/tests/factories/reader");
  const queries = await import("@/lib/claims/queries");
  const { searchPublishedClaims } = await import("@/lib/search/queries");

  await seedDemoData(db());
  const editor = await createUser(db(), "editor");
  const big = await createReaderClaim(db(), { createdById: editor.id, evidence: 50 });
  // Enough matches for a full-text page that needs no near spellings (the demo story has at most 4).
  for (let n = 1; n <= 10; n += 1) await createClaim(db(), { createdById: editor.id, statement: `The bridge number ${n} was closed.` });
  const peskov = await db().entity.findFirstOrThrow({ where: { name: "Dmitry Peskov" }, select: { id: true } });
  const reuters = await db().entity.findFirstOrThrow({ where: { name: "Reuters" }, select: { id: true } });

  const cases: [string, () => Promise<unknown>][] = [
    ["claim page, demo (Trump–Putin): before", () => publishedClaimByRelations(db(), "trump-spoke-with-putin")],
    ["claim page, demo (Trump–Putin): now", () => queries.getPublishedClaim("trump-spoke-with-putin")],
    ["claim page, 50 evidence: before", () => publishedClaimByRelations(db(), big.slug)],
    ["claim page, 50 evidence: now", () => queries.getPublishedClaim(big.slug)],
    ["home: before", () => Promise.all([publishedClaimsByRelations(db()), filterOptionsByRelations(db())])],
    ["home: now", () => Promise.all([queries.listPublishedClaims({}), queries.listPublicFilterOptions()])],
    ["entity page (Dmitry Peskov): before", () => publicEntityByRelations(db(), peskov.id)],
    ["entity page (Dmitry Peskov): now", () => queries.getPublicEntity(peskov.id)],
    ["entity page (Reuters, an outlet): before", () => publicEntityByRelations(db(), reuters.id)],
    ["entity page (Reuters, an outlet): now", () => queries.getPublicEntity(reuters.id)],
    ["search “Peskov” (adds near spellings): before", () => searchInTwoSteps(db(), "Peskov")],
    ["search “Peskov” (adds near spellings): now", () => searchPublishedClaims("Peskov")],
    ["search “bridge” (10 hits, no near spellings): before", () => searchInTwoSteps(db(), "bridge")],
    ["search “bridge” (10 hits, no near spellings): now", () => searchPublishedClaims("bridge")],
  ];

  // Optional: Prisma's own JOIN strategy on the claim page's relation query, through a client
  // generated with the relationJoins preview feature into lib/generated/prisma-joins (see
  // docs/performance.md for the command). Skipped when that client is not there.
  const joins = (await import(/* @vite-ignore */ `${"@/lib/generated/prisma-joins"}/client`).catch(() => null)) as {
    PrismaClient: new (options: object) => PrismaClient;
  } | null;
  if (joins) {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const joinClient = new joins.PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
    cases.splice(
      4,
      0,
      ["claim page, demo: Prisma relationJoins", () => publishedClaimByRelations(joinClient, "trump-spoke-with-putin", "join")],
      ["claim page, 50 evidence: Prisma relationJoins", () => publishedClaimByRelations(joinClient, big.slug, "join")],
    );
  }

  const watch = watchDriver();
  const sent = new Map<string, Sent[]>();
  const timings = new Map<string, Timing>(cases.map(([name]) => [name, { samples: [], cpu: 0, calls: 0 }]));
  for (const [name, run] of cases) {
    for (let warm = 0; warm < 30; warm += 1) await run();
    sent.set(name, await watch(run));
  }
  // Interleaved: every case runs once per round, so a busy moment on the machine hits them all.
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [name, run] of cases) await timeRound(run, timings.get(name)!);
  }
  console.log(`${RUNS} calls of each, one after another, in ${ROUNDS} interleaved rounds, after 30 to warm up.`);
  console.log("Statements counted at the driver; “in a row”: the longest chain of statements each sent after the previous one answered.");
  console.log("CPU: this process's user + system time per call (Prisma, pg, JSON and Zod parsing).\n");
  console.log("| data | statements | in a row | p50 ms | p95 ms | CPU ms/call |");
  console.log("| --- | --- | --- | --- | --- | --- |");
  for (const [name] of cases) {
    const timing = timings.get(name)!;
    const statements = sent.get(name)!;
    const cells = [statements.length, inARow(statements), percentile(timing.samples, 0.5).toFixed(2), percentile(timing.samples, 0.95).toFixed(2), (timing.cpu / timing.calls).toFixed(2)];
    console.log(`| ${name} | ${cells.join(" | ")} |`);
    if (process.env.BENCH_SQL) for (const entry of statements) console.log(`    ${entry.text.replace(/\s+/g, " ").slice(0, 300)}`);
  }
  await db().$disconnect();
});
