// fast-check generators of hostile text, shared by the fuzz suites: the server actions and route
// handlers called as functions (tests/integration/fuzz-actions.test.ts) and HTTP fuzzing against a
// running server. Depends on fast-check only (no app module, nothing server-only), so that any
// test runner can import it.
import fc, { type Arbitrary } from "fast-check";

export { fc };

// ---------------------------------------------------------------------------------------------
// Run parameters: a fixed seed and a bounded number of runs by default, so a failure reproduces;
// FUZZ_RUNS=2000 FUZZ_SEED=… for a long run.

/** The seed used unless FUZZ_SEED says otherwise. */
export const DEFAULT_FUZZ_SEED = 20_261_126;

function envInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) throw new Error(`${name} must be a whole number, not ${JSON.stringify(raw)}`);
  return value;
}

/** fast-check parameters: `runs` by default (FUZZ_RUNS overrides), seed from FUZZ_SEED. */
export function fuzzParameters(runs: number): { seed: number; numRuns: number } {
  return { seed: envInteger("FUZZ_SEED", DEFAULT_FUZZ_SEED), numRuns: envInteger("FUZZ_RUNS", runs) };
}

/** True when PostgreSQL can store `value` as is (no U+0000, no unpaired surrogate). */
export function isStorable(value: string): boolean {
  return !value.includes("\u0000") && value.isWellFormed();
}

// ---------------------------------------------------------------------------------------------
// Fragments: each a small piece of one kind of trouble.

/** U+0000 alone or inside text; PostgreSQL refuses it in text and jsonb (error 22021). */
export const nul: Arbitrary<string> = fc.constantFrom("\u0000", "a\u0000b", "\u0000\u0000", "%00\u0000");

const highSurrogate = fc.integer({ min: 0xd800, max: 0xdbff }).map((code) => String.fromCharCode(code));
const lowSurrogate = fc.integer({ min: 0xdc00, max: 0xdfff }).map((code) => String.fromCharCode(code));

/**
 * An unpaired UTF-16 surrogate that stays unpaired wherever it is put: a high one followed by a
 * letter, a low one preceded by one, or the two in the wrong order between letters.
 */
export const loneSurrogate: Arbitrary<string> = fc.oneof(
  highSurrogate.map((high) => `${high}x`),
  lowSurrogate.map((low) => `x${low}`),
  fc.tuple(lowSurrogate, highSurrogate).map(([low, high]) => `x${low}${high}x`),
);

/** Bidirectional controls, zero-width characters, a BOM, a soft hyphen, combining marks. */
export const rtlAndZeroWidth: Arbitrary<string> = fc.constantFrom(
  "\u202e", // right-to-left override
  "\u202d",
  "\u202a",
  "\u202b",
  "\u202c",
  "\u200f", // right-to-left mark
  "\u200e",
  "\u2066",
  "\u2067",
  "\u2068",
  "\u2069",
  "\u061c", // Arabic letter mark
  "\u200b", // zero-width space
  "\u200c",
  "\u200d",
  "\u2060",
  "\ufeff",
  "\u00ad",
  "e\u0301\u0301\u0301",
  "\u202egnp.exe",
  "שלום",
  "مرحبا",
);

/** Other characters that break naive code: C0/C1 controls, line separators, non-characters. */
export const oddCharacters: Arbitrary<string> = fc.constantFrom(
  "\u0001",
  "\u0002",
  "\u0008",
  "\u000b",
  "\u001b[31m",
  "\u007f",
  "\u0085",
  "\u2028",
  "\u2029",
  "\ufffd",
  "\ufffe",
  "\uffff",
  "\r\n",
  "\t",
  "\u00a0",
  "\u3000",
  "𝕏", // outside the BMP: a surrogate pair
  "👩‍👩‍👧‍👦",
);

/** Percent signs that are not (valid) percent-encoding, and encodings of trouble. */
export const percentGarbage: Arbitrary<string> = fc.oneof(
  fc.constantFrom("%", "%%", "%0", "%zz", "%00", "%ED%A0%80", "%C0%AF", "%E2%80%AE", "%25", "%2500", "%u0000", "%FF%FE", "100%", "%_%"),
  fc
    .array(fc.oneof(fc.constant("%"), fc.string({ unit: fc.constantFrom(..."0123456789abcdefABCDEF"), maxLength: 3 }), fc.constantFrom("G", "-", "/", "?")), {
      minLength: 1,
      maxLength: 8,
    })
    .map((parts) => parts.join("")),
);

/** Full-text search syntax (to_tsquery's and websearch_to_tsquery's operators). */
export const tsquerySyntax: Arbitrary<string> = fc.oneof(
  fc.constantFrom("&", "|", "!", ":*", "(", ")", "<->", "<2>", "<0>", "!!", "&&", "||", "a:*", "a:A", "a:*B", "'", "''", "\\", '"', '"unclosed', "-", "--", "or", "OR", "-or", "( a | b ) & !c", "a <-> b", "!(", ":* & :*"),
  fc
    .array(fc.constantFrom("&", "|", "!", ":*", "(", ")", "<->", "<3>", "'", '"', "-", "or", "a", "b", " "), { minLength: 1, maxLength: 12 })
    .map((parts) => parts.join("")),
);

/** SQL that a string-built query would run. */
export const sqlPayload: Arbitrary<string> = fc.constantFrom(
  "'; DROP TABLE claims; --",
  "' OR '1'='1",
  '" OR 1=1 --',
  "1; SELECT pg_sleep(10)",
  "') UNION SELECT password FROM accounts --",
  "$$; DELETE FROM users; $$",
  "E'\\x00'",
  "\\x00",
  "%_",
  "\\%",
  "'::uuid",
  "$1",
  "/* */",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff' OR 1=1 --",
  "NULL",
  "null",
  "undefined",
  "true",
  "-1",
  "1e309",
  "9999999999",
  "0x10",
  "NaN",
);

/** Markup and template syntax that a careless renderer would run. */
export const htmlPayload: Arbitrary<string> = fc.constantFrom(
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">',
  '"><svg onload=alert(1)>',
  "javascript:alert(1)",
  "]]>",
  "<![CDATA[",
  "<!--",
  "&amp;",
  "&#0;",
  "&#x0;",
  "&nbsp;",
  "<?xml version='1.0'?>",
  "{{7*7}}",
  "${7*7}",
  "<b>",
  "</textarea>",
  "<mark>",
);

/** Ordinary newsroom text, in several scripts. */
export const ordinaryText: Arbitrary<string> = fc.oneof(
  fc.lorem({ maxCount: 8 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.constantFrom(
    "Trump spoke with Putin by phone",
    "Zelenskyy met the mayor",
    "The council cut the budget by a third",
    "ドローンが撃墜された",
    "Η κυβέρνηση παραιτήθηκε",
    "Правительство ушло в отставку",
    "Straße in Köln",
    "İstanbul",
    "O'Brien",
    "  padded  ",
    "",
    " ",
  ),
);

/** Any one kind of trouble. */
export const hostileFragment: Arbitrary<string> = fc.oneof(
  nul,
  loneSurrogate,
  rtlAndZeroWidth,
  oddCharacters,
  percentGarbage,
  tsquerySyntax,
  sqlPayload,
  htmlPayload,
);

/** Ordinary text with trouble mixed in, in any order. */
export const mixedText: Arbitrary<string> = fc
  .array(fc.oneof({ weight: 2, arbitrary: ordinaryText }, { weight: 1, arbitrary: hostileFragment }), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(" "));

/** About 100 KB: a repeated character with trouble at the start, the middle or the end. */
export const hugeString: Arbitrary<string> = fc
  .record({
    fill: fc.constantFrom("a", "ab ", "😀", " ", "&", "\u200b", "%", "-"),
    length: fc.integer({ min: 100_000, max: 110_000 }),
    insert: fc.oneof(fc.constant(""), hostileFragment),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ fill, length, insert, at }) => {
    const body = fill.repeat(Math.ceil(length / fill.length));
    const cut = Math.floor(body.length * at);
    return `${body.slice(0, cut)}${insert}${body.slice(cut)}`;
  });

/** Anything a client could send as one text value; hostile more often than not. */
export const hostileString: Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: mixedText },
  { weight: 3, arbitrary: hostileFragment },
  { weight: 2, arbitrary: ordinaryText },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: hugeString },
);

/** Text that PostgreSQL cannot store as is: U+0000 or an unpaired surrogate, somewhere in it. */
export const unstorableString: Arbitrary<string> = fc
  .record({
    before: fc.oneof(ordinaryText, fc.constant("")),
    bad: fc.oneof(nul, loneSurrogate),
    after: fc.oneof(ordinaryText, fc.constant("")),
  })
  // The letters around `bad` keep a lone surrogate from pairing with its neighbours.
  .map(({ before, bad, after }) => `${before}!${bad}!${after}`);

/** Hostile text that PostgreSQL can store: what must round-trip unchanged. */
export const storableHostileString: Arbitrary<string> = hostileString.filter(isStorable);

// ---------------------------------------------------------------------------------------------
// Server action arguments in React's reply encoding (see lib/http/action-reply.ts): JSON whose
// "$"-strings are references. A real browser's reply for `action(previousState, formData)` uses a
// few of them; these mix every tag React's decoder knows, with sensible and nonsense suffixes.

const REPLY_TAGS = "$@hHTQWKiIuNDnABbRrXxFYOoUSsLlGgMmVZE-0123456789abcdef".split("");
const replyString: Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...REPLY_TAGS), fc.constantFrom("", "0", "1", "2", "a", "zz", "-1", "0:a", "1:0", "ndefined", "nfinity", "aN", "2024-01-01", "12", "x".repeat(400))).map(([tag, rest]) => `$${tag}${rest}`) },
  { weight: 1, arbitrary: fc.constantFrom("$", "$undefined", "$NaN", "$Infinity", "$-Infinity", "$-0", "$K1", "$T", "$0", "$1", "$Q0", "$W0", "$@0") },
  { weight: 2, arbitrary: mixedText.map((text) => text.slice(0, 200)) },
);
const replyValue: Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    replyString,
    fc.oneof(fc.integer(), fc.boolean(), fc.constant(null)),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom("status", "values", "__proto__", "then", "$K1"), fc.string({ maxLength: 5 })), tie("value"), { maxKeys: 4 }),
  ),
})).value;

// Mostly a list, as the arguments of a call are.
const replyRoot: Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.array(replyValue, { maxLength: 3 }).map((value) => JSON.stringify(value)) },
  { weight: 1, arbitrary: replyValue.map((value) => JSON.stringify(value) ?? "null") },
);

/** A body React's decoder may be handed: a text reply, or the entries of a multipart one. */
export const hostileReply: Arbitrary<string | [string, string][]> = fc.oneof(
  replyRoot,
  fc.string({ maxLength: 30 }),
  fc
    .record({
      root: fc.oneof({ weight: 4, arbitrary: replyRoot }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) }),
      parts: fc.array(fc.tuple(fc.constantFrom("1", "2", "a", "_1_email", "1_email", "$ACTION_ID_x"), fc.oneof(replyValue.map((value) => JSON.stringify(value) ?? "null"), fc.string({ maxLength: 20 }))), { maxLength: 3 }),
      withRoot: fc.boolean(),
    })
    .map(({ root, parts, withRoot }) => (withRoot ? [["0", root] as [string, string], ...parts] : parts)),
);
