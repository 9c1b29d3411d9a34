// npm run bench:entities [-- ENTITIES]: the desk pickers' entity search at scale. Loads ENTITIES
// (default 100,000) people and organisations (one in twenty merged away) into a throw-away embedded
// Postgres, prints the EXPLAIN of the search, and times typical searches against a baseline
// measured in the same run: a primary-key lookup of one entity. Not part of npm test; see
// docs/performance.md.
import { entitySearchSql } from "@/lib/entities/queries";
import type { EntitySearchKind } from "@/lib/entities/schema";
import { percentile, runBenchmark, sampleQuery } from "./lib/bench.ts";

const ENTITIES = Number(process.argv[2] ?? 100_000);
const RUNS = 200;
const FIRST = `Anna Boris Carla Dmitry Elena Farid Greta Hiro Ines Jonas Karin Luca Maria Nikolai Olga Pavel Quinn Rosa
  Sergei Tanya Ulrich Vera Wei Xenia Yusuf Zofia Steven Donald Vladimir Volodymyr Elon Emmanuel Olaf Giorgia Keir Justin`.split(/\s+/).filter(Boolean);
const LAST = `Peskov Cheung Trump Putin Zelenskyy Musk Macron Scholz Meloni Starmer Trudeau Ivanova Petrov Smirnov Kuznetsov
  Popov Sokolov Lebedev Kozlov Novak Horvat Kowalski Nowak Schmidt Muller Garcia Martinez Rossi Russo Silva Santos Costa
  Jensen Hansen Larsen Berg Lind Nielsen Tanaka Suzuki Kim Park Chen Wang Li Zhang Singh Patel Khan Ali Hassan`.split(/\s+/).filter(Boolean);
const ORGS = `Ministry Agency Institute Council Committee Foundation Office Bureau Service Press Times Post Herald News Radio
  Television Group Party Union Bank Fund Court Embassy Commission Authority`.split(/\s+/).filter(Boolean);

await runBenchmark(async (client) => {
const started = Date.now();
await client.query("SELECT setseed(0.42)");
// Names drawn at random from a few lists and numbered: "Dmitry Peskov 4211", "Peskov Press 93".
// Each last name is shared by about 2,000 entities, so a common name is a broad match, as
// "Smith" would be; every twentieth entity is a merged duplicate of another.
await client.query(
  `INSERT INTO entities (id, kind, name, description, domain, "updatedAt")
   SELECT gen_random_uuid(),
          CASE WHEN i % 4 = 0 THEN 'organisation' ELSE 'person' END::"EntityKind",
          CASE WHEN i % 4 = 0 THEN l[1 + floor(random() * cardinality(l))::int] || ' ' || o[1 + floor(random() * cardinality(o))::int] || ' ' || i
               ELSE f[1 + floor(random() * cardinality(f))::int] || ' ' || l[1 + floor(random() * cardinality(l))::int] || ' ' || i END,
          CASE WHEN i % 3 = 0 THEN 'Spokesperson' ELSE '' END,
          CASE WHEN i % 40 = 0 THEN 'outlet' || i || '.example' END,
          now()
     FROM generate_series(1, $4::int) AS i, (SELECT $1::text[] AS f, $2::text[] AS l, $3::text[] AS o) lists`,
  [FIRST, LAST, ORGS, ENTITIES],
);
await client.query(`INSERT INTO entities (id, kind, name, description, "updatedAt") VALUES (gen_random_uuid(), 'person', 'Dmitry Peskov', 'Kremlin spokesman', now())`);
await client.query(`
  WITH ordered AS (SELECT id, lag(id) OVER (ORDER BY id) AS previous, row_number() OVER (ORDER BY id) AS n FROM entities)
  UPDATE entities e SET "mergedIntoId" = ordered.previous FROM ordered WHERE e.id = ordered.id AND ordered.n % 20 = 0`);
await client.query("ANALYZE entities");
const size = (await client.query<{ size: string }>(`SELECT pg_size_pretty(pg_total_relation_size('entities')) AS size`)).rows[0]?.size;
console.log(`loaded ${ENTITIES + 1} entities in ${((Date.now() - started) / 1000).toFixed(1)} s; entities table with indexes: ${size}`);

const sqlOf = (q: string, kind: EntitySearchKind) => {
  const sql = entitySearchSql(q, kind);
  return { text: sql.text, values: sql.values };
};
const typical = sqlOf("Peskov", "person");
const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${typical.text}`, typical.values);
console.log(`\nEXPLAIN search "Peskov" (people) over ${ENTITIES} entities:\n${plan.rows.map((row) => row["QUERY PLAN"]).join("\n")}`);

const someId = (await client.query<{ id: string }>(`SELECT id FROM entities ORDER BY id LIMIT 1 OFFSET 500`)).rows[0]!.id;
const baseline = await sampleQuery(client, { text: `SELECT id, kind, name, description, domain FROM entities WHERE id = $1`, values: [someId] }, RUNS);
const base50 = percentile(baseline, 0.5);
console.log(`\nbaseline, primary-key lookup of one entity: p50 ${base50.toFixed(2)} ms, p95 ${percentile(baseline, 0.95).toFixed(2)} ms`);
console.log(`search (${RUNS} runs each; × = p50 relative to the baseline's p50):`);
const cases: [string, EntitySearchKind][] = [
  ["Peskov", "person"],
  ["Dmitri Peskof", "any"],
  ["pe", "any"],
  ["d", "any"],
  ["Press", "outlet"],
  ["Kremlin spokesman", "any"],
  ["zzqx", "any"],
];
for (const [q, kind] of cases) {
  const samples = await sampleQuery(client, sqlOf(q, kind), RUNS);
  const p50 = percentile(samples, 0.5);
  console.log(`  ${`"${q}" (${kind})`.padEnd(28)} p50 ${p50.toFixed(2)} ms, p95 ${percentile(samples, 0.95).toFixed(2)} ms  (${(p50 / base50).toFixed(1)}×)`);
}
});
