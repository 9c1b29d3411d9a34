// The difference between the text we archived and the text a link check found, word by word
// (jsdiff's diffWords), grouped into paragraphs for display as <ins>/<del>.
import { diffWordsWithSpace } from "diff";

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

export type TextDiff = { parts: DiffPart[]; added: number; removed: number };

const WORD = /\S+/g;

/** At most this many characters each side: a diff of two whole books is not for a desk page. */
const MAX_CHARS = 200_000;

export function diffTexts(before: string, after: string): TextDiff {
  const changes = diffWordsWithSpace(before.slice(0, MAX_CHARS), after.slice(0, MAX_CHARS));
  const parts: DiffPart[] = [];
  let added = 0;
  let removed = 0;
  for (const change of changes) {
    const kind = change.added ? "added" : change.removed ? "removed" : "same";
    const words = change.value.match(WORD)?.length ?? 0;
    if (kind === "added") added += words;
    if (kind === "removed") removed += words;
    const last = parts.at(-1);
    if (last && last.kind === kind) last.text += change.value;
    else parts.push({ kind, text: change.value });
  }
  return { parts, added, removed };
}
