// Zod schemas for claims, shared by the desk's forms and the server (isomorphic).
import { z } from "zod";
import { checkbox, commaList, stringList, text, uuid, versionField } from "@/lib/forms";

export const DATE_PRECISIONS = ["day", "approximate", "month", "year"] as const;

const TAG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const ClaimFieldsSchema = z.object({
  statement: text("The statement", { min: 1, max: 500 }),
  context: z.string().trim().max(4_000, { error: "The context must be at most 4,000 characters" }).default(""),
  eventDate: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.iso.date({ error: "Enter the date as YYYY-MM-DD" }).optional(),
  ),
  eventDatePrecision: z.enum(DATE_PRECISIONS, { error: "Choose how precise the date is" }).default("day"),
  tags: commaList("tag", { maxItems: 12, maxLength: 40 }).pipe(
    z.array(z.string().toLowerCase().regex(TAG, { error: "Tags use lower-case letters, digits and hyphens, such as ukraine-war" })),
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
