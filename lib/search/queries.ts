import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PublicationState, VerificationStatus } from "@/lib/generated/prisma/enums";
import { MARK_END, MARK_START, markWords } from "@/lib/search/highlight";
import { requiredPhrases } from "@/lib/search/phrases";
import { truncateText } from "@/lib/text";

export const SEARCH_PAGE_SIZE = 20;
/** Longer queries are cut: nobody types more, and it bounds the work one request can ask for. */
export const SEARCH_QUERY_MAX_LENGTH = 200;

export type SearchHit = {
  slug: string;
  status: VerificationStatus;
  updatedAt: Date;
  /** Statement, context and quote excerpts with matches marked (lib/search/highlight.ts). */
  statement: string;
  context: string | null;
  quote: string | null;
  fuzzy: boolean;
};

const HEADLINE = `StartSel=${MARK_START}, StopSel=${MARK_END}`;

/**
 * Published claims matching `query`: full-text search (websearch syntax: "quoted phrases", -not,
 * or) over the stored, GIN-indexed search vector, best first; then, for short or misspelled
 * queries that find little, claims whose statement contains something spelled like the query
 * (pg_trgm word similarity, through the trigram index). Drafts never appear.
 */
export async function searchPublishedClaims(query: string, page = 1): Promise<{ hits: SearchHit[]; more: boolean }> {
  // Any string is a query: control characters (NUL above all, which Postgres refuses) become
  // spaces, unpaired surrogates (which the driver would turn into U+FFFD) become U+FFFD here, and
  // the cut never leaves half a surrogate pair. websearch_to_tsquery accepts any text without a
  // syntax error, so "& | ! :* ( <->" are words to it, not operators.
  const text = truncateText(query.toWellFormed().replace(/[\u0000-\u001f\u007f]/g, " ").trim(), SEARCH_QUERY_MAX_LENGTH).trim();
  if (!text) return { hits: [], more: false };
  const offset = (page - 1) * SEARCH_PAGE_SIZE;

  const rows = await db().$queryRaw<
    { slug: string; status: VerificationStatus; updatedAt: Date; statement: string; context: string; quote: string | null }[]
  >(fullTextSearchSql(text, offset));
  const hits: SearchHit[] = rows.slice(0, SEARCH_PAGE_SIZE).map((row) => ({
    slug: row.slug,
    status: row.status,
    updatedAt: row.updatedAt,
    statement: row.statement,
    context: row.context.includes(MARK_START) ? row.context : null,
    quote: row.quote?.includes(MARK_START) ? row.quote : null,
    fuzzy: false,
  }));
  const more = rows.length > SEARCH_PAGE_SIZE;

  // Few exact matches on the first page of a plain query (no "phrases", -exclusions or "or"): add
  // near spellings ("Zelensky" for "Zelenskyy"), in one more statement. (It was a transaction of
  // its own, BEGIN, SET LOCAL, SELECT, COMMIT: 4 statements in a row after the first. Folding it
  // into the full-text statement as a gated CTE made it one, but cost every search about 1 ms
  // more, the common case included: docs/performance.md.)
  const plain = !/["]|(^|\s)-|\sor\s/i.test(text);
  if (page === 1 && hits.length < FEW_HITS && plain) {
    const near = await db().$queryRaw<{ slug: string; status: VerificationStatus; updatedAt: Date; statement: string }[]>(
      nearSpellingSql(text, hits.map((hit) => hit.slug), SEARCH_PAGE_SIZE - hits.length),
    );
    for (const row of near) hits.push({ ...row, statement: markWords(row.statement, text), context: null, quote: null, fuzzy: true });
  }
  return { hits, more };
}

/** Below this many full-text hits on the first page, near spellings are added. */
const FEW_HITS = 5;
/** pg_trgm's word similarity a near spelling needs: the default of `<%` (which the trigram index
 *  answers), checked again so that a lower server-wide setting cannot widen it. */
const NEAR_SPELLING = 0.6;

/**
 * Published claims, other than `seen`, whose statement holds something spelled like `text`, best
 * first. `<%` lets the trigram index find them at pg_trgm's default word-similarity threshold,
 * 0.6, which is what this wants (the transaction that SET LOCAL it is gone); the threshold is
 * checked again so that a lower server-wide setting cannot widen it.
 */
function nearSpellingSql(text: string, seen: string[], limit: number): Prisma.Sql {
  const published: PublicationState = "published";
  return Prisma.sql`
    SELECT slug, status, "updatedAt", statement FROM claims
     WHERE publication = ${published}::"PublicationState" AND ${text} <% statement
       AND word_similarity(${text}, statement) >= ${NEAR_SPELLING}
       AND NOT (slug = ANY(${seen}::text[]))
     ORDER BY word_similarity(${text}, statement) DESC, "updatedAt" DESC
     LIMIT ${limit}`;
}

/**
 * When a query is common, only its newest matches are ranked: a word that a tenth of all claims
 * hold cannot be ranked over all of them within a reader's patience (a GIN index says which
 * claims match, not how well, so ranking reads every match from the table). A query is common
 * when at least 1% of the newest claims match it: PROBE_MIN of the newest PROBE published claims,
 * and CANDIDATES of the newest WINDOW. Its first CANDIDATES results are then its newest
 * CANDIDATES matches, best first; later pages go on with older matches, newest first. Any other
 * query ranks all its matches. Reading the newest WINDOW claims in order is cheap (one index,
 * neighbouring table pages), and PROBE keeps rare queries from paying for all of WINDOW.
 */
export const COMMON_QUERY = { PROBE: 1_000, PROBE_MIN: 10, WINDOW: 10_000, CANDIDATES: 100 } as const;

/**
 * The full-text query, on its own so that the benchmark (scripts/bench-search.ts) can EXPLAIN it.
 * `search_query` adds the adjacent word pairs of required phrases to what the index looks for;
 * ranking and highlighting use the reader's query alone. Headlines are computed in the outer
 * query, for the page's rows only.
 */
export function fullTextSearchSql(text: string, offset = 0): Prisma.Sql {
  const published: PublicationState = "published";
  const { PROBE, PROBE_MIN, WINDOW, CANDIDATES } = COMMON_QUERY;
  const match = Prisma.sql`search_query(${text}, ${requiredPhrases(text)}::text[])`;
  const query = Prisma.sql`websearch_to_tsquery('english', ${text})`;
  const newest = (limit: number) => Prisma.sql`
    SELECT id, "updatedAt", "searchVector" FROM claims WHERE publication = ${published}::"PublicationState"
     ORDER BY "updatedAt" DESC, id DESC LIMIT ${limit}`;
  return Prisma.sql`
    WITH probe AS MATERIALIZED (
      SELECT count(*) AS hits FROM (${newest(PROBE)}) r WHERE r."searchVector" @@ ${match}
    ), recent AS MATERIALIZED (
      SELECT r.id, r."updatedAt", ts_rank_cd(r."searchVector", ${query}) AS rank FROM (${newest(WINDOW)}) r
       WHERE (SELECT hits FROM probe) >= ${PROBE_MIN} AND r."searchVector" @@ ${match}
       ORDER BY r."updatedAt" DESC, r.id DESC LIMIT ${CANDIDATES}
    ), common AS MATERIALIZED (
      SELECT count(*) = ${CANDIDATES} AS yes, (array_agg("updatedAt" ORDER BY "updatedAt", id))[1] AS "updatedAt",
             (array_agg(id ORDER BY "updatedAt", id))[1] AS id FROM recent
    ), ranked AS (
      SELECT id, 0 AS part, rank, "updatedAt" FROM recent WHERE (SELECT yes FROM common)
      UNION ALL
      (SELECT c.id, 1, 0, c."updatedAt" FROM claims c
        WHERE (SELECT yes FROM common) AND ${offset}::int + ${SEARCH_PAGE_SIZE + 1} > ${CANDIDATES}
          AND c.publication = ${published}::"PublicationState" AND c."searchVector" @@ ${match}
          AND c."updatedAt" <= (SELECT "updatedAt" FROM common)
          AND (c."updatedAt", c.id) < (SELECT "updatedAt", id FROM common)
        ORDER BY c."updatedAt" DESC, c.id DESC
        LIMIT greatest(0, ${offset}::int + ${SEARCH_PAGE_SIZE + 1 - CANDIDATES}))
      UNION ALL
      SELECT c.id, 0, ts_rank_cd(c."searchVector", ${query}), c."updatedAt" FROM claims c
       WHERE NOT (SELECT yes FROM common)
         AND c.publication = ${published}::"PublicationState" AND c."searchVector" @@ ${match}
    ), page AS (
      SELECT * FROM ranked ORDER BY part, rank DESC, "updatedAt" DESC, id DESC LIMIT ${SEARCH_PAGE_SIZE + 1} OFFSET ${offset}
    )
    SELECT c.slug, c.status, c."updatedAt",
           ts_headline('english', c.statement, ${query}, ${`${HEADLINE}, HighlightAll=true`}) AS statement,
           ts_headline('english', c.context, ${query}, ${`${HEADLINE}, MaxFragments=2, MaxWords=30, MinWords=10, FragmentDelimiter=" … "`}) AS context,
           (SELECT ts_headline('english', string_agg(e.quote, ' … '), ${query}, ${`${HEADLINE}, MaxFragments=1, MaxWords=30, MinWords=10`})
              FROM evidence e WHERE e."claimId" = c.id AND e."removedAt" IS NULL AND e.quote <> '') AS quote
      FROM page p JOIN claims c ON c.id = p.id
     ORDER BY p.part, p.rank DESC, p."updatedAt" DESC, p.id DESC`;
}
