import "server-only";
import { db } from "@/lib/db";
import { summariseIndependence } from "@/lib/evidence/independence";
import { type Suggestion, suggestionKey, suggestMoves } from "@/lib/review/suggestions";

const EVIDENCE_FOR_REVIEW = {
  where: { removedAt: null },
  select: {
    id: true,
    stance: true,
    sourcing: true,
    speakerId: true,
    derivedFromId: true,
    derivation: true,
    publishedAt: true,
    outletId: true,
    createdAt: true,
    speaker: { select: { id: true, name: true, description: true, affiliationId: true } },
  },
} as const;

export type ReviewItem = {
  id: string;
  statement: string;
  status: Awaited<ReturnType<typeof loadCandidates>>[number]["status"];
  publication: string;
  suggestions: Suggestion[];
  newEvidence: number;
  lastMovedAt: Date;
  independence: ReturnType<typeof summariseIndependence>;
};

// A newsroom's open claims fit comfortably in memory; the queue looks at the most recently active.
const CANDIDATES = 500;

const CANDIDATE = {
  id: true,
  statement: true,
  status: true,
  publication: true,
  entities: { select: { entity: { select: { id: true, affiliationId: true } } } },
  evidence: EVIDENCE_FOR_REVIEW,
  transitions: { orderBy: { sequence: "desc" }, take: 1, select: { createdAt: true } },
  dismissals: { select: { suggestedStatus: true, evidenceKey: true } },
} as const;

/** The most recently active claims, plus the unverified ones that have waited longest. */
async function loadCandidates() {
  const [recent, waiting] = await Promise.all([
    db().claim.findMany({ where: { status: { not: "retracted" } }, orderBy: { updatedAt: "desc" }, take: CANDIDATES, select: CANDIDATE }),
    db().claim.findMany({ where: { status: "unverified" }, orderBy: { updatedAt: "asc" }, take: CANDIDATES, select: CANDIDATE }),
  ]);
  return [...new Map([...recent, ...waiting].map((claim) => [claim.id, claim])).values()];
}

/**
 * What needs a fact-checker, most urgent first: claims with suggested moves, then claims with
 * evidence linked since their last move, then the claims that have sat unverified longest.
 */
export async function listReviewQueue(): Promise<ReviewItem[]> {
  const claims = await loadCandidates();
  const items = claims.map((claim) => {
    const lastMovedAt = claim.transitions[0]?.createdAt ?? new Date(0);
    const dismissed = new Set(claim.dismissals.map((row) => `${row.suggestedStatus}|${row.evidenceKey}`));
    const suggestions = suggestMoves(
      { status: claim.status, entities: claim.entities.map(({ entity }) => entity) },
      claim.evidence,
    ).filter((suggestion) => !dismissed.has(`${suggestion.to}|${suggestionKey(suggestion.evidenceIds)}`));
    return {
      id: claim.id,
      statement: claim.statement,
      status: claim.status,
      publication: claim.publication,
      suggestions,
      newEvidence: claim.evidence.filter((item) => item.createdAt > lastMovedAt).length,
      lastMovedAt,
      independence: summariseIndependence(claim.evidence),
    };
  });
  const needsReview = items.filter((item) => item.suggestions.length > 0 || item.newEvidence > 0 || item.status === "unverified");
  const urgency = (item: ReviewItem) => (item.suggestions.length > 0 ? 0 : item.newEvidence > 0 ? 1 : 2);
  return needsReview.sort(
    (a, b) => urgency(a) - urgency(b) || b.newEvidence - a.newEvidence || a.lastMovedAt.getTime() - b.lastMovedAt.getTime(),
  );
}
