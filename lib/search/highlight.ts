// Search highlighting without trusting the database with HTML: ts_headline marks matches with two
// control characters that cannot occur in our text, and the page turns them into <mark> elements.
// Pure.
export const MARK_START = "\u0001";
export const MARK_END = "\u0002";

export type HighlightPart = { text: string; match: boolean };

export function splitHighlight(text: string): HighlightPart[] {
  const parts: HighlightPart[] = [];
  let rest = text;
  while (rest.length > 0) {
    const start = rest.indexOf(MARK_START);
    if (start === -1) {
      parts.push({ text: rest, match: false });
      break;
    }
    if (start > 0) parts.push({ text: rest.slice(0, start), match: false });
    const end = rest.indexOf(MARK_END, start + 1);
    const stop = end === -1 ? rest.length : end;
    parts.push({ text: rest.slice(start + 1, stop), match: true });
    rest = end === -1 ? "" : rest.slice(end + 1);
  }
  return parts.filter((part) => part.text.length > 0);
}

export function hasHighlight(text: string | null | undefined): boolean {
  return Boolean(text?.includes(MARK_START));
}

/** Marks the query's words in `text` (for fuzzy matches, which ts_headline cannot mark). */
export function markWords(text: string, query: string): string {
  const words = [...new Set(query.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? [])];
  if (words.length === 0) return text;
  const pattern = new RegExp(`(${words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})`, "giu");
  return text.replace(pattern, `${MARK_START}$1${MARK_END}`);
}
