import "server-only";
import type { ChangeActor } from "@/lib/auth/permissions";
import { canVerify, checkMove, STATUS_INFO } from "@/lib/claims/status";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import type { VerificationStatus } from "@/lib/generated/prisma/enums";
import { refreshReviewState } from "@/lib/review/mutations";
import { suggestionKey } from "@/lib/review/suggestions";
import type { DismissSuggestionInput, StatusMoveInput } from "@/lib/verification/schema";
import { recordWebhookEvent } from "@/lib/webhooks/outbox";

/**
 * Moves a claim's verification status, in one transaction: lock the claim row, make sure its status
 * is still the one the fact-checker saw, check the move against the transition table, then update
 * the claim and append the transition with its cited evidence. The database checks the chain again.
 */
export async function transitionClaimStatus(actor: ChangeActor, input: StatusMoveInput): Promise<{ slug: string; sequence: number }> {
  if (!canVerify(actor.role)) throw new ForbiddenError("Your role does not allow this: only fact-checkers change a claim's verification status.");
  return db().$transaction(async (tx) => {
    const [claim] = await tx.$queryRaw<{ slug: string; status: VerificationStatus }[]>`
      SELECT slug, status FROM claims WHERE id = ${input.claimId}::uuid FOR UPDATE`;
    if (!claim) throw new NotFoundError("This claim no longer exists.");
    if (claim.status !== input.fromStatus) {
      throw new ConflictError(
        `Someone moved this claim to ${STATUS_INFO[claim.status].label.toLowerCase()} while you were deciding. Review its new state before moving it; your rationale is kept below.`,
      );
    }

    const citedIds = [...new Set(input.citedEvidenceIds)];
    const cited = await tx.evidence.findMany({
      where: { id: { in: citedIds }, claimId: input.claimId, removedAt: null },
      select: { id: true, stance: true },
    });
    if (cited.length !== citedIds.length) {
      throw new InvalidInputError("Cite only this claim's own, current evidence.", "citedEvidenceIds");
    }
    const check = checkMove({
      role: actor.role,
      from: claim.status,
      to: input.toStatus,
      rationale: input.rationale,
      citedStances: cited.map((item) => item.stance),
    });
    if (!check.ok) throw new InvalidInputError(check.message, check.field);

    const latest = await tx.statusTransition.findFirst({
      where: { claimId: input.claimId },
      orderBy: { sequence: "desc" },
      select: { sequence: true },
    });
    const sequence = (latest?.sequence ?? 0) + 1;
    const transition = await tx.statusTransition.create({
      data: {
        claimId: input.claimId,
        sequence,
        fromStatus: claim.status,
        toStatus: input.toStatus,
        actorId: actor.id,
        actorRole: actor.role,
        rationale: input.rationale,
      },
      select: { id: true },
    });
    await tx.transitionEvidence.createMany({ data: citedIds.map((evidenceId) => ({ transitionId: transition.id, evidenceId })) });
    await tx.claim.update({ where: { id: input.claimId }, data: { status: input.toStatus, version: { increment: 1 } } });
    await refreshReviewState(tx, [input.claimId]);
    await recordWebhookEvent(tx, { type: "claim.status_changed", claimId: input.claimId, fromStatus: claim.status, toStatus: input.toStatus, rationale: input.rationale });
    return { slug: claim.slug, sequence };
  });
}

/** Records that a fact-checker set a suggestion aside; it stays away until the evidence changes. */
export async function dismissSuggestion(actor: ChangeActor, input: DismissSuggestionInput): Promise<void> {
  if (!canVerify(actor.role)) throw new ForbiddenError("Your role does not allow this: only fact-checkers work the review queue.");
  const claim = await db().claim.findUnique({ where: { id: input.claimId }, select: { id: true } });
  if (!claim) throw new NotFoundError("This claim no longer exists.");
  await db().$transaction(async (tx) => {
    await tx.suggestionDismissal.upsert({
      where: {
        claimId_suggestedStatus_evidenceKey: {
          claimId: input.claimId,
          suggestedStatus: input.suggestedStatus,
          evidenceKey: suggestionKey(input.evidenceIds),
        },
      },
      update: {},
      create: {
        claimId: input.claimId,
        suggestedStatus: input.suggestedStatus,
        evidenceKey: suggestionKey(input.evidenceIds),
        dismissedById: actor.id,
      },
    });
    await refreshReviewState(tx, [input.claimId]);
  });
}
