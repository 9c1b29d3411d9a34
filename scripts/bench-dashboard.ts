// npm run bench:dashboard [-- CLAIMS [RUNS]]: the desk home's numbers at scale. Loads CLAIMS
// (default 100,000) claims logged over three years, with their status history and about three
// pieces of evidence each, into a throw-away embedded Postgres; prints the EXPLAIN of every
// dashboard statement (lib/dashboard/queries.ts, exactly what the page runs), then times each RUNS
// times (default 50) and prints p50 and p95 against two baselines measured in the same run: a
// claim read by primary key, and the same statement with index scans turned off (3 runs, 10 s at
// most). Not part of npm test (it takes a few minutes); docs/dashboard.md has the numbers.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import {
  firstVerdictSql,
  openClaimsSql,
  reviewQueueSql,
  topEntitiesSql,
  verdictsPerWeekSql,
} from "@/lib/dashboard/queries";
import { percentile, runBenchmark, sampleQuery, type Sql } from "./lib/bench.ts";

const CLAIMS = Number(process.argv[2] ?? 100_000);
const RUNS = Number(process.argv[3] ?? 50);
const OUTLETS = 300;
const PEOPLE = 3_000;
const YEARS = 3;

async function time(client: pg.Client, sql: Sql | (() => Sql), runs: number): Promise<{ p50: number; p95: number }> {
  const samples = await sampleQuery(client, sql, runs);
  return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95) };
}

/** The indexes a plan reads, and the tables it reads in full. */
function planSummary(lines: string[]): { indexes: string[]; seqScans: string[] } {
  const indexes = new Set<string>();
  const seqScans = new Set<string>();
  for (const line of lines) {
    const index = /(?:Index Only Scan|Index Scan|Bitmap Index Scan)(?: Backward)?(?: using)? (?:on )?"?([\w"]+)"?/.exec(line);
    if (index?.[1]) indexes.add(index[1].replaceAll('"', ""));
    const seq = /Seq Scan on (\w+)/.exec(line);
    if (seq?.[1]) seqScans.add(seq[1]);
  }
  return { indexes: [...indexes], seqScans: [...seqScans] };
}

const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));

await runBenchmark(async (client) => {
await client.query("SET maintenance_work_mem = '512MB'");
const now = new Date();
const nowSql = now.toISOString();
const [editorId, checkerId] = [randomUUID(), randomUUID()];
await client.query(
  `INSERT INTO users (id, name, email, role, "updatedAt") VALUES ($1, 'Bench editor', 'editor@bench.test', 'editor', now()), ($2, 'Bench checker', 'checker@bench.test', 'fact_checker', now())`,
  [editorId, checkerId],
);

// Bench only (a superuser on a throw-away database): load without the per-row triggers.
await client.query("SET session_replication_role = replica");
const started = Date.now();

// Outlets and people; one in fifty is a duplicate merged into another (its evidence not yet
// re-pointed, so the queries' merge resolution has work to do).
await client.query(
  `INSERT INTO entities (id, kind, name, domain, "updatedAt")
   SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, 'organisation', 'Outlet ' || i, 'outlet' || i || '.example', now()
     FROM generate_series(1, $1::int) i`,
  [OUTLETS],
);
await client.query(
  `INSERT INTO entities (id, kind, name, description, "updatedAt")
   SELECT ('00000000-0000-4000-9000-' || lpad(to_hex(i), 12, '0'))::uuid, 'person', 'Person ' || i, 'Spokesperson', now()
     FROM generate_series(1, $1::int) i`,
  [PEOPLE],
);
await client.query(`UPDATE entities SET "mergedIntoId" = ('00000000-0000-4000-8000-' || lpad(to_hex(1 + (n % 10)), 12, '0'))::uuid, domain = NULL
                      FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM entities WHERE kind = 'organisation') o
                     WHERE entities.id = o.id AND o.n % 50 = 0`);
await client.query(`UPDATE entities SET "mergedIntoId" = ('00000000-0000-4000-9000-' || lpad(to_hex(1 + (n % 10)), 12, '0'))::uuid
                      FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM entities WHERE kind = 'person') p
                     WHERE entities.id = p.id AND p.n % 50 = 0`);

// Claims logged evenly over YEARS years, newest first; 15% drafts.
await client.query(
  `INSERT INTO claims (id, slug, statement, publication, "publishedAt", "createdById", "createdAt", "updatedAt", "reviewWaitingSince")
   SELECT ('00000000-0000-4000-a000-' || lpad(to_hex(i), 12, '0'))::uuid, 'bench-' || i, 'Bench claim ' || i,
          CASE WHEN i % 20 < 3 THEN 'draft' ELSE 'published' END::"PublicationState",
          CASE WHEN i % 20 < 3 THEN NULL ELSE t END, $2, t, t, t
     FROM generate_series(1, $1::int) i,
          LATERAL (SELECT ($3::timestamptz AT TIME ZONE 'UTC') - make_interval(secs => i::float8 / $1 * $4 * 365 * 86400) AS t) c`,
  [CLAIMS, editorId, nowSql, YEARS],
);
// History: every claim is logged (sequence 1); 70% get a first verdict within minutes to ten
// days, 40% a second one weeks later (moves that would land in the future are not made yet).
await client.query(
  `INSERT INTO status_transitions (id, "claimId", sequence, "fromStatus", "toStatus", "actorId", "actorRole", rationale, "createdAt")
   SELECT gen_random_uuid(), id, 1, NULL, 'unverified', $1, 'editor', 'Logged.', "createdAt" FROM claims`,
  [editorId],
);
await client.query(
  `WITH c AS (SELECT id, "createdAt", substring(slug from 7)::int AS i FROM claims),
        first AS (
          SELECT id, i, "createdAt" + make_interval(mins => (i * 37) % 14400) AS at,
                 (ARRAY['corroborated','disputed','confirmed','false','corroborated','disputed','confirmed'])[1 + i % 7]::"VerificationStatus" AS status
            FROM c WHERE (i * 7919) % 100 >= 30)
   INSERT INTO status_transitions (id, "claimId", sequence, "fromStatus", "toStatus", "actorId", "actorRole", rationale, "createdAt")
   SELECT gen_random_uuid(), id, 2, 'unverified', status, $1, 'fact_checker', 'Bench move.', at
     FROM first WHERE at <= $2::timestamptz AT TIME ZONE 'UTC'`,
  [checkerId, nowSql],
);
await client.query(
  `WITH second AS (
     SELECT t."claimId" AS id, t."toStatus" AS from_status, t."createdAt" + make_interval(hours => 24 + (substring(c.slug from 7)::int * 53) % 1440) AS at,
            CASE t."toStatus" WHEN 'corroborated' THEN 'confirmed' WHEN 'disputed' THEN 'false' WHEN 'confirmed' THEN 'disputed' ELSE 'disputed' END::"VerificationStatus" AS status
       FROM status_transitions t JOIN claims c ON c.id = t."claimId"
      WHERE t.sequence = 2 AND (substring(c.slug from 7)::int * 7919) % 100 >= 60)
   INSERT INTO status_transitions (id, "claimId", sequence, "fromStatus", "toStatus", "actorId", "actorRole", rationale, "createdAt")
   SELECT gen_random_uuid(), id, 3, from_status, status, $1, 'fact_checker', 'Bench move.', at
     FROM second WHERE at <= $2::timestamptz AT TIME ZONE 'UTC'`,
  [checkerId, nowSql],
);
// Each claim's status and review columns follow its history, as lib/review/mutations.ts keeps them.
await client.query(
  `UPDATE claims c SET status = l."toStatus", "lastMovedAt" = CASE WHEN l.sequence > 1 THEN l."createdAt" END,
                       "reviewWaitingSince" = l."createdAt"
     FROM (SELECT DISTINCT ON ("claimId") "claimId", sequence, "toStatus", "createdAt" FROM status_transitions ORDER BY "claimId", sequence DESC) l
    WHERE l."claimId" = c.id`,
);

// One to five pieces of evidence per claim (three on average), linked within days of the claim;
// most from an outlet and a third with a named speaker, both skewed so that a few appear often;
// 3% removed.
await client.query(
  `INSERT INTO evidence (id, "claimId", "outletId", url, headline, "speakerId", "speakerDescription", sourcing, stance, "createdById", "createdAt", "updatedAt", "removedAt", "removedById")
   SELECT gen_random_uuid(), c.id,
          CASE WHEN h % 100 < 85 THEN ('00000000-0000-4000-8000-' || lpad(to_hex(1 + floor($2 * power((h % 997) / 997.0, 3))::int), 12, '0'))::uuid END,
          'https://outlet.example/' || c.i || '/' || j, 'Bench headline',
          CASE WHEN h % 3 = 0 THEN ('00000000-0000-4000-9000-' || lpad(to_hex(1 + floor($3 * power((h % 1009) / 1009.0, 3))::int), 12, '0'))::uuid END,
          CASE WHEN h % 3 <> 0 THEN 'a source familiar with the matter' END,
          CASE WHEN h % 3 = 0 THEN 'on_record' ELSE 'anonymous' END::"Sourcing",
          (ARRAY['reports','reports','reports','confirms','denies','declines_to_comment','context'])[1 + h % 7]::"Stance",
          $1, at, at,
          CASE WHEN h % 100 < 3 THEN at + interval '1 hour' END, CASE WHEN h % 100 < 3 THEN $1 END
     FROM (SELECT id, "createdAt", substring(slug from 7)::int AS i FROM claims) c,
          generate_series(1, 1 + c.i % 5) j,
          LATERAL (SELECT (c.i * 7919 + j * 104729) AS h, c."createdAt" + make_interval(hours => j * 6) AS at) x
    WHERE at <= $4::timestamptz AT TIME ZONE 'UTC'`,
  [editorId, OUTLETS, PEOPLE, nowSql],
);
// The review queue: unverified claims (one in twenty with a suggested move), and one in twenty
// of the others with evidence linked since their last move.
await client.query(
  `UPDATE claims SET "reviewRank" = CASE WHEN status = 'unverified' THEN CASE WHEN substring(slug from 7)::int % 20 = 0 THEN 0 ELSE 2 END
                                         WHEN substring(slug from 7)::int % 20 = 1 THEN 1 END`,
);
await client.query("RESET session_replication_role");
await client.query("VACUUM ANALYZE");
const counts = (
  await client.query<{ claims: number; transitions: number; evidence: number; queue: number; size: string }>(
    `SELECT (SELECT count(*) FROM claims)::int AS claims, (SELECT count(*) FROM status_transitions)::int AS transitions,
            (SELECT count(*) FROM evidence)::int AS evidence, (SELECT count(*) FROM claims WHERE "reviewRank" IS NOT NULL)::int AS queue,
            pg_size_pretty(pg_database_size(current_database())) AS size`,
  )
).rows[0]!;
console.log(
  `loaded in ${((Date.now() - started) / 1000).toFixed(0)} s: ${counts.claims} claims, ${counts.transitions} status transitions, ` +
    `${counts.evidence} pieces of evidence, ${counts.queue} claims in the review queue; database ${counts.size}`,
);

const statements: [string, Sql][] = [
  ["open claims by status", openClaimsSql()],
  ["review queue: size and age", reviewQueueSql(now)],
  ["median time to first verdict", firstVerdictSql(now)],
  ["verdicts per week", verdictsPerWeekSql(now)],
  ["top outlets", topEntitiesSql("outlet", now)],
  ["top speakers", topEntitiesSql("speaker", now)],
];

for (const [label, sql] of statements) {
  const plan = (await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql.text}`, sql.values)).rows.map((row) => row["QUERY PLAN"]);
  const { indexes, seqScans } = planSummary(plan);
  console.log(`\nEXPLAIN ${label} (indexes: ${indexes.join(", ") || "none"}; full scans: ${seqScans.join(", ") || "none"}):\n${plan.join("\n")}`);
}

// Baseline: one claim by primary key, a different one each run.
const ids = (await client.query<{ id: string }>(`SELECT id FROM claims ORDER BY random() LIMIT $1`, [RUNS * 2])).rows.map((row) => row.id);
let next = 0;
const byKey = () => ({ text: `SELECT id, slug, statement, status FROM claims WHERE id = $1`, values: [ids[next++ % ids.length]] });
await time(client, byKey, RUNS); // warm-up
const baseline = await time(client, byKey, RUNS);
console.log(`\nbaseline, one claim by primary key: p50 ${ms(baseline.p50)} ms, p95 ${ms(baseline.p95)} ms`);
console.log(`\n${RUNS} runs each at ${counts.claims} claims (p50 / p95; × the primary-key read; the same statement with index scans off):`);
for (const [label, sql] of statements) {
  await client.query("RESET enable_bitmapscan; RESET enable_indexscan; RESET enable_indexonlyscan");
  await time(client, sql, 3); // warm-up
  const indexed = await time(client, sql, RUNS);
  // Without indexes a per-row subquery becomes a full scan per row: give up after 10 s.
  await client.query("SET enable_bitmapscan = off; SET enable_indexscan = off; SET enable_indexonlyscan = off; SET statement_timeout = '10s'");
  const scanned = await time(client, sql, 3).catch(() => null);
  await client.query("RESET statement_timeout");
  console.log(
    `  ${label.padEnd(36)} ${ms(indexed.p50).padStart(6)} / ${ms(indexed.p95).padStart(6)} ms  ${(indexed.p50 / baseline.p50).toFixed(0).padStart(5)}× the key read;` +
      (scanned ? `  index scans off ${ms(scanned.p50).padStart(6)} ms (${(scanned.p50 / indexed.p50).toFixed(1)}× slower)` : "  index scans off: over 10 s"),
  );
}
});
