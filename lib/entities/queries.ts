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
 * trigram index entities_name_trgm_idx:
 * - from 3 characters, names that contain the text, or look like it (pg_trgm word similarity,
 *   so "Peskof" finds "Dmitry Peskov");
 * - under 3 characters (too short for a trigram of their own), names with a word that starts so.
 * The exact name first, then names that start with the text, then the most alike; bounded.
 * The text is a LIKE pattern with % and _ escaped, so they match only themselves.
 */
export function entitySearchSql(q: string, kind: EntitySearchKind, limit = ENTITY_SEARCH_LIMIT): Prisma.Sql {
  const text = q.trim();
  const pattern = escapeLike(text);
  const dbKind: EntityKind | null = kind === "any" ? null : kind === "outlet" ? "organisation" : kind;
  const matches =
    text.length < 3
      ? Prisma.sql`(e.name ILIKE ${`${pattern}%`} OR e.name ILIKE ${`% ${pattern}%`})`
      : Prisma.sql`(e.name ILIKE ${`%${pattern}%`} OR ${text} <% e.name)`;
  return Prisma.sql`
    SELECT e.id, e.kind::text AS kind, e.name, e.description, e.domain, similarity(e.name, ${text})::float AS similarity
      FROM entities e
     WHERE e."mergedIntoId" IS NULL
       AND (${dbKind}::text IS NULL OR e.kind = ${dbKind}::"EntityKind")
       AND ${matches}
     ORDER BY lower(e.name) = lower(${text}) DESC,
              e.name ILIKE ${`${pattern}%`} DESC,
              ${kind === "outlet" ? Prisma.sql`e.domain IS NOT NULL DESC,` : Prisma.empty}
              word_similarity(${text}, e.name) DESC, e.name, e.id
     LIMIT ${limit}`;
}

/** People, organisations or outlets whose name matches what an editor is typing. */
export async function searchEntities(q: string, kind: EntitySearchKind): Promise<EntityOption[]> {
  if (!q.trim()) return [];
  return db().$queryRaw<EntityOption[]>(entitySearchSql(q, kind));
}
