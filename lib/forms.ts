// Zod helpers for HTML form values (isomorphic). Every free-text field is built on storableText
// (lib/text.ts), so no form can send the database a character it cannot store.
import { z } from "zod";
import { storableText } from "@/lib/text";

/** A text input: trimmed, with a length limit and a readable message. */
export function text(label: string, { min = 0, max }: { min?: number; max: number }) {
  const base = storableText(label).trim();
  return (min > 0 ? base.min(min, { error: `${label} is required` }) : base).max(max, {
    error: `${label} must be at most ${max} characters`,
  });
}

/** An optional text input: empty means undefined. */
export function optionalText(label: string, max: number) {
  return z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    text(label, { max }).optional(),
  );
}

/** A field that may be sent zero, one or many times (checkboxes, multi-selects). */
export function stringList<T extends z.ZodType<string>>(item: T) {
  return z.preprocess(
    (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value.filter((entry) => entry !== "") : [value]),
    z.array(item),
  );
}

/** A field sent once per entry of a list, empty entries kept (so that parallel fields stay aligned). */
export function repeated<T extends z.ZodType>(item: T) {
  return z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(item));
}

/** A comma-separated list typed into one input: "russia, ukraine-war". */
export function commaList(label: string, { maxItems, maxLength }: { maxItems: number; maxLength: number }) {
  return z.preprocess(
    (value) =>
      typeof value === "string"
        ? [...new Set(value.split(",").map((entry) => entry.trim()).filter(Boolean))]
        : value === undefined
          ? []
          : value,
    z
      .array(storableText(`A ${label}`).max(maxLength, { error: `Each ${label} must be at most ${maxLength} characters` }))
      .max(maxItems, { error: `At most ${maxItems} ${label}s` }),
  );
}

/**
 * For ISO dates and times ("YYYY-MM-DD…"): PostgreSQL has no year 0 (1 BC comes just before AD 1)
 * and refuses "0000-…" with an error, so a form takes years 1 to 9999.
 */
export const fromYearOne = (value: string) => !value.startsWith("0000");

export const uuid = (label: string) => z.uuid({ error: `Choose a valid ${label}` });

/** The version a form was loaded from (optimistic concurrency). */
export const versionField = z.coerce.number({ error: "The form is missing its version; reload the page" }).int().min(1);

export const checkbox = z.preprocess((value) => value === "on" || value === "true", z.boolean());
