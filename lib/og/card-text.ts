// The words of share cards and link previews. Pure: the card (lib/og/claim-card.tsx), the claim
// page's metadata and the tests use them alike.
import { STATUS_INFO } from "@/lib/claims/status";
import type { VerificationStatus } from "@/lib/generated/prisma/enums";

export type ClaimCardInput = { status: VerificationStatus; statement: string; independence: string; newsroom: string; host: string };

/** The status label a card's badge shows. */
export function badgeText(status: VerificationStatus): string {
  return `Status: ${STATUS_INFO[status].label}`;
}

/** `text` cut at a word to at most `max` characters, with an ellipsis when cut. */
export function clampAtWord(text: string, max: number): string {
  const whole = text.replace(/\s+/g, " ").trim();
  if (whole.length <= max) return whole;
  const cut = whole.slice(0, max - 1);
  const atWord = cut.lastIndexOf(" ") > max / 2 ? cut.slice(0, cut.lastIndexOf(" ")) : cut;
  return `${atWord.replace(/[\s,;:.]+$/, "")}…`;
}

/**
 * The statement at a size that fits the card: long statements get a smaller size and at most four
 * lines, the last ending in an ellipsis if it goes on (the page and the alt text carry it whole).
 * Very long ones are cut at a word first, so that layout never measures thousands of characters.
 */
export function cardStatement(statement: string): { text: string; fontSize: number; lines: number } {
  const text = statement.replace(/\s+/g, " ").trim();
  if (text.length <= 70) return { text, fontSize: 60, lines: 2 };
  if (text.length <= 120) return { text, fontSize: 50, lines: 3 };
  return { text: clampAtWord(text, 240), fontSize: 42, lines: 4 };
}

/** What link previews cut at about 70 characters: the status, then as much of the statement as fits. */
export const OG_TITLE_MAX = 70;

export function claimOgTitle(status: VerificationStatus, statement: string): string {
  return clampAtWord(`${STATUS_INFO[status].label}: ${statement}`, OG_TITLE_MAX);
}

/** The text alternative of a claim's card: everything it shows, the statement whole. */
export function cardAlt({ status, statement, independence, newsroom }: Omit<ClaimCardInput, "host">): string {
  const sentence = (text: string) => (/[.!?…"”»]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);
  return `${badgeText(status)}. ${sentence(statement)} ${sentence(independence)} ${sentence(newsroom)}`;
}

/** The site card's alt text. */
export function siteCardAlt(newsroom: string): string {
  return `Claimtrail: ${newsroom} tracks claims in the news, what the evidence says, and how its verdicts changed.`;
}
