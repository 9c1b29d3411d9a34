import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PublicationState, Stance, VerificationStatus } from "@/lib/generated/prisma/enums";

// Readers only ever see published claims and evidence that has not been removed; the visibility
// rule lives in these `where` clauses, so a draft looks exactly like a missing claim.
const PUBLISHED = { publication: "published" } as const;
const LIVE_EVIDENCE = { removedAt: null } as const;

export async function listPublishedClaims({ take = 50 }: { take?: number } = {}) {
  return db().claim.findMany({
    where: PUBLISHED,
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take,
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
  });
}

export type PublishedClaimListItem = Awaited<ReturnType<typeof listPublishedClaims>>[number];

const ENTITY_SUMMARY = { select: { id: true, name: true, kind: true, description: true } } as const;

export async function getPublishedClaim(slug: string) {
  return db().claim.findFirst({
    where: { slug, ...PUBLISHED },
    select: {
      id: true,
      slug: true,
      statement: true,
      context: true,
      eventDate: true,
      eventDatePrecision: true,
      tags: true,
      status: true,
      publishedAt: true,
      updatedAt: true,
      entities: { select: { entity: ENTITY_SUMMARY }, orderBy: { entity: { name: "asc" } } },
      evidence: {
        where: LIVE_EVIDENCE,
        orderBy: [{ publishedAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          url: true,
          headline: true,
          publishedAt: true,
          sourcing: true,
          stance: true,
          quote: true,
          speakerDescription: true,
          derivation: true,
          derivedFromId: true,
          speakerId: true,
          outlet: { select: { name: true, domain: true } },
          speaker: ENTITY_SUMMARY,
        },
      },
      transitions: {
        orderBy: { sequence: "desc" },
        select: {
          id: true,
          sequence: true,
          fromStatus: true,
          toStatus: true,
          actorRole: true,
          rationale: true,
          createdAt: true,
          cited: { select: { evidence: { select: { id: true, headline: true, removedAt: true } } } },
        },
      },
    },
  });
}

export type PublishedClaim = NonNullable<Awaited<ReturnType<typeof getPublishedClaim>>>;
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
      ? [{ statement: { contains: q, mode: "insensitive" } }, { context: { contains: q, mode: "insensitive" } }]
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
          outlet: { select: { name: true, domain: true } },
          speaker: ENTITY_SUMMARY,
          removedBy: { select: { name: true } },
        },
      },
      transitions: {
        orderBy: { sequence: "desc" },
        select: {
          id: true,
          sequence: true,
          fromStatus: true,
          toStatus: true,
          actorRole: true,
          rationale: true,
          createdAt: true,
          actor: { select: { name: true } },
          cited: { select: { evidence: { select: { id: true, headline: true, removedAt: true } } } },
        },
      },
    },
  });
}

export type DeskClaim = NonNullable<Awaited<ReturnType<typeof getDeskClaim>>>;
