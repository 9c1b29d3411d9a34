import "server-only";
import { db } from "@/lib/db";
import type { EntityOption, EntitySearchKind } from "@/lib/entities/schema";
import { Prisma } from "@/lib/generated/prisma/client";
import type { EntityKind } from "@/lib/generated/prisma/enums";
import { escapeLike } from "@/lib/text";

/** Entities that have not been merged away, for pickers and the entity list. */
export async function listEntities({ q }: { q?: string } = {}) {
  const text = q?.trim();
  return db().entity.findMany({
    where: { mergedIntoId: null, name: text ? { contains: escapeLike(text), mode: "insensitive" } : undefined },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: {
      id: true,
      kind: true,
      name: true,
      description: true,
      domain: true,
      affiliation: { select: { name: true } },
      _count: { select: { claims: true, evidenceAsOutlet: true, evidenceAsSpeaker: true } },
    },
  });
}

export type EntityListItem = Awaited<ReturnType<typeof listEntities>>[number];

export async function getEntity(id: string) {
  return db().entity.findFirst({
    where: { id, mergedIntoId: null },
    select: {
      id: true,
      kind: true,
      name: true,
      description: true,
      domain: true,
      affiliationId: true,
      affiliation: { select: { id: true, name: true, description: true, domain: true } },
      updatedAt: true,
    },
  });
}

export const ENTITY_SEARCH_LIMIT = 10;

/**
 * The desk pickers' search, on its own so that the benchmark (scripts/bench-entities.ts) can time
 * and EXPLAIN it. Live entities only (merged duplicates are never offered), through the partial
 * trigram index entities_name_trgm_idx, at most `limit`, in two tiers:
 * 1. names that contain the text (from 3 characters), or that have a word starting with it
 *    (1–2 characters, too short for a trigram of their own): the exact name first, then names
 *    that start with the text, then a word that does, shortest first. Ranked by cheap keys only,
 *    so that a common name ("Smith") among 100,000 entities stays fast.
 * 2. only when tier 1 leaves room: names that look like the text (pg_trgm word similarity, so
 *    "Peskof" finds "Dmitry Peskov"), most alike first.
 * The text goes into LIKE patterns with %, _ and \ escaped, so they match only themselves.
 */
export function entitySearchSql(q: string, kind: EntitySearchKind, limit = ENTITY_SEARCH_LIMIT): Prisma.Sql {
  const text = q.trim();
  const pattern = escapeLike(text);
  const dbKind: EntityKind | null = kind === "any" ? null : kind === "outlet" ? "organisation" : kind;
  const live = Prisma.sql`e."mergedIntoId" IS NULL AND (${dbKind}::text IS NULL OR e.kind = ${dbKind}::"EntityKind")`;
  const short = text.length < 3;
  const matches = short
    ? Prisma.sql`(e.name ILIKE ${`${pattern}%`} OR e.name ILIKE ${`% ${pattern}%`})`
    : Prisma.sql`e.name ILIKE ${`%${pattern}%`}`;
  const outletsFirst = kind === "outlet" ? Prisma.sql`e.domain IS NULL,` : Prisma.empty;
  const fuzzy = short
    ? Prisma.empty
    : Prisma.sql`
      UNION ALL
      (SELECT e.id, e.kind, e.name, e.description, e.domain, 4 AS tier, 1 - word_similarity(${text}, e.name) AS score
         FROM entities e
        WHERE (SELECT count(*) FROM strong) < ${limit} AND ${live}
          AND ${text} <% e.name AND NOT (e.name ILIKE ${`%${pattern}%`})
        ORDER BY ${outletsFirst} score, e.name, e.id
        LIMIT ${limit})`;
  return Prisma.sql`
    WITH strong AS (
      SELECT e.id, e.kind, e.name, e.description, e.domain,
             CASE WHEN lower(e.name) = lower(${text}) THEN 0
                  WHEN e.name ILIKE ${`${pattern}%`} THEN 1
                  WHEN e.name ILIKE ${`% ${pattern}%`} THEN 2
                  ELSE 3 END AS tier,
             length(e.name)::float AS score
        FROM entities e
       WHERE ${live} AND ${matches}
       ORDER BY tier, ${outletsFirst} score, e.name, e.id
       LIMIT ${limit}
    )
    SELECT found.id, found.kind::text AS kind, found.name, found.description, found.domain,
           similarity(found.name, ${text})::float AS similarity
      FROM (SELECT * FROM strong${fuzzy}) AS found
     ORDER BY found.tier, ${kind === "outlet" ? Prisma.sql`found.domain IS NULL,` : Prisma.empty} found.score, found.name, found.id
     LIMIT ${limit}`;
}

/** People, organisations or outlets whose name matches what an editor is typing. */
export async function searchEntities(q: string, kind: EntitySearchKind): Promise<EntityOption[]> {
  if (!q.trim()) return [];
  return db().$queryRaw<EntityOption[]>(entitySearchSql(q, kind));
}
