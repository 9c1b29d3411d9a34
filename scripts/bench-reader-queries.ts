// npm run bench:reader-queries [-- RUNS]: what the reader pages' data costs the database. Seeds
// the demo story and a claim with 50 pieces of evidence into a throw-away embedded Postgres, then
// for each page's data function prints the SQL statements it sends (counted at the driver, BEGIN
// and COMMIT included), how many of them wait for another (round trips in a row), and p50/p95
// milliseconds per call over RUNS calls (default 300) after a warm-up. The claim page is also timed
// the way Prisma's relation queries fetched it (the baseline, same run). Not part of npm test.
import { performance } from "node:perf_hooks";
import pg from "pg";
import { percentile, runBenchmark } from "./lib/bench.ts";

const RUNS = Number(process.argv[2] ?? 300);

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

async function timeCalls(run: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let warm = 0; warm < 30; warm += 1) await run();
  const samples: number[] = [];
  for (let n = 0; n < RUNS; n += 1) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95) };
}

await runBenchmark(async (_client, url) => {
  process.env.DATABASE_URL = url;
  process.env.AUTH_SECRET ??= "benchmark-secret-of-at-least-32-characters";
  const { db } = await import("@/lib/db");
  const { seedDemoData } = await import("@/prisma/seed");
  const { createUser } = await import("@/tests/factories");
  const { createReaderClaim, publishedClaimByRelations } = await import("@/tests/factories/reader");
  const queries = await import("@/lib/claims/queries");
  const { searchPublishedClaims } = await import("@/lib/search/queries");

  await seedDemoData(db());
  const editor = await createUser(db(), "editor");
  const big = await createReaderClaim(db(), { createdById: editor.id, evidence: 50 });
  const peskov = await db().entity.findFirstOrThrow({ where: { name: "Dmitry Peskov" }, select: { id: true } });
  const reuters = await db().entity.findFirstOrThrow({ where: { name: "Reuters" }, select: { id: true } });

  const cases: [string, () => Promise<unknown>][] = [
    ["claim page, demo (Trump–Putin): Prisma relations (before)", () => publishedClaimByRelations(db(), "trump-spoke-with-putin")],
    ["claim page, demo (Trump–Putin): getPublishedClaim", () => queries.getPublishedClaim("trump-spoke-with-putin")],
    ["claim page, 50 evidence: Prisma relations (before)", () => publishedClaimByRelations(db(), big.slug)],
    ["claim page, 50 evidence: getPublishedClaim", () => queries.getPublishedClaim(big.slug)],
    ["home", () => Promise.all([queries.listPublishedClaims({}), queries.listPublicFilterOptions()])],
    ["entity page (Dmitry Peskov)", () => queries.getPublicEntity(peskov.id)],
    ["entity page (Reuters, an outlet)", () => queries.getPublicEntity(reuters.id)],
    ["search “Peskov”", () => searchPublishedClaims("Peskov")],
    ["search “Zelensky” (adds near spellings)", () => searchPublishedClaims("Zelensky")],
  ];

  // Optional: a client generated with the relationJoins preview feature into lib/generated/prisma-joins
  // (see docs/performance.md), for Prisma's own JOIN strategy on the same query.
  const joins = await import(/* @vite-ignore */ `${"@/lib/generated/prisma-joins"}/client`).catch(() => null);
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
  console.log(`${RUNS} calls each, one after another, after 30 to warm up\n`);
  console.log("| data | statements | in a row | p50 ms | p95 ms |");
  console.log("| --- | --- | --- | --- | --- |");
  for (const [name, run] of cases) {
    await run();
    const sent = await watch(run);
    const { p50, p95 } = await timeCalls(run);
    console.log(`| ${name} | ${sent.length} | ${inARow(sent)} | ${p50.toFixed(2)} | ${p95.toFixed(2)} |`);
    if (process.env.BENCH_SQL) for (const entry of sent) console.log(`    ${entry.text.replace(/\s+/g, " ").slice(0, 300)}`);
  }
  await db().$disconnect();
});
