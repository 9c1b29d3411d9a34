// One attempt at one webhook delivery: the handler of the "webhook.deliver" job. It signs the
// event's body per Standard Webhooks, POSTs it through the SSRF guard, and records the attempt and
// the delivery's new state, with the next attempt's job when it failed, in ONE transaction
// (lib/webhooks/mutations.ts). docs/webhooks.md.
import "server-only";
import { Webhook } from "standardwebhooks";
import { OutboundError, outboundFetch } from "@/lib/net/outbound";
import { loadDeliveryForAttempt, recordDeliveryAttempt, stopDelivery } from "@/lib/webhooks/mutations";

/** A receiver has this long to answer. */
export const DELIVERY_TIMEOUT_MS = 15_000;
/** What is kept of its answer: only the status matters. */
const RESPONSE_MAX_BYTES = 16 * 1024;

export async function deliverWebhook(deliveryId: string, now: () => Date = () => new Date()): Promise<void> {
  const delivery = await loadDeliveryForAttempt(deliveryId);
  // Deleted with its endpoint, or already settled (a late duplicate job).
  if (!delivery || delivery.state === "succeeded" || delivery.state === "gave_up") return;
  if (!delivery.endpoint.enabled) {
    await stopDelivery(deliveryId, "The endpoint was disabled; this delivery was stopped.");
    return;
  }

  const body = JSON.stringify(delivery.event.payload);
  const sentAt = now();
  const signature = new Webhook(delivery.endpoint.secret).sign(delivery.event.id, sentAt, body);
  const headers = {
    "content-type": "application/json",
    "webhook-id": delivery.event.id,
    "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
    "webhook-signature": signature,
  };

  const started = performance.now();
  let responseCode: number | null = null;
  let error: string | null = null;
  try {
    const response = await outboundFetch(delivery.endpoint.url, {
      method: "POST",
      headers,
      body,
      timeoutMs: DELIVERY_TIMEOUT_MS,
      maxBytes: RESPONSE_MAX_BYTES,
      truncate: true,
      maxRedirects: 0,
    });
    responseCode = response.status;
    if (response.status < 200 || response.status > 299) {
      error = response.status >= 300 && response.status < 400 ? `Answered ${response.status}: redirects are not followed.` : `Answered ${response.status}.`;
    }
  } catch (caught) {
    error = caught instanceof OutboundError ? caught.message : `The request failed: ${caught instanceof Error ? caught.message : String(caught)}`;
  }
  await recordDeliveryAttempt({
    deliveryId,
    attemptedAt: sentAt,
    responseCode,
    latencyMs: Math.round(performance.now() - started),
    error,
    now: now(),
  });
}
