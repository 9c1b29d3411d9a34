// Keeps the review-queue columns of claims (schema.prisma: reviewRank …) equal to what
// lib/review/suggestions.ts derives from a claim's evidence, history and dismissals. Not marked
// "server-only": the seed and the scripts that run it call this outside Next.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { pendingSuggestions, reviewStateOf } from "@/lib/review/suggestions";

type Client = Prisma.TransactionClient | PrismaClient;

/** What the suggestions need to know about a claim's live evidence (also read by the queue page). */
export const EVIDENCE_FOR_SUGGESTIONS = {
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

/**
 * Recomputes the review state of these claims. Call it inside the transaction of every write that
 * can change a suggestion or the "new since the last move" count: linking, editing or removing
 * evidence, a move, a dismissal, a change to who a claim is about, and entity changes that alter
 * who speaks for whom. One read for all the claims, one update per claim whose state changed.
 */
export async function refreshReviewState(client: Client, claimIds: readonly string[]): Promise<void> {
  if (claimIds.length === 0) return;
  const claims = await client.claim.findMany({
    where: { id: { in: [...new Set(claimIds)] } },
    select: {
      id: true,
      status: true,
      createdAt: true,
      updatedAt: true,
      lastMovedAt: true,
      reviewRank: true,
      reviewSuggestions: true,
      reviewNewEvidence: true,
      reviewWaitingSince: true,
      entities: { select: { entity: { select: { id: true, affiliationId: true } } } },
      evidence: EVIDENCE_FOR_SUGGESTIONS,
      transitions: { select: { sequence: true, createdAt: true } },
      dismissals: { select: { suggestedStatus: true, evidenceKey: true } },
    },
  });
  for (const claim of claims) {
    const suggestions = pendingSuggestions({ status: claim.status, entities: claim.entities.map(({ entity }) => entity) }, claim.evidence, claim.dismissals);
    const next = reviewStateOf({
      status: claim.status,
      createdAt: claim.createdAt,
      suggestions: suggestions.length,
      evidenceLinkedAt: claim.evidence.map((item) => item.createdAt),
      transitions: claim.transitions,
    });
    const unchanged =
      next.reviewRank === claim.reviewRank &&
      next.reviewSuggestions === claim.reviewSuggestions &&
      next.reviewNewEvidence === claim.reviewNewEvidence &&
      next.lastMovedAt?.getTime() === claim.lastMovedAt?.getTime() &&
      next.reviewWaitingSince.getTime() === claim.reviewWaitingSince.getTime();
    if (unchanged) continue;
    // Prisma would stamp `updatedAt`, which readers see as "last updated": a queue refresh is not
    // an edit, so it keeps the old value. The version stays too: it guards the claim's own fields.
    await client.claim.update({ where: { id: claim.id }, data: { ...next, updatedAt: claim.updatedAt } });
  }
}

/** The claims whose suggestions depend on this entity: those about it and those it speaks in. */
export async function claimIdsInvolving(client: Client, entityIds: readonly string[]): Promise<string[]> {
  const rows = await client.claim.findMany({
    where: {
      OR: [
        { entities: { some: { entityId: { in: [...entityIds] } } } },
        { evidence: { some: { speakerId: { in: [...entityIds] } } } },
        { entities: { some: { entity: { affiliationId: { in: [...entityIds] } } } } },
      ],
    },
    select: { id: true },
  });
  return rows.map((row) => row.id);
}
