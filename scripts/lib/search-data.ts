// The benchmark data for public search (scripts/bench-search.ts): `count` generated claims (nine in
// ten published), each a statement of five words and a context of three drawn from a 100-word
// newsroom vocabulary, plus five "needle" claims that quote Peskov's denial.
import { randomUUID } from "node:crypto";
import type pg from "pg";

const BATCH = 100_000;
export const WORDS = `trump putin zelenskyy kremlin ukraine moscow drones budget congress election call phone ceasefire
  sanctions minister spokesman denial report source official embassy treaty border missile energy grain port
  strike vote senate court ruling tariff inflation wages housing climate flood wildfire vaccine hospital school
  police protest mayor council bridge railway airport pipeline refinery bank currency debt loan aid army navy
  summit talks deal agreement leak memo email interview statement rally speech campaign poll survey census`
  .split(/\s+/)
  .filter(Boolean);

/** Loads the claims (without per-row triggers, then building the search indexes once, as a bulk import would). */
export async function loadSearchClaims(client: pg.Client, count: number): Promise<void> {
  await client.query("SET maintenance_work_mem = '512MB'");
  const userId = randomUUID();
  await client.query(`INSERT INTO users (id, name, email, role, "updatedAt") VALUES ($1, 'Bench', 'bench@example.test', 'editor', now())`, [userId]);

  // Bench only: a superuser on a throw-away database may step around the triggers.
  const indexes = (
    await client.query<{ indexdef: string; indexname: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'claims' AND indexname IN ('claims_search_idx', 'claims_statement_trgm_idx')`,
    )
  ).rows;
  for (const index of indexes) await client.query(`DROP INDEX "${index.indexname}"`);
  await client.query("SET session_replication_role = replica");
  const started = Date.now();
  for (let from = 0; from < count; from += BATCH) {
    const to = Math.min(count, from + BATCH) - 1;
    await client.query(
      `INSERT INTO claims (id, slug, statement, context, status, publication, "publishedAt", "createdById", "updatedAt", "searchVector")
       SELECT g.id, 'bench-' || i, s.statement, s.context,
              (ARRAY['unverified','corroborated','disputed','confirmed','false']::"VerificationStatus"[])[1 + i % 5],
              CASE WHEN i % 10 = 0 THEN 'draft' ELSE 'published' END::"PublicationState",
              CASE WHEN i % 10 = 0 THEN NULL ELSE now() END, $2, now() - make_interval(secs => i),
              claim_search_vector(g.id, s.statement, s.context)
         FROM generate_series($3::int, $4::int) AS i, LATERAL (SELECT md5('bench-' || i)::uuid AS id) g,
              LATERAL (SELECT w[1 + (i * 7) % n] || ' ' || w[1 + (i * 13) % n] || ' ' || w[1 + (i * 31) % n] || ' ' || w[1 + (i * 61) % n]
                                || ' ' || w[1 + (i * 97) % n] AS statement,
                              w[1 + (i * 3) % n] || ' ' || w[1 + (i * 11) % n] || ' ' || w[1 + (i * 29) % n] AS context
                         FROM (SELECT $1::text[] AS w, cardinality($1::text[]) AS n) v) s`,
      [WORDS, userId, from, to],
    );
    process.stdout.write(`\rloaded ${to + 1} of ${count} claims`);
  }
  await client.query(
    `INSERT INTO claims (id, slug, statement, context, publication, "publishedAt", "createdById", "updatedAt", "searchVector")
     SELECT g.id, 'needle-' || i, 'Kremlin spokesman Peskov called the report pure fiction', '', 'published', now(), $1, now(),
            claim_search_vector(g.id, 'Kremlin spokesman Peskov called the report pure fiction', '')
       FROM generate_series(1, 5) i, LATERAL (SELECT md5('needle-' || i)::uuid AS id) g`,
    [userId],
  );
  await client.query("RESET session_replication_role");
  console.log(`\nloaded in ${((Date.now() - started) / 1000).toFixed(0)} s; building indexes…`);
  for (const index of indexes) await client.query(index.indexdef);
  await client.query("VACUUM ANALYZE claims");
}
