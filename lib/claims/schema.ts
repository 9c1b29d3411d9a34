// Zod schemas for claims, shared by the desk's forms and the server (isomorphic).
import { z } from "zod";
import { checkbox, commaList, fromYearOne, stringList, text, uuid, versionField } from "@/lib/forms";
import { storableText } from "@/lib/text";

export const DATE_PRECISIONS = ["day", "approximate", "month", "year"] as const;

// Lower-case words joined by hyphens: tags ("ukraine-war") and slugs (the claims_slug_format check).
const KEBAB_CASE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * A claim's public address as it arrives in a URL (/claims/<slug>). Slugs are made by slugify and
 * the database holds them to this format (claims_slug_format), so anything else cannot exist:
 * pages answer 404 without asking the database.
 */
export const ClaimSlugSchema = storableText("The address").max(100).regex(KEBAB_CASE);

const ClaimFieldsSchema = z.object({
  statement: text("The statement", { min: 1, max: 500 }),
  context: storableText("The context").trim().max(4_000, { error: "The context must be at most 4,000 characters" }).default(""),
  eventDate: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.iso.date({ error: "Enter the date as YYYY-MM-DD" }).refine(fromYearOne, { error: "Enter a year from 1 onwards" }).optional(),
  ),
  eventDatePrecision: z.enum(DATE_PRECISIONS, { error: "Choose how precise the date is" }).default("day"),
  // Lower-cased, then each kept once: "Budget, budget" is one tag.
  tags: commaList("tag", { maxItems: 12, maxLength: 40 }).pipe(
    z
      .array(z.string().toLowerCase().regex(KEBAB_CASE, { error: "Tags use lower-case letters, digits and hyphens, such as ukraine-war" }))
      .transform((tags) => [...new Set(tags)]),
  ),
  entityIds: stringList(uuid("person or organisation")).pipe(z.array(z.string()).max(30)),
  /** People and organisations to create on the fly, comma-separated. */
  newPeople: commaList("name", { maxItems: 10, maxLength: 200 }),
  newOrganisations: commaList("name", { maxItems: 10, maxLength: 200 }),
});

export const ClaimCreateSchema = ClaimFieldsSchema.extend({
  /** Set once the editor has seen the similar claims and still wants a new one. */
  confirmNotDuplicate: checkbox.default(false),
});

export const ClaimUpdateSchema = ClaimFieldsSchema.extend({
  id: uuid("claim"),
  version: versionField,
});

export const ClaimPublicationSchema = z.object({
  id: uuid("claim"),
  version: versionField,
  publish: z.enum(["publish", "unpublish"]),
});

export type ClaimCreateInput = z.infer<typeof ClaimCreateSchema>;
export type ClaimUpdateInput = z.infer<typeof ClaimUpdateSchema>;
export type ClaimPublicationInput = z.infer<typeof ClaimPublicationSchema>;
