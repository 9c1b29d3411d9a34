// The webhook outbox: a change that receivers hear about writes its event, one delivery per
// subscribed endpoint and each delivery's job IN THE CHANGE'S OWN TRANSACTION. If the change rolls
// back, nothing was announced; if it commits, the deliveries are in the queue even if the process
// dies the next moment (docs/webhooks.md, decision 0010).
//
// What is announced: only what readers can see. claim.published and claim.unpublished always;
// claim.status_changed, evidence.added and evidence.removed only while the claim is published
// (a draft's moves and evidence are the newsroom's own business until it is published, and
// claim.published then carries the claim as it is).
import "server-only";
import type { Tx } from "@/lib/audit/mutations";
import { siteConfig } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJob } from "@/lib/jobs/enqueue";
import type { WebhookClaim, WebhookEvidence, WebhookPayload } from "@/lib/webhooks/schema";

export type WebhookChange =
  | { type: "claim.published" | "claim.unpublished"; claimId: string }
  | { type: "claim.status_changed"; claimId: string; fromStatus: string; toStatus: string; rationale: string }
  | { type: "evidence.added" | "evidence.removed"; claimId: string; evidenceId: string };

/** The job key of a delivery's next attempt: a delivery has at most one attempt waiting. */
export const deliveryJobKey = (deliveryId: string) => `webhook.deliver:${deliveryId}`;

/**
 * Announces `change` to every enabled endpoint subscribed to its type, inside `tx`. Call it after
 * the change is written (it reads the claim as the transaction now sees it). Returns the event's id,
 * or null when nobody is to hear of it (no subscriber, or a draft claim's moves and evidence).
 */
export async function recordWebhookEvent(tx: Tx, change: WebhookChange): Promise<string | null> {
  // Subscribers first: with none (the usual case for most types), one small query is all this
  // costs the write, which holds its claim's lock meanwhile.
  const endpoints = await tx.webhookEndpoint.findMany({ where: { enabled: true, events: { has: change.type } }, select: { id: true } });
  if (endpoints.length === 0) return null;

  const claim = await tx.claim.findUnique({
    where: { id: change.claimId },
    select: { id: true, slug: true, statement: true, status: true, publication: true, publishedAt: true, updatedAt: true },
  });
  if (!claim) return null;
  const alwaysAnnounced = change.type === "claim.published" || change.type === "claim.unpublished";
  if (!alwaysAnnounced && claim.publication !== "published") return null;

  const publicClaim: WebhookClaim = {
    id: claim.id,
    slug: claim.slug,
    statement: claim.statement,
    status: claim.status,
    publication: claim.publication === "published" ? "published" : "draft",
    url: `${siteConfig().url}/claims/${encodeURIComponent(claim.slug)}`,
    published_at: claim.publishedAt?.toISOString() ?? null,
    updated_at: claim.updatedAt.toISOString(),
  };
  const data = await eventData(tx, change, publicClaim);
  const event = await tx.webhookEvent.create({ data: { type: change.type, payload: {}, claimId: claim.id }, select: { id: true, occurredAt: true } });
  // The body is fixed now, with the event's own id in it, so every attempt sends the same bytes.
  const payload = { id: event.id, type: change.type, occurred_at: event.occurredAt.toISOString(), data } as WebhookPayload;
  await tx.webhookEvent.update({ where: { id: event.id }, data: { payload: payload as unknown as Prisma.InputJsonValue } });

  for (const endpoint of endpoints) {
    const delivery = await tx.webhookDelivery.create({ data: { eventId: event.id, endpointId: endpoint.id }, select: { id: true } });
    await enqueueJob(tx, "webhook.deliver", { deliveryId: delivery.id }, { jobKey: deliveryJobKey(delivery.id) });
  }
  return event.id;
}

async function eventData(tx: Tx, change: WebhookChange, claim: WebhookClaim): Promise<WebhookPayload["data"]> {
  switch (change.type) {
    case "claim.published":
    case "claim.unpublished":
      return { claim };
    case "claim.status_changed":
      return { claim, from_status: change.fromStatus, to_status: change.toStatus, rationale: change.rationale };
    case "evidence.added":
    case "evidence.removed":
      return { claim, evidence: await evidenceSummary(tx, change.evidenceId) };
  }
}

async function evidenceSummary(tx: Tx, evidenceId: string): Promise<WebhookEvidence> {
  const evidence = await tx.evidence.findUniqueOrThrow({
    where: { id: evidenceId },
    select: { id: true, url: true, headline: true, stance: true, sourcing: true, publishedAt: true, outlet: { select: { name: true } } },
  });
  return {
    id: evidence.id,
    url: evidence.url,
    headline: evidence.headline,
    outlet: evidence.outlet?.name ?? null,
    stance: evidence.stance,
    sourcing: evidence.sourcing,
    published_at: evidence.publishedAt?.toISOString() ?? null,
  };
}

