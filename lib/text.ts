// Text the database can store (isomorphic: forms, pages, route handlers and the server share it).
//
// PostgreSQL refuses U+0000 in `text` (error 22021) and in `jsonb` (the edit history), and the
// UTF-8 encoder turns an unpaired UTF-16 surrogate into U+FFFD, so such a string would be stored
// as something other than what was sent, or refused halfway through a transaction. Every string
// from outside (form fields, URL parameters, search parameters) goes through `storableText`
// before anything reaches the database: one check, in one place.
import { z } from "zod";

export const UNSTORABLE_TEXT = "contains a character we cannot store";

/** True unless `value` holds U+0000 or an unpaired surrogate (String.prototype.isWellFormed). */
export function isStorableText(value: string): boolean {
  return !value.includes("\u0000") && value.isWellFormed();
}

/**
 * A string the database can store. `label` starts the messages ("The statement is required",
 * "The statement contains a character we cannot store"). The check aborts, so a field that holds
 * such a character gets that one message, not a second one about its length.
 */
export function storableText(label = "This field") {
  return z
    .string({ error: `${label} is required` })
    .refine(isStorableText, { error: `${label} ${UNSTORABLE_TEXT}`, abort: true });
}

/**
 * `value` as literal text inside a LIKE or ILIKE pattern, where "%" and "_" are wildcards and a
 * backslash escapes. Prisma's `contains` puts its value into such a pattern as is: searching
 * "100%" would find "100" followed by anything, and "_" would find everything.
 */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, "\\$&");
}

/** The first `max` UTF-16 units of `value`, without cutting a surrogate pair in half. */
export function truncateText(value: string, max: number): string {
  if (value.length <= max) return value;
  const code = value.charCodeAt(max - 1);
  // A high surrogate as the last unit kept would be left without its pair.
  return value.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}
