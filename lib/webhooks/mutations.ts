// Writes for webhooks: the admin's endpoints (each checked with assertCan inside, versioned like
// every editable row) and the delivery records the worker keeps (lib/webhooks/deliver.ts).
import "server-only";
import { randomBytes } from "node:crypto";
import { assertCan, type ChangeActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { webhookRetryConfig } from "@/lib/env";
import { ConflictError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { endpointAddressProblem } from "@/lib/webhooks/address";
import { nextAttempt } from "@/lib/webhooks/backoff";
import { deliveryJobKey } from "@/lib/webhooks/outbox";
import type {
  WebhookEndpointCreateInput,
  WebhookEndpointDeleteInput,
  WebhookEndpointRefInput,
  WebhookEndpointToggleInput,
  WebhookEndpointUpdateInput,
  WebhookRetryInput,
} from "@/lib/webhooks/schema";

/** A Standard Webhooks secret: `whsec_` and the base64 of 32 random bytes. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

const STALE = "Someone else changed this endpoint since you opened it. Reload the page and try again.";

async function assertDeliverable(url: string): Promise<void> {
  const problem = await endpointAddressProblem(url);
  if (problem) throw new InvalidInputError(problem, "url");
}

export async function createWebhookEndpoint(actor: ChangeActor, input: WebhookEndpointCreateInput): Promise<{ id: string }> {
  assertCan(actor, "webhook.manage");
  await assertDeliverable(input.url);
  return db().webhookEndpoint.create({
    data: { url: input.url, description: input.description ?? "", events: input.events, secret: newWebhookSecret(), createdById: actor.id },
    select: { id: true },
  });
}

/** Stops the deliveries still waiting, in the transaction that disables or deletes their endpoint. */
const STOPPED_BY_DISABLE = "The endpoint was disabled; this delivery was stopped.";

export async function updateWebhookEndpoint(actor: ChangeActor, input: WebhookEndpointUpdateInput): Promise<void> {
  assertCan(actor, "webhook.manage");
  await assertDeliverable(input.url);
  await db().$transaction(async (tx) => {
    const { count } = await tx.webhookEndpoint.updateMany({
      where: { id: input.id, version: input.version },
      data: { url: input.url, description: input.description ?? "", events: input.events, enabled: input.enabled, version: { increment: 1 } },
    });
    if (count === 0) await missingOrStale(input.id);
    if (!input.enabled) {
      await tx.webhookDelivery.updateMany({
        where: { endpointId: input.id, state: { in: ["pending", "failed"] } },
        data: { state: "gave_up", nextAttemptAt: null, lastError: STOPPED_BY_DISABLE },
      });
    }
  });
}

export async function setWebhookEndpointEnabled(actor: ChangeActor, input: WebhookEndpointToggleInput): Promise<void> {
  assertCan(actor, "webhook.manage");
  const enabled = input.enabled === "enable";
  await db().$transaction(async (tx) => {
    const { count } = await tx.webhookEndpoint.updateMany({ where: { id: input.id, version: input.version }, data: { enabled, version: { increment: 1 } } });
    if (count === 0) await missingOrStale(input.id);
    if (!enabled) {
      await tx.webhookDelivery.updateMany({
        where: { endpointId: input.id, state: { in: ["pending", "failed"] } },
        data: { state: "gave_up", nextAttemptAt: null, lastError: STOPPED_BY_DISABLE },
      });
    }
  });
}

/** A new secret takes effect at once: deliveries from now on are signed with it. */
export async function rotateWebhookSecret(actor: ChangeActor, input: WebhookEndpointRefInput): Promise<void> {
  assertCan(actor, "webhook.manage");
  const { count } = await db().webhookEndpoint.updateMany({
    where: { id: input.id, version: input.version },
    data: { secret: newWebhookSecret(), version: { increment: 1 } },
  });
  if (count === 0) await missingOrStale(input.id);
}

/** Deletes the endpoint with its deliveries and their attempts; jobs still queued find nothing and end. */
export async function deleteWebhookEndpoint(actor: ChangeActor, input: WebhookEndpointDeleteInput): Promise<void> {
  assertCan(actor, "webhook.manage");
  const { count } = await db().webhookEndpoint.deleteMany({ where: { id: input.id, version: input.version } });
  if (count === 0) await missingOrStale(input.id);
}

async function missingOrStale(id: string): Promise<never> {
  const exists = await db().webhookEndpoint.findUnique({ where: { id }, select: { id: true } });
  throw exists ? new ConflictError(STALE) : new NotFoundError("This endpoint no longer exists.");
}

/**
 * "Retry now": one attempt at once, whatever the delivery's state (a succeeded one is sent again;
 * receivers deduplicate on webhook-id). It replaces a retry that was waiting. If it fails after the
 * retry window, the delivery gives up again.
 */
export async function retryWebhookDelivery(actor: ChangeActor, input: WebhookRetryInput): Promise<void> {
  assertCan(actor, "webhook.manage");
  await db().$transaction(async (tx) => {
    const delivery = await tx.webhookDelivery.findFirst({
      where: { id: input.deliveryId, endpointId: input.endpointId },
      select: { id: true, endpoint: { select: { enabled: true } } },
    });
    if (!delivery) throw new NotFoundError("That delivery no longer exists.");
    if (!delivery.endpoint.enabled) throw new InvalidInputError("This endpoint is disabled. Enable it first, then retry.");
    const now = new Date();
    await tx.webhookDelivery.update({ where: { id: delivery.id }, data: { state: "pending", nextAttemptAt: now } });
    await enqueueJob(tx, "webhook.deliver", { deliveryId: delivery.id }, { jobKey: deliveryJobKey(delivery.id), runAt: now });
  });
}

// ---------------------------------------------------------------------------------------------
// The worker's side (no person acts here: the job was authorised by the write that enqueued it).

export async function loadDeliveryForAttempt(deliveryId: string) {
  return db().webhookDelivery.findUnique({
    where: { id: deliveryId },
    select: {
      state: true,
      endpoint: { select: { url: true, secret: true, enabled: true } },
      event: { select: { id: true, payload: true } },
    },
  });
}

export async function stopDelivery(deliveryId: string, reason: string): Promise<void> {
  await db().webhookDelivery.updateMany({
    where: { id: deliveryId, state: { in: ["pending", "failed"] } },
    data: { state: "gave_up", nextAttemptAt: null, lastError: reason },
  });
}

export type AttemptOutcome = {
  deliveryId: string;
  attemptedAt: Date;
  /** The receiver's status code; null when it did not answer. */
  responseCode: number | null;
  latencyMs: number;
  /** Why the attempt failed; null when it succeeded (a 2xx). */
  error: string | null;
  now: Date;
};

/**
 * Records an attempt and what follows from it, in one transaction: the attempt row, the delivery's
 * state and figures, and, after a failure within the retry window, the next attempt's job.
 */
export async function recordDeliveryAttempt(outcome: AttemptOutcome): Promise<void> {
  await db().$transaction(async (tx) => {
    // Locked: a "Retry now" attempt may finish at the same moment.
    const [delivery] = await tx.$queryRaw<{ state: string; attempts: number; firstAttemptedAt: Date | null }[]>`
      SELECT state::text AS state, attempts, "firstAttemptedAt" FROM webhook_deliveries WHERE id = ${outcome.deliveryId}::uuid FOR UPDATE`;
    if (!delivery) return;
    await tx.webhookAttempt.create({
      data: {
        deliveryId: outcome.deliveryId,
        attemptedAt: outcome.attemptedAt,
        responseCode: outcome.responseCode,
        latencyMs: outcome.latencyMs,
        error: outcome.error,
      },
    });
    const attempts = delivery.attempts + 1;
    const firstAttemptedAt = delivery.firstAttemptedAt ?? outcome.attemptedAt;
    const figures = { attempts, firstAttemptedAt, lastResponseCode: outcome.responseCode, lastLatencyMs: outcome.latencyMs, lastError: outcome.error };
    if (outcome.error === null) {
      await tx.webhookDelivery.update({
        where: { id: outcome.deliveryId },
        data: { ...figures, state: "succeeded", nextAttemptAt: null, deliveredAt: outcome.now },
      });
      return;
    }
    // Settled meanwhile (another attempt succeeded, or the endpoint was disabled): nothing more to try.
    if (delivery.state === "succeeded" || delivery.state === "gave_up") {
      await tx.webhookDelivery.update({ where: { id: outcome.deliveryId }, data: { attempts } });
      return;
    }
    const next = nextAttempt(webhookRetryConfig(), { failedAttempts: attempts, firstAttemptedAt, now: outcome.now });
    if (next.giveUp) {
      await tx.webhookDelivery.update({ where: { id: outcome.deliveryId }, data: { ...figures, state: "gave_up", nextAttemptAt: null } });
      return;
    }
    await tx.webhookDelivery.update({ where: { id: outcome.deliveryId }, data: { ...figures, state: "failed", nextAttemptAt: next.at } });
    await enqueueJob(tx, "webhook.deliver", { deliveryId: outcome.deliveryId }, { jobKey: deliveryJobKey(outcome.deliveryId), runAt: next.at });
  });
}
