import "server-only";
import { db } from "@/lib/db";
import { type ClaimListItemRow, ClaimListPageRow, FilterOptionsRow, PublicEntityRow, PublishedClaimRow } from "@/lib/claims/rows";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PublicationState, Stance, VerificationStatus } from "@/lib/generated/prisma/enums";
import { escapeLike } from "@/lib/text";
import type { z } from "zod";

// Readers only ever see published claims and evidence that has not been removed; the visibility
// rule lives in these `where` clauses and, in the reader pages' SQL below, in every
// `publication = 'published'` and `"removedAt" IS NULL`, so a draft looks exactly like a missing claim.
const PUBLISHED = { publication: "published" } as const;
const LIVE_EVIDENCE = { removedAt: null } as const;

export const PUBLIC_PAGE_SIZE = 20;

export type PublicClaimFilters = {
  status?: VerificationStatus;
  tag?: string;
  /** Claims about this person or organisation. */
  entityId?: string;
  /** Claims with evidence from this outlet. */
  outletId?: string;
  page?: number;
};

// Reader lists and pages are each one SQL statement that Postgres answers as JSON (nested rows
// built with json_build_object/json_agg, each on an index), parsed by lib/claims/rows.ts into the
// shapes Prisma returned. Prisma's relation queries sent one statement per relation level: 6 for
// home, 13 for an entity page, 9 for a claim page (docs/performance.md, "Statements per page").

/** A claim as the lists show it, from the claims row `c`: its latest move and its live evidence count. */
const CLAIM_LIST_ITEM_JSON = Prisma.sql`json_build_object(
  'slug', c.slug, 'statement', c.statement, 'status', c.status, 'updatedAt', c."updatedAt",
  'transitions', COALESCE((
    SELECT json_agg(json_build_object('fromStatus', t."fromStatus", 'toStatus', t."toStatus", 'createdAt', t."createdAt"))
      FROM (SELECT "fromStatus", "toStatus", "createdAt" FROM status_transitions
             WHERE "claimId" = c.id ORDER BY sequence DESC LIMIT 1) t), '[]'),
  '_count', json_build_object('evidence', (SELECT count(*) FROM evidence e WHERE e."claimId" = c.id AND e."removedAt" IS NULL)))`;

/** One page of published claims matching `where` (on `c`), most recently updated first, as a JSON array. */
function claimListJson(where: Prisma.Sql, limit: number, offset: number): Prisma.Sql {
  return Prisma.sql`COALESCE((
    SELECT json_agg(page.item ORDER BY page."updatedAt" DESC, page.id DESC)
      FROM (SELECT c.id, c."updatedAt", ${CLAIM_LIST_ITEM_JSON} AS item
              FROM claims c WHERE ${where}
             ORDER BY c."updatedAt" DESC, c.id DESC LIMIT ${limit} OFFSET ${offset}) page), '[]')`;
}

function publicClaimsWhere(filters: PublicClaimFilters): Prisma.Sql {
  const conditions = [Prisma.sql`c.publication = 'published'`];
  if (filters.status) conditions.push(Prisma.sql`c.status = ${filters.status}::"VerificationStatus"`);
  if (filters.tag) conditions.push(Prisma.sql`c.tags @> ARRAY[${filters.tag}]::text[]`);
  if (filters.entityId) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM claim_entities ce WHERE ce."claimId" = c.id AND ce."entityId" = ${filters.entityId}::uuid)`);
  }
  if (filters.outletId) {
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM evidence e WHERE e."claimId" = c.id AND e."outletId" = ${filters.outletId}::uuid AND e."removedAt" IS NULL)`,
    );
  }
  return Prisma.join(conditions, " AND ");
}

/** Home: one page of published claims and how many match, in one statement. */
export async function listPublishedClaims(filters: PublicClaimFilters = {}) {
  const page = filters.page ?? 1;
  const where = publicClaimsWhere(filters);
  const [row] = await db().$queryRaw<unknown[]>`
    SELECT (SELECT count(*)::int FROM claims c WHERE ${where}) AS total,
           ${claimListJson(where, PUBLIC_PAGE_SIZE, (page - 1) * PUBLIC_PAGE_SIZE)} AS claims`;
  const { total, claims } = ClaimListPageRow.parse(row);
  return { claims, total, pages: Math.max(1, Math.ceil(total / PUBLIC_PAGE_SIZE)) };
}

/** What the public filters offer: only tags, people, organisations and outlets of published claims. One statement. */
export async function listPublicFilterOptions() {
  const [row] = await db().$queryRaw<unknown[]>`
    SELECT COALESCE((SELECT json_agg(t.tag ORDER BY t.tag)
                       FROM (SELECT DISTINCT unnest(tags) AS tag FROM claims WHERE publication = 'published') t), '[]') AS tags,
           COALESCE((SELECT json_agg(json_build_object('id', n.id, 'name', n.name) ORDER BY n.name, n.id)
                       FROM entities n
                      WHERE n."mergedIntoId" IS NULL
                        AND EXISTS (SELECT 1 FROM claim_entities ce JOIN claims c ON c.id = ce."claimId"
                                     WHERE ce."entityId" = n.id AND c.publication = 'published')), '[]') AS entities,
           COALESCE((SELECT json_agg(json_build_object('id', n.id, 'name', n.name) ORDER BY n.name, n.id)
                       FROM entities n
                      WHERE n."mergedIntoId" IS NULL
                        AND EXISTS (SELECT 1 FROM evidence e JOIN claims c ON c.id = e."claimId"
                                     WHERE e."outletId" = n.id AND e."removedAt" IS NULL AND c.publication = 'published')), '[]') AS outlets`;
  return FilterOptionsRow.parse(row);
}

/** Live evidence on published claims that `column` (the outlet or the speaker) ties to the entity `n`, newest first, at most 100. */
function entityEvidenceJson(column: "outletId" | "speakerId"): Prisma.Sql {
  return Prisma.sql`COALESCE((
    SELECT json_agg(x.item ORDER BY x."publishedAt" DESC, x.id DESC)
      FROM (SELECT e.id, e."publishedAt", json_build_object(
                     'id', e.id, 'headline', e.headline, 'url', e.url, 'stance', e.stance, 'sourcing', e.sourcing,
                     'publishedAt', e."publishedAt",
                     'outlet', CASE WHEN o.id IS NULL THEN NULL ELSE json_build_object('id', o.id, 'name', o.name) END,
                     'speaker', CASE WHEN s.id IS NULL THEN NULL ELSE json_build_object('id', s.id, 'name', s.name) END,
                     'claim', json_build_object('slug', c.slug, 'statement', c.statement, 'status', c.status)) AS item
              FROM evidence e
              JOIN claims c ON c.id = e."claimId"
              LEFT JOIN entities o ON o.id = e."outletId"
              LEFT JOIN entities s ON s.id = e."speakerId"
             WHERE e.${Prisma.raw(`"${column}"`)} = n.id AND e."removedAt" IS NULL AND c.publication = 'published'
             ORDER BY e."publishedAt" DESC, e.id DESC
             LIMIT 100) x), '[]')`;
}

/** A person or organisation's public page: who they are, the published claims about them, and
 *  the evidence they published or gave on published claims. Null when there is nothing public.
 *  One statement. */
export async function getPublicEntity(id: string) {
  const [row] = await db().$queryRaw<unknown[]>`
    SELECT json_build_object(
             'id', n.id, 'name', n.name, 'kind', n.kind, 'description', n.description, 'domain', n.domain,
             'affiliation', (SELECT json_build_object('id', a.id, 'name', a.name) FROM entities a WHERE a.id = n."affiliationId")) AS entity,
           ${claimListJson(publicClaimsWhere({ entityId: id }), PUBLIC_PAGE_SIZE, 0)} AS claims,
           ${entityEvidenceJson("outletId")} AS published,
           ${entityEvidenceJson("speakerId")} AS spoken
      FROM entities n
     WHERE n.id = ${id}::uuid AND n."mergedIntoId" IS NULL`;
  if (!row) return null;
  const found = PublicEntityRow.parse(row);
  if (found.claims.length === 0 && found.published.length === 0 && found.spoken.length === 0) return null;
  return found;
}

export type PublishedClaimListItem = z.output<typeof ClaimListItemRow>;

const ENTITY_SUMMARY = { select: { id: true, name: true, kind: true, description: true } } as const;

/** A status move as pages show it; the desk adds who made it. */
const TRANSITION_SUMMARY = {
  id: true,
  sequence: true,
  fromStatus: true,
  toStatus: true,
  actorRole: true,
  rationale: true,
  createdAt: true,
  cited: { select: { evidence: { select: { id: true, headline: true, removedAt: true } } } },
} as const;

// The claim page in one SQL statement: Prisma's relation queries took 9 statements, 4 of them one
// after another (claim; entities, evidence, transitions; their entities and citations). Postgres
// builds the nested JSON itself (json_agg over correlated subqueries, each on an index), and
// PublishedClaimRow parses it back into the shape Prisma returned, Dates included. Visibility as
// everywhere else: published claims only, live evidence only, citations of live evidence only.
const entitySummaryJson = (alias: Prisma.Sql) =>
  Prisma.sql`json_build_object('id', ${alias}.id, 'name', ${alias}.name, 'kind', ${alias}.kind, 'description', ${alias}.description)`;

const PUBLISHED_CLAIM_SQL = (slug: string) => Prisma.sql`
  SELECT json_build_object(
    'id', c.id, 'slug', c.slug, 'statement', c.statement, 'context', c.context,
    'eventDate', c."eventDate", 'eventDatePrecision', c."eventDatePrecision", 'tags', c.tags, 'status', c.status,
    'publishedAt', c."publishedAt", 'updatedAt', c."updatedAt",
    'entities', COALESCE((
      SELECT json_agg(json_build_object('entity', ${entitySummaryJson(Prisma.raw("n"))}) ORDER BY n.name, n.id)
        FROM claim_entities ce JOIN entities n ON n.id = ce."entityId"
       WHERE ce."claimId" = c.id), '[]'),
    'evidence', COALESCE((
      SELECT json_agg(json_build_object(
               'id', e.id, 'url', e.url, 'headline', e.headline, 'publishedAt', e."publishedAt", 'sourcing', e.sourcing,
               'stance', e.stance, 'quote', e.quote, 'speakerDescription', e."speakerDescription", 'derivation', e.derivation,
               'derivedFromId', e."derivedFromId", 'speakerId', e."speakerId",
               'outlet', CASE WHEN o.id IS NULL THEN NULL ELSE json_build_object('id', o.id, 'name', o.name, 'domain', o.domain) END,
               'speaker', CASE WHEN s.id IS NULL THEN NULL ELSE ${entitySummaryJson(Prisma.raw("s"))} END,
               -- The archived copy readers can open: the first good snapshot of the URL as linked.
               'archiveId', (SELECT a.id FROM evidence_snapshots a
                              WHERE a."evidenceId" = e.id AND a."requestedUrl" = e.url AND a.error IS NULL AND a.status BETWEEN 200 AND 299
                              ORDER BY a."fetchedAt", a.id LIMIT 1))
             ORDER BY e."publishedAt" ASC, e.id ASC)
        FROM evidence e
        LEFT JOIN entities o ON o.id = e."outletId"
        LEFT JOIN entities s ON s.id = e."speakerId"
       WHERE e."claimId" = c.id AND e."removedAt" IS NULL), '[]'),
    'transitions', COALESCE((
      SELECT json_agg(json_build_object(
               'id', t.id, 'sequence', t.sequence, 'fromStatus', t."fromStatus", 'toStatus', t."toStatus",
               'actorRole', t."actorRole", 'rationale', t.rationale, 'createdAt', t."createdAt",
               'cited', COALESCE((
                 SELECT json_agg(json_build_object('evidence', json_build_object('id', ev.id, 'headline', ev.headline, 'removedAt', ev."removedAt")) ORDER BY ev.id)
                   FROM transition_evidence te JOIN evidence ev ON ev.id = te."evidenceId"
                  WHERE te."transitionId" = t.id AND ev."removedAt" IS NULL), '[]'))
             ORDER BY t.sequence DESC)
        FROM status_transitions t
       WHERE t."claimId" = c.id), '[]')
  ) AS claim
  FROM claims c
  WHERE c.slug = ${slug} AND c.publication = 'published'`;

export async function getPublishedClaim(slug: string): Promise<PublishedClaim | null> {
  const [row] = await db().$queryRaw<{ claim: unknown }[]>(PUBLISHED_CLAIM_SQL(slug));
  return row ? PublishedClaimRow.parse(row.claim) : null;
}

export type PublishedClaim = z.output<typeof PublishedClaimRow>;
export type PublishedEvidence = PublishedClaim["evidence"][number];

// ---------------------------------------------------------------------------------------------
// The desk (signed-in newsroom): drafts included. Callers check the viewer's permission first.

export const DESK_PAGE_SIZE = 25;

export type DeskClaimFilters = {
  status?: VerificationStatus;
  publication?: PublicationState;
  tag?: string;
  createdById?: string;
  q?: string;
  page: number;
};

export async function listDeskClaims(filters: DeskClaimFilters) {
  const q = filters.q?.trim();
  const where: Prisma.ClaimWhereInput = {
    status: filters.status,
    publication: filters.publication,
    tags: filters.tag ? { has: filters.tag } : undefined,
    createdById: filters.createdById,
    OR: q
      ? [{ statement: { contains: escapeLike(q), mode: "insensitive" } }, { context: { contains: escapeLike(q), mode: "insensitive" } }]
      : undefined,
  };
  const [total, claims] = await Promise.all([
    db().claim.count({ where }),
    db().claim.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      skip: (filters.page - 1) * DESK_PAGE_SIZE,
      take: DESK_PAGE_SIZE,
      select: {
        id: true,
        slug: true,
        statement: true,
        status: true,
        publication: true,
        tags: true,
        updatedAt: true,
        createdBy: { select: { name: true } },
      },
    }),
  ]);
  // Evidence counts by stance for the whole page in one query.
  const counts = await db().evidence.groupBy({
    by: ["claimId", "stance"],
    where: { claimId: { in: claims.map((claim) => claim.id) }, removedAt: null },
    _count: { _all: true },
  });
  return {
    total,
    pages: Math.max(1, Math.ceil(total / DESK_PAGE_SIZE)),
    claims: claims.map((claim) => ({
      ...claim,
      evidenceByStance: Object.fromEntries(
        counts.filter((row) => row.claimId === claim.id).map((row) => [row.stance, row._count._all]),
      ) as Partial<Record<Stance, number>>,
    })),
  };
}

export type DeskClaimListItem = Awaited<ReturnType<typeof listDeskClaims>>["claims"][number];

/** All tags in use, for the desk's filter. */
export async function listClaimTags(): Promise<string[]> {
  const rows = await db().$queryRaw<{ tag: string }[]>`SELECT DISTINCT unnest(tags) AS tag FROM claims ORDER BY tag`;
  return rows.map((row) => row.tag);
}

/**
 * Claims whose statement looks like `statement`, drafts included: pg_trgm's word similarity (how
 * much of the new statement appears in an existing one), so a short "Trump spoke with Putin"
 * still finds the long form of the same claim. Uses the trigram index through `<%`.
 */
export async function findSimilarClaims(statement: string, { excludeId, limit = 5 }: { excludeId?: string; limit?: number } = {}) {
  const text = statement.trim();
  if (text.length < 8) return [];
  const [, rows] = await db().$transaction([
    db().$executeRaw`SET LOCAL pg_trgm.word_similarity_threshold = 0.5`,
    db().$queryRaw<
      { id: string; slug: string; statement: string; status: VerificationStatus; publication: PublicationState; score: number }[]
    >`
      SELECT id, slug, statement, status, publication, word_similarity(${text}, statement)::float AS score
        FROM claims
       WHERE ${text} <% statement AND (${excludeId ?? null}::uuid IS NULL OR id <> ${excludeId ?? null}::uuid)
       ORDER BY score DESC, similarity(statement, ${text}) DESC, "updatedAt" DESC
       LIMIT ${limit}`,
  ]);
  return rows;
}

export async function getDeskClaim(id: string) {
  return db().claim.findUnique({
    where: { id },
    select: {
      id: true,
      slug: true,
      statement: true,
      context: true,
      eventDate: true,
      eventDatePrecision: true,
      tags: true,
      status: true,
      publication: true,
      publishedAt: true,
      version: true,
      createdAt: true,
      updatedAt: true,
      createdBy: { select: { name: true } },
      entities: { select: { entity: { select: ENTITY_SUMMARY.select } }, orderBy: { entity: { name: "asc" } } },
      evidence: {
        orderBy: [{ publishedAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          version: true,
          url: true,
          headline: true,
          publishedAt: true,
          sourcing: true,
          stance: true,
          quote: true,
          speakerDescription: true,
          derivation: true,
          derivedFromId: true,
          removedAt: true,
          outletId: true,
          speakerId: true,
          outlet: { select: { id: true, name: true, domain: true } },
          speaker: ENTITY_SUMMARY,
          removedBy: { select: { name: true } },
        },
      },
      transitions: { orderBy: { sequence: "desc" }, select: { ...TRANSITION_SUMMARY, actor: { select: { name: true } } } },
    },
  });
}

export type DeskClaim = NonNullable<Awaited<ReturnType<typeof getDeskClaim>>>;

// ---------------------------------------------------------------------------------------------
// Machines: feeds and the sitemap. Published claims only.

export async function listPublicStatusChanges({ slug, take = 50 }: { slug?: string; take?: number } = {}) {
  return db().statusTransition.findMany({
    where: { claim: { ...PUBLISHED, slug } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      fromStatus: true,
      toStatus: true,
      rationale: true,
      createdAt: true,
      claim: { select: { slug: true, statement: true } },
    },
  });
}

export type PublicStatusChange = Awaited<ReturnType<typeof listPublicStatusChanges>>[number];

export async function getPublishedClaimSummary(slug: string) {
  return db().claim.findFirst({ where: { slug, ...PUBLISHED }, select: { id: true, slug: true, statement: true, updatedAt: true } });
}

/**
 * The first status change this database ever recorded (ids are time-ordered UUIDv7s, read from the
 * primary key), or null while there is none. History is append-only, so once there is one it never
 * changes: the changes feed's id is made from it (lib/feeds/atom.ts).
 */
export async function firstStatusTransitionId(): Promise<string | null> {
  const first = await db().statusTransition.findFirst({ orderBy: { id: "asc" }, select: { id: true } });
  return first?.id ?? null;
}

export async function listSitemapEntries() {
  const [claims, entities] = await Promise.all([
    db().claim.findMany({ where: PUBLISHED, orderBy: { updatedAt: "desc" }, take: 45_000, select: { slug: true, updatedAt: true } }),
    db().entity.findMany({
      where: {
        mergedIntoId: null,
        OR: [
          { claims: { some: { claim: PUBLISHED } } },
          { evidenceAsOutlet: { some: { ...LIVE_EVIDENCE, claim: PUBLISHED } } },
          { evidenceAsSpeaker: { some: { ...LIVE_EVIDENCE, claim: PUBLISHED } } },
        ],
      },
      take: 5_000,
      select: { id: true, updatedAt: true },
    }),
  ]);
  return { claims, entities };
}
