import "server-only";
import { db } from "@/lib/db";
import { summariseIndependence } from "@/lib/evidence/independence";
import type { Prisma } from "@/lib/generated/prisma/client";
import { EVIDENCE_FOR_SUGGESTIONS } from "@/lib/review/mutations";
import type { ReviewFilters } from "@/lib/review/schema";
import { pendingSuggestions } from "@/lib/review/suggestions";

export const REVIEW_PAGE_SIZE = 20;

/**
 * Each view is one indexed condition on the review columns that lib/review/mutations.ts keeps
 * (schema.prisma lists the indexes), ordered so that the claim that has waited longest comes first.
 */
function viewOf(filters: ReviewFilters): { where: Prisma.ClaimWhereInput; orderBy: Prisma.ClaimOrderByWithRelationInput[] } {
  const waitedLongest: Prisma.ClaimOrderByWithRelationInput[] = [{ reviewWaitingSince: "asc" }, { id: "asc" }];
  const publication = filters.publication;
  switch (filters.show) {
    case "suggested":
      return { where: { reviewRank: 0, publication }, orderBy: waitedLongest };
    case "new":
      return { where: { reviewNewEvidence: { gt: 0 }, publication }, orderBy: [{ reviewNewEvidence: "desc" }, ...waitedLongest] };
    case "waiting":
      return { where: { status: "unverified", publication }, orderBy: waitedLongest };
    case "all":
      return { where: { reviewRank: { not: null }, publication }, orderBy: [{ reviewRank: "asc" }, ...waitedLongest] };
  }
}

const REVIEW_ITEM = {
  id: true,
  statement: true,
  status: true,
  publication: true,
  createdAt: true,
  lastMovedAt: true,
  reviewNewEvidence: true,
  entities: { select: { entity: { select: { id: true, affiliationId: true } } } },
  evidence: {
    ...EVIDENCE_FOR_SUGGESTIONS,
    select: {
      ...EVIDENCE_FOR_SUGGESTIONS.select,
      headline: true,
      quote: true,
      speakerDescription: true,
      outlet: { select: { name: true } },
    },
  },
  dismissals: { select: { suggestedStatus: true, evidenceKey: true } },
} as const satisfies Prisma.ClaimSelect;

/**
 * One page of what needs a fact-checker, in the chosen view: one query for the page (its claims
 * with their live evidence, people and dismissals, so the suggestions shown are worked out from
 * the same evidence the fact-checker will see) and one count.
 */
export async function listReviewQueue(filters: ReviewFilters) {
  const { where, orderBy } = viewOf(filters);
  const [total, claims] = await Promise.all([
    db().claim.count({ where }),
    db().claim.findMany({ where, orderBy, skip: (filters.page - 1) * REVIEW_PAGE_SIZE, take: REVIEW_PAGE_SIZE, select: REVIEW_ITEM }),
  ]);
  const items = claims.map((claim) => {
    const newest = claim.evidence.reduce<(typeof claim.evidence)[number] | null>(
      (latest, item) => (!latest || item.createdAt > latest.createdAt ? item : latest),
      null,
    );
    return {
      id: claim.id,
      statement: claim.statement,
      status: claim.status,
      publication: claim.publication,
      createdAt: claim.createdAt,
      lastMovedAt: claim.lastMovedAt,
      newEvidence: claim.reviewNewEvidence,
      suggestions: pendingSuggestions({ status: claim.status, entities: claim.entities.map(({ entity }) => entity) }, claim.evidence, claim.dismissals),
      newestEvidence: newest,
      independence: summariseIndependence(claim.evidence),
    };
  });
  return { items, total, pages: Math.max(1, Math.ceil(total / REVIEW_PAGE_SIZE)) };
}

export type ReviewItem = Awaited<ReturnType<typeof listReviewQueue>>["items"][number];
