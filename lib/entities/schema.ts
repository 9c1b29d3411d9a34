// Zod schemas for people and organisations (isomorphic).
import { z } from "zod";
import { text, uuid } from "@/lib/forms";
import { storableText } from "@/lib/text";

const EntityFieldsSchema = z.object({
  kind: z.enum(["person", "organisation"], { error: "Choose person or organisation" }),
  name: text("The name", { min: 1, max: 200 }),
  description: storableText("The description").trim().max(300, { error: "Keep the description under 300 characters" }).default(""),
  affiliationId: z.preprocess((value) => (value === "" ? undefined : value), uuid("affiliation").optional()),
  domain: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    storableText("The domain")
      .trim()
      .toLowerCase()
      .transform((value) => value.replace(/^https?:\/\//, "").replace(/^www\./, "").replace(/\/.*$/, ""))
      .pipe(z.string().regex(/^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/, { error: "Enter a domain such as reuters.com" }))
      .optional(),
  ),
});

export const EntityCreateSchema = EntityFieldsSchema;
export const EntityUpdateSchema = EntityFieldsSchema.extend({
  id: uuid("entity"),
  /** The entity's last update time when the form was loaded (optimistic concurrency). */
  loadedAt: z.iso.datetime({ error: "The form is missing its version; reload the page" }),
});
export const EntityMergeSchema = z
  .object({ sourceId: uuid("duplicate"), targetId: uuid("entity to keep") })
  .refine((value) => value.sourceId !== value.targetId, { path: ["targetId"], error: "Choose a different entity to keep" });

export type EntityCreateInput = z.infer<typeof EntityCreateSchema>;
export type EntityUpdateInput = z.infer<typeof EntityUpdateSchema>;
export type EntityMergeInput = z.infer<typeof EntityMergeSchema>;
