import "server-only";
import { db } from "@/lib/db";
import { PublishedClaimRow } from "@/lib/claims/rows";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PublicationState, Stance, VerificationStatus } from "@/lib/generated/prisma/enums";
import { escapeLike } from "@/lib/text";
import type { z } from "zod";

// Readers only ever see published claims and evidence that has not been removed; the visibility
// rule lives in these `where` clauses, so a draft looks exactly like a missing claim.
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

export async function listPublishedClaims(filters: PublicClaimFilters = {}) {
  const page = filters.page ?? 1;
  const where: Prisma.ClaimWhereInput = {
    ...PUBLISHED,
    status: filters.status,
    tags: filters.tag ? { has: filters.tag } : undefined,
    entities: filters.entityId ? { some: { entityId: filters.entityId } } : undefined,
    evidence: filters.outletId ? { some: { outletId: filters.outletId, ...LIVE_EVIDENCE } } : undefined,
  };
  const [total, claims] = await Promise.all([
    db().claim.count({ where }),
    db().claim.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * PUBLIC_PAGE_SIZE,
      take: PUBLIC_PAGE_SIZE,
      select: {
        slug: true,
        statement: true,
        status: true,
        updatedAt: true,
        transitions: {
          orderBy: { sequence: "desc" },
          take: 1,
          select: { fromStatus: true, toStatus: true, createdAt: true },
        },
        _count: { select: { evidence: { where: LIVE_EVIDENCE } } },
      },
    }),
  ]);
  return { claims, total, pages: Math.max(1, Math.ceil(total / PUBLIC_PAGE_SIZE)) };
}

/** What the public filters offer: only tags, people, organisations and outlets of published claims. */
export async function listPublicFilterOptions() {
  const [tags, entities, outlets] = await Promise.all([
    db().$queryRaw<{ tag: string }[]>`SELECT DISTINCT unnest(tags) AS tag FROM claims WHERE publication = 'published' ORDER BY tag`,
    db().entity.findMany({
      where: { mergedIntoId: null, claims: { some: { claim: PUBLISHED } } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    db().entity.findMany({
      where: { mergedIntoId: null, evidenceAsOutlet: { some: { ...LIVE_EVIDENCE, claim: PUBLISHED } } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  return { tags: tags.map((row) => row.tag), entities, outlets };
}

/** A person or organisation's public page: who they are, the published claims about them, and
 *  the evidence they published or gave on published claims. Null when there is nothing public. */
export async function getPublicEntity(id: string) {
  const entity = await db().entity.findFirst({
    where: { id, mergedIntoId: null },
    select: { id: true, name: true, kind: true, description: true, domain: true, affiliation: { select: { id: true, name: true } } },
  });
  if (!entity) return null;
  const evidenceSelect = {
    id: true,
    headline: true,
    url: true,
    stance: true,
    sourcing: true,
    publishedAt: true,
    outlet: { select: { id: true, name: true } },
    speaker: { select: { id: true, name: true } },
    claim: { select: { slug: true, statement: true, status: true } },
  } as const;
  const [claims, published, spoken] = await Promise.all([
    listPublishedClaims({ entityId: id }),
    db().evidence.findMany({
      where: { outletId: id, ...LIVE_EVIDENCE, claim: PUBLISHED },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: 100,
      select: evidenceSelect,
    }),
    db().evidence.findMany({
      where: { speakerId: id, ...LIVE_EVIDENCE, claim: PUBLISHED },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: 100,
      select: evidenceSelect,
    }),
  ]);
  if (claims.total === 0 && published.length === 0 && spoken.length === 0) return null;
  return { entity, claims: claims.claims, published, spoken };
}

export type PublishedClaimListItem = Awaited<ReturnType<typeof listPublishedClaims>>["claims"][number];

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
               'speaker', CASE WHEN s.id IS NULL THEN NULL ELSE ${entitySummaryJson(Prisma.raw("s"))} END)
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
  return db().claim.findFirst({ where: { slug, ...PUBLISHED }, select: { slug: true, statement: true, updatedAt: true } });
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
