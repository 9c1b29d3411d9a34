// Zod schemas for claims, shared by the desk's forms and the server (isomorphic).
import { z } from "zod";
import { checkbox, commaList, fromYearOne, repeated, stringList, text, uuid, versionField } from "@/lib/forms";
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
  /** People and organisations to create on the fly, comma-separated (names only). */
  newPeople: commaList("name", { maxItems: 10, maxLength: 200 }),
  newOrganisations: commaList("name", { maxItems: 10, maxLength: 200 }),
  /**
   * People and organisations created in the claim form's picker, one entry per new entity in each
   * of these four repeated fields (in the same order; an empty description or affiliation is sent
   * as ""). Zipped by `newEntitiesOf` (lib/claims/mutations.ts).
   */
  newEntityName: repeated(text("A new name", { min: 1, max: 200 })).pipe(z.array(z.string()).max(10, { error: "At most 10 new people and organisations" })),
  newEntityKind: repeated(z.enum(["person", "organisation"], { error: "Choose person or organisation" })),
  newEntityDescription: repeated(storableText("A new description").trim().max(300, { error: "Keep each description under 300 characters" })),
  newEntityAffiliationId: repeated(z.union([z.literal(""), uuid("affiliation")])),
  /** Set once the editor has seen the entities the new names look like and still wants new ones. */
  confirmNewEntities: checkbox.default(false),
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
