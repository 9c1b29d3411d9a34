// Checks a server action's arguments before Next.js decodes them. The browser sends them in
// React's reply encoding: JSON whose strings starting with "$" are references ("$K1" is the form,
// "$undefined" is undefined, "$1" is another part of the body). Next hands the body to React's
// decoder, which throws on a part that is not JSON, on a reference to a part that is not there,
// and on tags such as Map, Blob or stream references given nonsense, and every such throw becomes
// a 500. Claimtrail's actions take a form and the previous form state, so the reply of a real
// browser uses few tags; anything else is refused here with a 400.

/** What a browser sends for `action(previousState, formData)`; each tag is `$` + this letter. */
const ALLOWED_TAGS = new Set([
  "$", // an escaped string that starts with "$"
  "K", // a FormData
  "u", // undefined
  "I", // Infinity
  "-", // -Infinity, -0
  "N", // NaN
  "D", // a Date (an unparseable one decodes as Invalid Date)
  "T", // a temporary reference: opaque on the server
]);
const REFERENCE = /^\$([0-9a-f]+)(?::|$)/;
const BIGINT = /^\$n-?\d{1,300}$/;
/** Deeper than any form state; React's decoder recurses, so a deep body must not reach it. */
const MAX_DEPTH = 32;

type Parts = { root: string; part: (id: string) => string | undefined };

/** Whether React's decoder can read this reply without throwing, into a list of arguments. */
export function isDecodableReply({ root, part }: Parts): boolean {
  const pending: string[] = [];
  const seen = new Set<string>(["0"]);
  const values: { value: unknown; depth: number }[] = [];
  const parse = (text: string) => {
    try {
      values.push({ value: JSON.parse(text) as unknown, depth: 0 });
      return true;
    } catch {
      return false;
    }
  };
  if (!parse(root)) return false;
  // The root is the list of arguments Next spreads into the action.
  if (!Array.isArray(values[0]?.value)) return false;
  for (;;) {
    const next = values.pop();
    if (!next) {
      const id = pending.pop();
      if (id === undefined) return true;
      const text = part(id);
      if (text === undefined || !parse(text)) return false;
      continue;
    }
    const { value, depth } = next;
    if (typeof value === "string") {
      if (!value.startsWith("$")) continue;
      const reference = REFERENCE.exec(value);
      if (reference) {
        const id = String(parseInt(reference[1]!, 16));
        if (!seen.has(id)) {
          seen.add(id);
          pending.push(id);
        }
      } else if (!(ALLOWED_TAGS.has(value[1] ?? "") || BIGINT.test(value))) {
        return false;
      }
      continue;
    }
    if (typeof value !== "object" || value === null) continue;
    if (depth >= MAX_DEPTH) return false;
    for (const child of Object.values(value)) values.push({ value: child, depth: depth + 1 });
  }
}

/**
 * The reply inside a request body: the "0" field (and the numbered parts) of a multipart body, or
 * the whole of a text body. Null when a multipart body has no root.
 */
export function replyParts(body: FormData | string): Parts | null {
  if (typeof body === "string") return { root: body, part: () => undefined };
  const root = body.get("0");
  if (typeof root !== "string") return null;
  return {
    root,
    part: (id) => {
      const value = body.get(id);
      return typeof value === "string" ? value : undefined;
    },
  };
}
