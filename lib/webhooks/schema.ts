// Webhooks (isomorphic): the event types, the JSON body every delivery carries, and the admin
// forms' schemas. docs/webhooks.md documents the body for receivers; change both together.
import { z } from "zod";
import { checkbox, optionalText, stringList, uuid, versionField } from "@/lib/forms";
import { storableText } from "@/lib/text";

export const WEBHOOK_EVENT_TYPES = ["claim.published", "claim.unpublished", "claim.status_changed", "evidence.added", "evidence.removed"] as const;

export const WebhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES, { error: "Choose one of the listed events" });
export type WebhookEventType = z.infer<typeof WebhookEventTypeSchema>;

/** What each event means, for the admin's checkboxes and the docs. */
export const WEBHOOK_EVENT_INFO: Record<WebhookEventType, string> = {
  "claim.published": "A claim was published (readers can see it from now on).",
  "claim.unpublished": "A published claim was taken off the public site.",
  "claim.status_changed": "A fact-checker moved a published claim's verification status.",
  "evidence.added": "Evidence was linked to a published claim.",
  "evidence.removed": "Evidence was removed from a published claim.",
};

// ---------------------------------------------------------------------------------------------
// The body of a delivery. Snake_case keys, ISO 8601 times in UTC. Only what a reader of the public
// claim page could see: no draft text, no staff names, no rationale's author.

/** The public face of a claim, as on its page. */
export const WebhookClaimSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  statement: z.string(),
  /** Verification status (unverified, corroborated, …): lib/claims/status.ts. */
  status: z.string(),
  /** "published" or "draft" (a claim.unpublished event carries "draft"). */
  publication: z.enum(["published", "draft"]),
  /** The claim's public page, on the running APP_URL. */
  url: z.url(),
  published_at: z.iso.datetime().nullable(),
  updated_at: z.iso.datetime(),
});

/** A piece of evidence, summarised as the claim page lists it. */
export const WebhookEvidenceSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  headline: z.string(),
  outlet: z.string().nullable(),
  stance: z.string(),
  sourcing: z.string(),
  published_at: z.iso.datetime().nullable(),
});

const envelope = <T extends WebhookEventType, D extends z.ZodType>(type: T, data: D) =>
  z.object({
    /** The event's id: also the `webhook-id` header, the same on every attempt. Deduplicate on it. */
    id: z.string(),
    type: z.literal(type),
    /** When the change was committed. */
    occurred_at: z.iso.datetime(),
    data,
  });

export const WebhookPayloadSchema = z.discriminatedUnion("type", [
  envelope("claim.published", z.object({ claim: WebhookClaimSchema })),
  envelope("claim.unpublished", z.object({ claim: WebhookClaimSchema })),
  envelope(
    "claim.status_changed",
    z.object({ claim: WebhookClaimSchema, from_status: z.string(), to_status: z.string(), rationale: z.string() }),
  ),
  envelope("evidence.added", z.object({ claim: WebhookClaimSchema, evidence: WebhookEvidenceSchema })),
  envelope("evidence.removed", z.object({ claim: WebhookClaimSchema, evidence: WebhookEvidenceSchema })),
]);

export type WebhookPayload = z.infer<typeof WebhookPayloadSchema>;
export type WebhookClaim = z.infer<typeof WebhookClaimSchema>;
export type WebhookEvidence = z.infer<typeof WebhookEvidenceSchema>;

// ---------------------------------------------------------------------------------------------
// Admin forms.

/** http(s) only, no credentials in it; whether its address is private is checked on the server. */
export const WebhookUrlSchema = storableText("The URL")
  .trim()
  .min(1, { error: "Enter the receiver's URL" })
  .max(2_000, { error: "The URL must be at most 2,000 characters" })
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return (url.protocol === "http:" || url.protocol === "https:") && !url.username && !url.password;
      } catch {
        return false;
      }
    },
    { error: "Enter a full web address starting with https:// (or http://), without a user name or password" },
  );

const events = stringList(WebhookEventTypeSchema).pipe(
  z
    .array(WebhookEventTypeSchema)
    .min(1, { error: "Choose at least one event" })
    .transform((list) => WEBHOOK_EVENT_TYPES.filter((type) => list.includes(type))),
);

export const WebhookEndpointCreateSchema = z.object({
  url: WebhookUrlSchema,
  description: optionalText("The description", 200),
  events,
});

export const WebhookEndpointUpdateSchema = WebhookEndpointCreateSchema.extend({
  id: uuid("endpoint"),
  version: versionField,
  enabled: checkbox,
});

export const WebhookEndpointRefSchema = z.object({ id: uuid("endpoint"), version: versionField });

export const WebhookEndpointToggleSchema = WebhookEndpointRefSchema.extend({ enabled: z.enum(["enable", "disable"]) });

export const WebhookEndpointDeleteSchema = WebhookEndpointRefSchema.extend({
  confirm: z.literal("delete", { error: "Tick the box to confirm that the endpoint and its delivery log are deleted" }),
});

export const WebhookRetrySchema = z.object({ endpointId: uuid("endpoint"), deliveryId: uuid("delivery") });

export type WebhookEndpointCreateInput = z.infer<typeof WebhookEndpointCreateSchema>;
export type WebhookEndpointUpdateInput = z.infer<typeof WebhookEndpointUpdateSchema>;
export type WebhookEndpointRefInput = z.infer<typeof WebhookEndpointRefSchema>;
export type WebhookEndpointToggleInput = z.infer<typeof WebhookEndpointToggleSchema>;
export type WebhookEndpointDeleteInput = z.infer<typeof WebhookEndpointDeleteSchema>;
export type WebhookRetryInput = z.infer<typeof WebhookRetrySchema>;
