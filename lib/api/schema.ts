// The partner API's JSON shapes, defined once (docs/api.md). The route handlers build every answer
// through these schemas (`.parse` before sending), the query strings are parsed by them, and
// lib/api/openapi.ts generates the OpenAPI 3.1 document from them (zod-openapi reads `.meta`).
// Isomorphic: no server imports, so tests can validate live answers against the same shapes.
import { z } from "zod";
import { DATE_PRECISIONS } from "@/lib/claims/schema";
import { DERIVATIONS, SOURCINGS, STANCES } from "@/lib/evidence/schema";
import { storableText } from "@/lib/text";

export const API_PREFIX = "/api/v1";
export const API_PAGE_SIZE = 20;
export const API_PAGE_MAX = 100;

export const VERIFICATION_STATUSES = ["unverified", "corroborated", "disputed", "confirmed", "false", "retracted"] as const;
export const ENTITY_KINDS = ["person", "organisation"] as const;
export const TOKEN_SCOPES = ["read", "editor", "fact-checker"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

const timestamp = z.iso.datetime().meta({ description: "An instant, ISO 8601 in UTC.", example: "2026-03-01T12:00:00.000Z" });
const id = z.uuid().meta({ description: "A UUID." });

export const VerificationStatusSchema = z.enum(VERIFICATION_STATUSES).meta({
  id: "VerificationStatus",
  description: "Where the claim stands (docs/verification.md).",
});

export const EntityRefSchema = z
  .object({
    id,
    name: z.string(),
    kind: z.enum(ENTITY_KINDS),
    description: z.string(),
  })
  .meta({ id: "EntityRef", description: "A person or organisation a claim or evidence names." });

export const StatusChangeSchema = z
  .object({
    from: VerificationStatusSchema.nullable(),
    to: VerificationStatusSchema,
    at: timestamp,
  })
  .meta({ id: "StatusChange" });

export const ClaimSummarySchema = z
  .object({
    id,
    slug: z.string(),
    url: z.url().meta({ description: "The claim's public page." }),
    statement: z.string(),
    status: VerificationStatusSchema,
    tags: z.array(z.string()),
    publishedAt: timestamp.nullable(),
    updatedAt: timestamp,
    evidenceCount: z.int().min(0),
    lastStatusChange: StatusChangeSchema.nullable(),
  })
  .meta({ id: "ClaimSummary", description: "A published claim as lists show it." });

export const ClaimListSchema = z
  .object({
    data: z.array(ClaimSummarySchema),
    nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page." }),
  })
  .meta({ id: "ClaimList" });

const SideSchema = z.object({
  origins: z.int().min(0).meta({ description: "Independent origins on this side." }),
  anonymous: z.int().min(0),
  onRecord: z.int().min(0),
  documents: z.int().min(0),
  evidenceIds: z.array(id),
});

export const IndependenceSchema = z
  .object({
    summary: z.string().meta({ description: "The independence line the claim page shows." }),
    supporting: SideSchema,
    against: SideSchema,
    declinedToComment: z.int().min(0),
    derivative: z.int().min(0).meta({ description: "Pieces that copy or cite another piece." }),
  })
  .meta({ id: "Independence" });

export const EvidenceSchema = z
  .object({
    id,
    url: z.string(),
    headline: z.string(),
    publishedAt: timestamp.nullable(),
    stance: z.enum(STANCES),
    sourcing: z.enum(SOURCINGS),
    quote: z.string(),
    outlet: z.object({ id, name: z.string(), domain: z.string().nullable() }).nullable(),
    speaker: EntityRefSchema.nullable(),
    speakerDescription: z.string().nullable().meta({ description: "How an unnamed source is described." }),
    derivedFromId: id.nullable(),
    derivation: z.enum(DERIVATIONS).nullable(),
  })
  .meta({ id: "Evidence" });

export const HistoryEntrySchema = z
  .object({
    sequence: z.int().min(1),
    from: VerificationStatusSchema.nullable(),
    to: VerificationStatusSchema,
    rationale: z.string(),
    citedEvidenceIds: z.array(id),
    at: timestamp,
  })
  .meta({ id: "HistoryEntry", description: "One status move, as the public page shows it (no names, no roles)." });

export const ClaimSchema = z
  .object({
    id,
    slug: z.string(),
    url: z.url(),
    statement: z.string(),
    context: z.string(),
    eventDate: z.iso.date().nullable(),
    eventDatePrecision: z.enum(DATE_PRECISIONS),
    tags: z.array(z.string()),
    status: VerificationStatusSchema,
    publishedAt: timestamp.nullable(),
    updatedAt: timestamp,
    entities: z.array(EntityRefSchema),
    evidence: z.array(EvidenceSchema),
    independence: IndependenceSchema,
    history: z.array(HistoryEntrySchema).meta({ description: "Newest first." }),
  })
  .meta({ id: "Claim", description: "A published claim with its live evidence and status history." });

export const SearchHitSchema = z
  .object({
    slug: z.string(),
    url: z.url(),
    statement: z.string(),
    status: VerificationStatusSchema,
    updatedAt: timestamp,
    excerpt: z.string().nullable().meta({ description: "The context or quote passage that matched, if any." }),
    fuzzy: z.boolean().meta({ description: "Found by a near spelling rather than the words themselves." }),
  })
  .meta({ id: "SearchHit" });

export const SearchResultSchema = z.object({ data: z.array(SearchHitSchema), nextCursor: z.string().nullable() }).meta({ id: "SearchResult" });

export const EntitySummarySchema = z
  .object({
    id,
    name: z.string(),
    kind: z.enum(ENTITY_KINDS),
    description: z.string(),
    domain: z.string().nullable().meta({ description: "For outlets: the domain their articles are on." }),
    url: z.url().meta({ description: "The entity's public page." }),
  })
  .meta({ id: "EntitySummary" });

export const EntityListSchema = z.object({ data: z.array(EntitySummarySchema), nextCursor: z.string().nullable() }).meta({ id: "EntityList" });

const EntityEvidenceSchema = z.object({
  id,
  headline: z.string(),
  url: z.string(),
  stance: z.enum(STANCES),
  sourcing: z.enum(SOURCINGS),
  publishedAt: timestamp.nullable(),
  outlet: z.object({ id, name: z.string() }).nullable(),
  speaker: z.object({ id, name: z.string() }).nullable(),
  claim: z.object({ slug: z.string(), statement: z.string(), status: VerificationStatusSchema }),
});

export const EntitySchema = EntitySummarySchema.extend({
  affiliation: z.object({ id, name: z.string() }).nullable(),
  claims: z.array(ClaimSummarySchema.pick({ slug: true, url: true, statement: true, status: true, updatedAt: true })).meta({
    description: "Published claims about them, most recently updated first (at most 20).",
  }),
  published: z.array(EntityEvidenceSchema).meta({ description: "Evidence they published as an outlet (at most 100)." }),
  spoken: z.array(EntityEvidenceSchema).meta({ description: "Evidence in which they speak (at most 100)." }),
}).meta({ id: "Entity" });

export const ProblemSchema = z
  .object({
    type: z.string().meta({ description: "A URI naming the kind of problem (about:blank when the status says it all)." }),
    title: z.string(),
    status: z.int(),
    detail: z.string().optional(),
    errors: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .optional()
      .meta({ description: "For invalid input: which parameter or field is wrong, and why." }),
    similar: z
      .array(z.object({ id: z.uuid(), statement: z.string() }))
      .optional()
      .meta({ description: "For a new claim that looks like existing ones (409): those claims. Send confirmNotDuplicate: true to log it anyway." }),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details (application/problem+json)." });

// ---------------------------------------------------------------------------------------------
// Query strings. Every parameter is a string to begin with; anything that does not parse is a 400
// naming the parameter. Text goes through storableText, so no NUL reaches the database.

const cursor = storableText("The cursor").max(500).optional().meta({ description: "The `nextCursor` of the previous page (opaque)." });
const limit = z.coerce
  .number({ error: "limit must be a number" })
  .int({ error: "limit must be a whole number" })
  .min(1, { error: `limit must be between 1 and ${API_PAGE_MAX}` })
  .max(API_PAGE_MAX, { error: `limit must be between 1 and ${API_PAGE_MAX}` })
  .default(API_PAGE_SIZE)
  .meta({ description: `Items per page (1–${API_PAGE_MAX}, default ${API_PAGE_SIZE}).` });

export const ClaimListQuerySchema = z
  .object({
    status: VerificationStatusSchema.optional(),
    entity: z.uuid({ error: "entity must be an entity id" }).optional().meta({ description: "Claims about this person or organisation." }),
    outlet: z.uuid({ error: "outlet must be an entity id" }).optional().meta({ description: "Claims with live evidence from this outlet." }),
    tag: storableText("The tag").max(40).optional().meta({ description: "Claims with this topic tag." }),
    updatedSince: z.iso
      .datetime({ offset: true, error: "updatedSince must be an ISO 8601 date and time, such as 2026-03-01T00:00:00Z" })
      .optional()
      .meta({ description: "Only claims updated at or after this instant." }),
    cursor,
    limit,
  });

export const SearchQuerySchema = z
  .object({
    q: storableText("The query").trim().min(1, { error: "q is required" }).max(200, { error: "q must be at most 200 characters" }),
    cursor,
  });

export const EntityListQuerySchema = z
  .object({
    q: storableText("The query").trim().max(200).optional().meta({ description: "Names containing this text." }),
    kind: z.enum(ENTITY_KINDS).optional(),
    cursor,
    limit,
  });

export const ClaimRefSchema = z
  .string()
  .max(100)
  .regex(/^[a-z0-9-]+$/)
  .meta({ description: "The claim's slug or its id." });

export type ClaimSummary = z.infer<typeof ClaimSummarySchema>;
export type ClaimList = z.infer<typeof ClaimListSchema>;
export type Claim = z.infer<typeof ClaimSchema>;
export type Problem = z.infer<typeof ProblemSchema>;

// ---------------------------------------------------------------------------------------------
// Writes (a token with the editor scope). These describe the JSON body; the handlers then pass it
// through the desk's own schemas (ClaimCreateSchema, EvidenceCreateSchema), so every rule and
// message is the desk's, and on to the desk's mutations.

const names = (what: string) => z.array(z.string()).max(10).optional().meta({ description: `New ${what} to create, by name.` });

export const ClaimCreateBodySchema = z
  .object({
    statement: z.string().meta({ description: "What was claimed, 1–500 characters." }),
    context: z.string().optional(),
    eventDate: z.iso.date().optional().meta({ description: "When it happened, YYYY-MM-DD." }),
    eventDatePrecision: z.enum(DATE_PRECISIONS).optional(),
    tags: z.array(z.string()).max(12).optional().meta({ description: "Topic tags (lower-case words and hyphens)." }),
    entityIds: z.array(z.uuid()).max(30).optional().meta({ description: "Existing people and organisations it is about." }),
    newPeople: names("people"),
    newOrganisations: names("organisations"),
    confirmNewEntities: z.boolean().optional().meta({ description: "Create new names even when they look like existing ones." }),
    confirmNotDuplicate: z.boolean().optional().meta({ description: "Log it even when similar claims exist (otherwise 409 lists them)." }),
  })
  .strict()
  .meta({ id: "ClaimCreate", description: "A claim to log. It starts as an unverified draft; readers see it once an editor publishes it." });

export const CreatedClaimSchema = z
  .object({
    id,
    slug: z.string(),
    status: VerificationStatusSchema,
    publication: z.enum(["draft", "published"]),
    deskUrl: z.url().meta({ description: "The claim on the desk." }),
  })
  .meta({ id: "CreatedClaim" });

const optionalId = (description: string) => z.uuid().optional().meta({ description });

export const EvidenceCreateBodySchema = z
  .object({
    url: z.string().meta({ description: "The source's web address (http or https)." }),
    headline: z.string(),
    publishedAt: z.string().optional().meta({ description: "When it was published, YYYY-MM-DDTHH:MM in publishedAtZone.", example: "2026-03-01T14:30" }),
    publishedAtZone: z.string().optional().meta({ description: "An IANA time zone for publishedAt (default UTC)." }),
    stance: z.enum(STANCES),
    sourcing: z.enum(SOURCINGS),
    outletId: optionalId("The outlet, an existing entity."),
    newOutletName: z.string().optional(),
    newOutletDomain: z.string().optional(),
    newOutletDescription: z.string().optional(),
    confirmNewOutlet: z.boolean().optional(),
    speakerId: optionalId("Who speaks, an existing entity."),
    newSpeakerName: z.string().optional(),
    newSpeakerKind: z.enum(ENTITY_KINDS).optional(),
    newSpeakerDescription: z.string().optional(),
    confirmNewSpeaker: z.boolean().optional(),
    speakerDescription: z.string().optional().meta({ description: "How an unnamed source is described." }),
    quote: z.string().optional(),
    derivedFromId: optionalId("Evidence on this claim that this piece republishes or cites."),
    derivation: z.enum(DERIVATIONS).optional(),
  })
  .strict()
  .meta({ id: "EvidenceCreate", description: "Evidence to link to a claim." });

export const CreatedEvidenceSchema = z.object({ id, claimId: id }).meta({ id: "CreatedEvidence" });

/** A JSON body as the desk's form schemas read it: booleans as checkbox values, absent fields left out. */
export function asFormInput(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(body)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, typeof value === "boolean" ? (value ? "on" : "") : value]),
  );
}
