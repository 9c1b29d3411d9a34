// Moves the evidence suggests to a fact-checker, who confirms or dismisses them. Pure.
import { findMove } from "@/lib/claims/status";
import { type IndependenceEvidence, rootOf, summariseIndependence } from "@/lib/evidence/independence";
import type { VerificationStatus } from "@/lib/generated/prisma/enums";

export type SuggestionEvidence = IndependenceEvidence & {
  publishedAt: Date | null;
  outletId: string | null;
  speaker: { id: string; name: string; description: string; affiliationId: string | null } | null;
};

export type SuggestionClaim = {
  status: VerificationStatus;
  /** The people and organisations the claim is about, with their affiliations. */
  entities: { id: string; affiliationId: string | null }[];
};

export type Suggestion = {
  to: VerificationStatus;
  reason: string;
  /** The evidence the suggestion rests on (and that confirming it would cite). */
  evidenceIds: string[];
};

/** A stable key for "this suggestion, on this evidence", so a dismissal sticks until new evidence. */
export function suggestionKey(evidenceIds: readonly string[]): string {
  return [...evidenceIds].sort().join(",");
}

/**
 * A speaker is a party to the claim when they are named in it, work for someone or something named
 * in it (Peskov for the Kremlin), or share an affiliation with someone named (Peskov and Putin,
 * both of the Kremlin).
 */
function isParty(speaker: NonNullable<SuggestionEvidence["speaker"]>, claim: SuggestionClaim): boolean {
  const ids = new Set(claim.entities.map((entity) => entity.id));
  const affiliations = new Set(claim.entities.map((entity) => entity.affiliationId).filter(Boolean));
  return ids.has(speaker.id) || (speaker.affiliationId !== null && (ids.has(speaker.affiliationId) || affiliations.has(speaker.affiliationId)));
}

export function suggestMoves(claim: SuggestionClaim, evidence: readonly SuggestionEvidence[]): Suggestion[] {
  const suggestions: Suggestion[] = [];
  const byId = new Map(evidence.map((item) => [item.id, item]));

  const partyDenials = evidence.filter((item) => item.stance === "denies" && item.sourcing === "on_record" && item.speaker && isParty(item.speaker, claim));
  if (partyDenials.length > 0 && claim.status !== "disputed" && claim.status !== "false") {
    const first = partyDenials[0]!.speaker!;
    suggestions.push({
      to: "disputed",
      reason: `On-the-record denial by ${first.name}${first.description ? ` (${first.description})` : ""}, a party to the claim`,
      evidenceIds: partyDenials.map((item) => item.id),
    });
  }

  const supporting = summariseIndependence(evidence).supporting;
  if (claim.status === "unverified" && supporting.origins >= 2) {
    suggestions.push({
      to: "corroborated",
      reason: `${supporting.origins} independent reports`,
      evidenceIds: supporting.evidenceIds,
    });
  }

  // The originating outlet is the one that published the earliest independent report.
  const originals = evidence
    .filter((item) => item.stance === "reports" && rootOf(item, byId) === item && item.outletId)
    .sort((a, b) => (a.publishedAt?.getTime() ?? Infinity) - (b.publishedAt?.getTime() ?? Infinity));
  const originatingOutlet = originals[0]?.outletId;
  const retractions = evidence.filter((item) => item.stance === "retracts" && originatingOutlet && item.outletId === originatingOutlet);
  if (retractions.length > 0 && claim.status !== "retracted") {
    suggestions.push({ to: "retracted", reason: "The outlet that first reported it has retracted its report", evidenceIds: retractions.map((item) => item.id) });
  }

  return suggestions.filter((suggestion) => findMove(claim.status, suggestion.to));
}

/** The suggestions a fact-checker has not set aside for the same evidence. */
export function pendingSuggestions(
  claim: SuggestionClaim,
  evidence: readonly SuggestionEvidence[],
  dismissals: readonly { suggestedStatus: VerificationStatus; evidenceKey: string }[],
): Suggestion[] {
  const dismissed = new Set(dismissals.map((row) => `${row.suggestedStatus}|${row.evidenceKey}`));
  return suggestMoves(claim, evidence).filter((suggestion) => !dismissed.has(`${suggestion.to}|${suggestionKey(suggestion.evidenceIds)}`));
}

export type ReviewState = {
  reviewRank: number | null;
  reviewSuggestions: number;
  reviewNewEvidence: number;
  lastMovedAt: Date | null;
  reviewWaitingSince: Date;
};

/**
 * Where a claim stands in the review queue. Rank 0 (a suggested move) comes before 1 (evidence
 * linked since the latest transition), before 2 (unverified, nothing new); null keeps it out.
 * `transitions` are the claim's history, any order; the first (sequence 1) is the logging, not a move.
 */
export function reviewStateOf(input: {
  status: VerificationStatus;
  createdAt: Date;
  suggestions: number;
  evidenceLinkedAt: readonly Date[];
  transitions: readonly { sequence: number; createdAt: Date }[];
}): ReviewState {
  const latest = Math.max(input.createdAt.getTime(), ...input.transitions.map((row) => row.createdAt.getTime()));
  const moves = input.transitions.filter((row) => row.sequence > 1).map((row) => row.createdAt.getTime());
  const lastMovedAt = moves.length > 0 ? new Date(Math.max(...moves)) : null;
  const reviewNewEvidence = input.evidenceLinkedAt.filter((linkedAt) => linkedAt.getTime() > latest).length;
  const reviewRank = input.suggestions > 0 ? 0 : reviewNewEvidence > 0 ? 1 : input.status === "unverified" ? 2 : null;
  return { reviewRank, reviewSuggestions: input.suggestions, reviewNewEvidence, lastMovedAt, reviewWaitingSince: lastMovedAt ?? input.createdAt };
}
