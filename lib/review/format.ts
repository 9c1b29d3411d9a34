// How the review queue words a claim's wait and its newest evidence, in one line each. Pure.
import type { Stance } from "@/lib/generated/prisma/enums";
import { STANCE_LABEL } from "@/lib/evidence/stance";

const DAY = 24 * 60 * 60 * 1000;

/** "today", "yesterday", "3 days ago": the queue needs the size of a wait, not a timestamp. */
export function daysAgo(date: Date, now: Date): string {
  const days = Math.floor((now.getTime() - date.getTime()) / DAY);
  if (days <= 0) return "today";
  if (days === 1) return "yesterday";
  return `${days} days ago`;
}

/**
 * A claim that was only ever logged says so: "last moved" would claim a review that never happened.
 */
export function describeWait(claim: { createdAt: Date; lastMovedAt: Date | null }, now: Date): string {
  return claim.lastMovedAt ? `last moved ${daysAgo(claim.lastMovedAt, now)}` : `logged ${daysAgo(claim.createdAt, now)}, never reviewed`;
}

export type SnippetEvidence = {
  stance: Stance;
  headline: string;
  quote: string;
  speakerDescription: string | null;
  outlet: { name: string } | null;
  speaker: { name: string } | null;
};

export const SNIPPET_LENGTH = 120;

/** Cuts at a word boundary where one is near, and says it did. */
export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Who, which way, and what they said (or the headline), e.g.
 * `Dmitry Peskov (Reuters) · Denies it · “No such conversation took place…”`.
 */
export function evidenceSnippet(evidence: SnippetEvidence): { who: string; stance: string; text: string } {
  const speaker = evidence.speaker?.name ?? evidence.speakerDescription ?? null;
  const outlet = evidence.outlet?.name ?? null;
  const who = speaker && outlet ? `${speaker} (${outlet})` : (speaker ?? outlet ?? "Unattributed");
  const text = evidence.quote.trim() ? `“${truncate(evidence.quote, SNIPPET_LENGTH)}”` : truncate(evidence.headline, SNIPPET_LENGTH);
  return { who, stance: STANCE_LABEL[evidence.stance], text };
}
