// When a failed webhook delivery is tried again (pure). Exponential backoff with full jitter
// (AWS's "Exponential Backoff and Jitter"): the wait after the n-th failed attempt is uniformly
// random in [0, min(max, base × 2^(n-1))], so that receivers coming back from an outage are not hit
// by every sender's retries at the same instant. No attempt starts later than `windowMs` after the
// first one; past that the delivery gives up.
import type { WebhookRetryConfig } from "@/lib/env";

export type NextAttempt = { giveUp: true } | { giveUp: false; at: Date };

export function nextAttempt(
  config: WebhookRetryConfig,
  { failedAttempts, firstAttemptedAt, now, random = Math.random }: { failedAttempts: number; firstAttemptedAt: Date; now: Date; random?: () => number },
): NextAttempt {
  const exponent = Math.min(Math.max(failedAttempts - 1, 0), 40);
  const ceiling = Math.min(config.maxMs, config.baseMs * 2 ** exponent);
  const at = new Date(now.getTime() + Math.floor(random() * ceiling));
  if (at.getTime() > firstAttemptedAt.getTime() + config.windowMs) return { giveUp: true };
  return { giveUp: false, at };
}
