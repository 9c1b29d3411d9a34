// Zod schemas for people and organisations (isomorphic).
import { z } from "zod";
import { checkbox, text, uuid } from "@/lib/forms";
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

export const EntityCreateSchema = EntityFieldsSchema.extend({
  /** Set once the editor has seen the entity the name looks like and still wants a new one. */
  confirmNotDuplicate: checkbox.default(false),
});
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

/** What a desk picker searches: any entity, people, organisations, or outlets (organisations). */
export const ENTITY_SEARCH_KINDS = ["any", "person", "organisation", "outlet"] as const;
export type EntitySearchKind = (typeof ENTITY_SEARCH_KINDS)[number];

/**
 * The query of GET /api/desk/entities. Anything unusable (a kind we do not know, a query with a
 * character we cannot store, a very long one) is an empty answer, not an error: it is typed live.
 */
export const EntitySearchSchema = z.object({
  q: storableText("The search").trim().min(1).max(200),
  kind: z.enum(ENTITY_SEARCH_KINDS).default("any"),
});

/**
 * How alike two names must be (pg_trgm's similarity, 0 to 1) for a new entity to be taken for a
 * possible duplicate of an existing one: "Dmitri Peskov" and "Dmitry Peskov" score 0.75,
 * "Vladimir Putin" and "Vladimir Zelensky" 0.38.
 */
export const LOOKALIKE_THRESHOLD = 0.5;

/** An entity as a picker shows it. */
export type EntityOption = {
  id: string;
  kind: "person" | "organisation";
  name: string;
  description: string;
  domain: string | null;
  /** pg_trgm similarity of the name to what was typed (search results only). */
  similarity?: number;
};

/** "Dmitry Peskov — Kremlin spokesman", "Reuters (reuters.com)": how a picker names an entity. */
export function entityLabel(entity: Pick<EntityOption, "name" | "description" | "domain">): string {
  return `${entity.name}${entity.description ? ` — ${entity.description}` : ""}${entity.domain ? ` (${entity.domain})` : ""}`;
}
