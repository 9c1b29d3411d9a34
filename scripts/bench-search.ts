// npm run bench:search [-- CLAIMS]: public search at scale. Loads CLAIMS (default 1,000,000)
// published claims into a throw-away embedded Postgres, prints the EXPLAIN of the full-text and
// the fuzzy query, and times them against a baseline measured in the same run: the same queries
// with index scans turned off. Not part of npm test (it takes minutes); see docs/performance.md.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { fullTextSearchSql } from "@/lib/search/queries";
import { percentile, runBenchmark, sampleQuery, type Sql } from "./lib/bench.ts";

const CLAIMS = Number(process.argv[2] ?? 1_000_000);
const BATCH = 100_000;
const WORDS = `trump putin zelenskyy kremlin ukraine moscow drones budget congress election call phone ceasefire
  sanctions minister spokesman denial report source official embassy treaty border missile energy grain port
  strike vote senate court ruling tariff inflation wages housing climate flood wildfire vaccine hospital school
  police protest mayor council bridge railway airport pipeline refinery bank currency debt loan aid army navy
  summit talks deal agreement leak memo email interview statement rally speech campaign poll survey census`
  .split(/\s+/)
  .filter(Boolean);

/** The median of `runs` runs, in milliseconds. */
async function time(client: pg.Client, sql: Sql, runs: number): Promise<number> {
  return percentile(await sampleQuery(client, sql, runs), 0.5);
}

await runBenchmark(async (client) => {
await client.query("SET maintenance_work_mem = '512MB'");
const userId = randomUUID();
await client.query(`INSERT INTO users (id, name, email, role, "updatedAt") VALUES ($1, 'Bench', 'bench@example.test', 'editor', now())`, [userId]);

// Load without the per-row triggers (bench only: a superuser on a throw-away database), then
// build the indexes once, as a bulk import would.
const indexes = (
  await client.query<{ indexdef: string; indexname: string }>(
    `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'claims' AND indexname IN ('claims_search_idx', 'claims_statement_trgm_idx')`,
  )
).rows;
for (const index of indexes) await client.query(`DROP INDEX "${index.indexname}"`);
await client.query("SET session_replication_role = replica");
const started = Date.now();
for (let from = 0; from < CLAIMS; from += BATCH) {
  const to = Math.min(CLAIMS, from + BATCH) - 1;
  await client.query(
    `INSERT INTO claims (id, slug, statement, context, status, publication, "publishedAt", "createdById", "updatedAt", "searchVector")
     SELECT gen_random_uuid(), 'bench-' || i, s.statement, s.context,
            (ARRAY['unverified','corroborated','disputed','confirmed','false']::"VerificationStatus"[])[1 + i % 5],
            CASE WHEN i % 10 = 0 THEN 'draft' ELSE 'published' END::"PublicationState",
            CASE WHEN i % 10 = 0 THEN NULL ELSE now() END, $2, now() - make_interval(secs => i),
            setweight(to_tsvector('english', s.statement), 'A') || setweight(to_tsvector('english', s.context), 'B')
       FROM generate_series($3::int, $4::int) AS i,
            LATERAL (SELECT w[1 + (i * 7) % n] || ' ' || w[1 + (i * 13) % n] || ' ' || w[1 + (i * 31) % n] || ' ' || w[1 + (i * 61) % n]
                              || ' ' || w[1 + (i * 97) % n] AS statement,
                            w[1 + (i * 3) % n] || ' ' || w[1 + (i * 11) % n] || ' ' || w[1 + (i * 29) % n] AS context
                       FROM (SELECT $1::text[] AS w, cardinality($1::text[]) AS n) v) s`,
    [WORDS, userId, from, to],
  );
  process.stdout.write(`\rloaded ${to + 1} of ${CLAIMS} claims`);
}
await client.query(
  `INSERT INTO claims (id, slug, statement, context, publication, "publishedAt", "createdById", "updatedAt", "searchVector")
   SELECT gen_random_uuid(), 'needle-' || i, 'Kremlin spokesman Peskov called the report pure fiction', '', 'published', now(), $1, now(),
          to_tsvector('english', 'Kremlin spokesman Peskov called the report pure fiction') FROM generate_series(1, 5) i`,
  [userId],
);
await client.query("RESET session_replication_role");
console.log(`\nloaded in ${((Date.now() - started) / 1000).toFixed(0)} s; building indexes…`);
for (const index of indexes) await client.query(index.indexdef);
await client.query("ANALYZE claims");
const size = (await client.query<{ size: string }>(`SELECT pg_size_pretty(pg_total_relation_size('claims')) AS size`)).rows[0]?.size;
console.log(`claims table with indexes: ${size}`);

const queries = ["pure fiction", "Putin ceasefire call", '"kremlin spokesman" -drones'];
const sqlOf = (query: string) => {
  const sql = fullTextSearchSql(query);
  return { text: sql.text, values: sql.values };
};
const fuzzy = {
  text: `SELECT slug FROM claims WHERE publication = 'published' AND $1 <% statement ORDER BY word_similarity($1, statement) DESC LIMIT 20`,
  values: ["Peskof"],
};

const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sqlOf("pure fiction").text}`, sqlOf("pure fiction").values);
console.log(`\nEXPLAIN full-text search for "pure fiction" over ${CLAIMS} claims:\n${plan.rows.map((row) => row["QUERY PLAN"]).join("\n")}`);
const fuzzyPlan = await client.query(`EXPLAIN (ANALYZE, COSTS OFF) ${fuzzy.text}`, fuzzy.values);
console.log(`\nEXPLAIN fuzzy search for "Peskof":\n${fuzzyPlan.rows.map((row) => row["QUERY PLAN"]).join("\n")}`);

console.log("\nmedian times (indexed vs the same query with index scans off, measured now):");
for (const [label, sql] of [...queries.map((query) => [`full-text "${query}"`, sqlOf(query)] as const), ["fuzzy \"Peskof\"", fuzzy] as const]) {
  await client.query("RESET enable_bitmapscan; RESET enable_indexscan");
  const indexed = await time(client, sql, 15);
  await client.query("SET enable_bitmapscan = off; SET enable_indexscan = off");
  const scanned = await time(client, sql, 3);
  console.log(`  ${label.padEnd(40)} indexed ${indexed.toFixed(1)} ms, sequential ${scanned.toFixed(0)} ms: ${(scanned / indexed).toFixed(0)}× faster with the index`);
}
});
