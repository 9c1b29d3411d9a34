-- Phrase search through the index (lib/search/queries.ts). A GIN index on a tsvector knows which
-- claims hold each word, not where, so a phrase ("kremlin spokesman") used to fetch and recheck
-- every claim holding both words: 13,700 of a million in the benchmark, 88 ms at p95. Each claim's
-- search vector now also holds every pair of adjacent words as one position-less lexeme with a
-- space in it ('kremlin spokesman'), which no parsed word can contain. The search adds the pairs
-- of each quoted phrase that must match (search_query) to the query, so the index finds the few
-- claims that hold the pair, and the phrase itself is still checked, on those alone.
-- The public search also reads the newest published claims in one total order (updatedAt, then
-- id), which the index on (publication, updatedAt) gave only with a sort on top: it gains id.

-- DropIndex
DROP INDEX "claims_publication_updatedAt_idx";

-- CreateIndex
CREATE INDEX "claims_publication_updatedAt_id_idx" ON "claims"("publication", "updatedAt" DESC, "id" DESC);

-- Written by hand from here: functions are outside Prisma's schema language.

-- Every two lexemes at adjacent positions of `v`, as position-less lexemes 'first second'.
CREATE FUNCTION "search_adjacent_pairs"(v tsvector) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_to_tsvector(array_agg(DISTINCT a.lexeme || ' ' || b.lexeme)), ''::tsvector)
    FROM (SELECT u.lexeme, p FROM unnest(v) u, unnest(u.positions) p) a
    JOIN (SELECT u.lexeme, p FROM unnest(v) u, unnest(u.positions) p) b ON b.p = a.p + 1
$$;

CREATE OR REPLACE FUNCTION "claim_search_vector"(claim_id UUID, statement TEXT, context TEXT) RETURNS tsvector
LANGUAGE sql STABLE AS $$
  SELECT v || "search_adjacent_pairs"(v)
    FROM (SELECT setweight(to_tsvector('english', statement), 'A')
              || setweight(to_tsvector('english', context), 'B')
              || setweight(to_tsvector('english', coalesce((
                   SELECT string_agg(e."headline" || ' ' || e."quote", ' ')
                     FROM "evidence" e
                    WHERE e."claimId" = claim_id AND e."removedAt" IS NULL), '')), 'C') AS v) s
$$;

-- The reader's query (websearch syntax) for matching: websearch_to_tsquery, and the adjacent
-- pairs of `phrases`, quoted phrases the query requires (lib/search/phrases.ts picks only those).
-- Immutable like websearch_to_tsquery, so the planner computes it once, before choosing a plan.
CREATE FUNCTION "search_query"(query TEXT, phrases TEXT[]) RETURNS tsquery
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN pairs IS NULL OR numnode(q) = 0 THEN q ELSE q && pairs END
    FROM (SELECT websearch_to_tsquery('english', query) AS q,
                 (SELECT string_agg('''' || replace(replace(x.lexeme, '\', '\\'), '''', '''''') || '''', ' & ')::tsquery
                    FROM unnest(phrases) AS phrase, unnest("search_adjacent_pairs"(to_tsvector('english', phrase))) AS x) AS pairs) s
$$;

UPDATE "claims" SET "statement" = "statement";
