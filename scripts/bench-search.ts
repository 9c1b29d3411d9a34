// npm run bench:search [-- CLAIMS [RUNS]]: public search at scale. Loads CLAIMS (default
// 1,000,000) generated claims (scripts/lib/search-data.ts) into a throw-away embedded Postgres,
// prints the EXPLAIN (ANALYZE, BUFFERS) of every query, then times each query's full-text SQL
// (`fullTextSearchSql`, exactly what the reader's search runs) RUNS times (default 100),
// interleaved with a baseline measured in the same run (a claim read by its slug), and prints
// p50, p95 and p99 and the ratio of each p50 to the baseline's. Not part of npm test (it takes
// minutes); docs/performance.md has the numbers and the method.
import type pg from "pg";
import { fullTextSearchSql, SEARCH_PAGE_SIZE } from "@/lib/search/queries";
import { percentile, runBenchmark, type Sql } from "./lib/bench.ts";
import { loadSearchClaims } from "./lib/search-data.ts";

const CLAIMS = Number(process.argv[2] ?? 1_000_000);
const RUNS = Number(process.argv[3] ?? 100);

const fullText = (query: string, page = 1): Sql => {
  const sql = fullTextSearchSql(query, (page - 1) * SEARCH_PAGE_SIZE);
  return { text: sql.text, values: sql.values };
};

/** What the reader can type, from the rarest to the commonest; "page" is the results page. */
const QUERIES: { label: string; query?: string; sql: Sql }[] = [
  ...(
    [
      ["pure fiction"],
      ['"pure fiction"'],
      ["Peskov"],
      ["Putin ceasefire call"],
      ['"kremlin spokesman" -drones'],
      ['"kremlin spokesman"'],
      ["putin or zelenskyy"],
      ["trump"],
      ["trump", 5],
      ["trump -putin"],
    ] as [string, number?][]
  ).map(([query, page = 1]) => ({ label: page === 1 ? query : `${query}, page ${page}`, query, sql: fullText(query, page) })),
  {
    label: "fuzzy Peskof (pg_trgm)",
    sql: {
      text: `SELECT slug FROM claims WHERE publication = 'published' AND $1 <% statement ORDER BY word_similarity($1, statement) DESC LIMIT 20`,
      values: ["Peskof"],
    },
  },
];

const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));

async function timed(client: pg.Client, sql: Sql): Promise<number> {
  const start = process.hrtime.bigint();
  await client.query(sql.text, sql.values);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

await runBenchmark(async (client) => {
  await loadSearchClaims(client, CLAIMS);
  const size = (await client.query<{ size: string }>(`SELECT pg_size_pretty(pg_total_relation_size('claims')) AS size`)).rows[0]?.size;
  console.log(`claims table with indexes: ${size}`);

  const slug = (await client.query<{ slug: string }>(`SELECT slug FROM claims WHERE publication = 'published' LIMIT 1 OFFSET 1000`)).rows[0]!.slug;
  const baseline: Sql = { text: `SELECT slug, status, "updatedAt", statement, context FROM claims WHERE slug = $1`, values: [slug] };

  for (const { label, query, sql } of QUERIES) {
    const counted = query
      ? await client.query<{ matches: number }>(
          `SELECT count(*)::int AS matches FROM claims WHERE publication = 'published' AND "searchVector" @@ websearch_to_tsquery('english', $1)`,
          [query],
        )
      : null;
    const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql.text}`, sql.values);
    console.log(`\nEXPLAIN ${label}${counted ? ` (${counted.rows[0]?.matches} published claims match)` : ""}:`);
    console.log(plan.rows.map((row) => row["QUERY PLAN"]).join("\n"));
  }

  // Warm up, then interleave: every round runs the baseline and every query once, so a busy
  // moment on the machine falls on all of them alike.
  for (const { sql } of QUERIES) await timed(client, sql);
  const samples = new Map<string, number[]>([["baseline", []], ...QUERIES.map(({ label }) => [label, []] as [string, number[]])]);
  for (let run = 0; run < RUNS; run += 1) {
    samples.get("baseline")!.push(await timed(client, baseline));
    for (const { label, sql } of QUERIES) samples.get(label)!.push(await timed(client, sql));
  }
  const base50 = percentile(samples.get("baseline")!, 0.5);
  console.log(`\n${RUNS} interleaved runs each over ${CLAIMS} claims (× = p50 ÷ the baseline's p50):`);
  console.log(`  ${"query".padEnd(32)} ${"p50".padStart(8)} ${"p95".padStart(8)} ${"p99".padStart(8)} ${"×".padStart(7)}`);
  for (const [label, values] of samples) {
    const name = label === "baseline" ? "baseline: one claim by slug" : label;
    const [p50, p95, p99] = [0.5, 0.95, 0.99].map((fraction) => percentile(values, fraction)) as [number, number, number];
    console.log(`  ${name.padEnd(32)} ${ms(p50).padStart(8)} ${ms(p95).padStart(8)} ${ms(p99).padStart(8)} ${`${(p50 / base50).toFixed(1)}×`.padStart(7)}`);
  }

  // The same queries without the indexes (3 runs each; what the indexes are worth).
  await client.query("SET enable_bitmapscan = off; SET enable_indexscan = off");
  console.log(`\nwith index scans off (median of 3):`);
  for (const { label, sql } of QUERIES.filter(({ label }) => ["pure fiction", "trump", "fuzzy Peskof (pg_trgm)"].includes(label))) {
    const values = [await timed(client, sql), await timed(client, sql), await timed(client, sql)];
    console.log(`  ${label.padEnd(32)} ${ms(percentile(values, 0.5)).padStart(8)} ms`);
  }
  await client.query("RESET enable_bitmapscan; RESET enable_indexscan");
});
