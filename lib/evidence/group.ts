// Groups a claim's evidence for display: by stance, with each republication listed under the
// report it copies rather than as a report of its own. Pure.
import type { Derivation, Stance } from "@/lib/generated/prisma/enums";
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
