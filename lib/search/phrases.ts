// Which quoted phrases a websearch_to_tsquery query certainly requires, so that the search can add
// their adjacent word pairs to what the index looks for (prisma/migrations/*_search_phrase_pairs).
// Pure. Conservative by design: a phrase left out only costs speed, while a phrase wrongly taken
// as required would hide claims that match. So a query with "or" anywhere, an odd number of
// quotes, a phrase after a minus sign ("-" or "- " both negate), a phrase glued to the word
// before it, or one with anything but letters, digits and spaces gives none.

const OR = /(^|[^\p{L}\p{N}])or([^\p{L}\p{N}]|$)/iu;
const PLAIN = /^[\p{L}\p{N} ]+$/u;

export function requiredPhrases(text: string): string[] {
  if (OR.test(text)) return [];
  const parts = text.split('"');
  if (parts.length % 2 === 0) return [];
  const phrases: string[] = [];
  for (let index = 1; index < parts.length; index += 2) {
    const before = parts[index - 1]!;
    const phrase = parts[index]!;
    const opensCleanly = index === 1 ? before === "" || / $/.test(before) : / $/.test(before);
    if (!opensCleanly || before.trimEnd().endsWith("-") || !PLAIN.test(phrase)) continue;
    if (phrase.trim().includes(" ")) phrases.push(phrase.trim());
  }
  return phrases;
}
