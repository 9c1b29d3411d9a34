import "server-only";
import { db } from "@/lib/db";

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
