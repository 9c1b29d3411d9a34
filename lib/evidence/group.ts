// Groups a claim's evidence for display: by stance, with each republication listed under the
// report it copies rather than as a report of its own; and the strongest item on each side. Pure.
import type { Derivation, Sourcing, Stance } from "@/lib/generated/prisma/enums";
import { STANCE_GROUPS } from "@/lib/evidence/stance";

type GroupableEvidence = { id: string; stance: Stance; derivation: Derivation | null; derivedFromId: string | null };

export type EvidenceWithCopies<E> = { item: E; copies: E[] };
export type EvidenceGroup<E> = { key: string; title: string; items: EvidenceWithCopies<E>[] };

/**
 * Returns the non-empty stance groups in display order. A republication whose original is in the
 * list is nested under it (following chains: a copy of a copy sits under the original); one whose
 * original is missing stays in its own stance group.
 */
export function groupEvidence<E extends GroupableEvidence>(evidence: readonly E[]): EvidenceGroup<E>[] {
  const byId = new Map(evidence.map((item) => [item.id, item]));
  const rootOf = (item: E): E => {
    const seen = new Set<string>();
    let current = item;
    while (current.derivation === "republishes" && current.derivedFromId && !seen.has(current.id)) {
      seen.add(current.id);
      const original = byId.get(current.derivedFromId);
      if (!original) break;
      current = original;
    }
    return current;
  };

  const entries = new Map<string, EvidenceWithCopies<E>>();
  for (const item of evidence) {
    const root = rootOf(item);
    if (root === item) entries.set(item.id, entries.get(item.id) ?? { item, copies: [] });
  }
  for (const item of evidence) {
    const root = rootOf(item);
    if (root !== item) entries.get(root.id)?.copies.push(item);
  }

  return STANCE_GROUPS.map((group) => ({
    key: group.key,
    title: group.title,
    items: [...entries.values()].filter(({ item }) => (group.stances as readonly Stance[]).includes(item.stance)),
  })).filter((group) => group.items.length > 0);
}

// ---------------------------------------------------------------------------------------------
// The summary at the top of a claim page: the strongest item for, against, and declining to
// comment, so that a denial is as visible as the report it answers.

type SummarisableEvidence = GroupableEvidence & { sourcing: Sourcing; publishedAt: Date | null };

export type SideKey = "for" | "against" | "no-comment";
export type EvidenceSide<E> = { key: SideKey; title: string; strongest: E; others: number };

// Which stance groups make up each side, in reading order. Context and retractions are not a side.
const SIDES: readonly { key: SideKey; title: string; groups: readonly (typeof STANCE_GROUPS)[number]["key"][] }[] = [
  { key: "for", title: "For", groups: ["reports", "confirmations"] },
  { key: "against", title: "Against", groups: ["against"] },
  { key: "no-comment", title: "No comment", groups: ["no-comment"] },
];

// A party confirming outweighs a report, a flat denial outweighs a dispute; a named, on-the-record
// source or a document outweighs an anonymous one. Ties go to the earliest (the first report).
const STANCE_WEIGHT: Partial<Record<Stance, number>> = { confirms: 2, reports: 1, denies: 2, disputes: 1 };
const SOURCING_WEIGHT: Record<Sourcing, number> = { on_record: 2, document: 2, anonymous: 1 };

function compareStrength(a: SummarisableEvidence, b: SummarisableEvidence): number {
  return (
    (STANCE_WEIGHT[b.stance] ?? 0) - (STANCE_WEIGHT[a.stance] ?? 0) ||
    SOURCING_WEIGHT[b.sourcing] - SOURCING_WEIGHT[a.sourcing] ||
    (a.publishedAt?.getTime() ?? Infinity) - (b.publishedAt?.getTime() ?? Infinity) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * The non-empty sides (for, against, no comment) with the strongest item of each and how many
 * more stand on that side. Republications are not items of their own (they sit under what they
 * copy, as in `groupEvidence`), so CBC running the Reuters wire never outranks or pads Reuters.
 */
export function summariseSides<E extends SummarisableEvidence>(evidence: readonly E[]): EvidenceSide<E>[] {
  const groups = groupEvidence(evidence);
  return SIDES.flatMap((side) => {
    const items = groups.filter((group) => (side.groups as readonly string[]).includes(group.key)).flatMap((group) => group.items.map(({ item }) => item));
    const [strongest] = [...items].sort(compareStrength);
    return strongest ? [{ key: side.key, title: side.title, strongest, others: items.length - 1 }] : [];
  });
}
