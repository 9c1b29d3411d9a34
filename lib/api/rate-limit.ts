// Rate limits for the partner API (docs/api.md): a sliding window per key ("token:<id>" or
// "address:<ip>"), in this process's memory. One instance enforces them exactly; several
// instances each enforce their own (a client could get N times the limit across N instances),
// which docs/api.md states. Pure apart from the clock, which callers may pass.
import { LRUCache } from "lru-cache";

export type RateLimit = { limit: number; windowMs: number };

/** Requests per minute: anonymous callers per address, tokens per token; writes count twice. */
export const RATE_LIMITS = {
  address: { limit: 120, windowMs: 60_000 },
  token: { limit: 600, windowMs: 60_000 },
} as const satisfies Record<string, RateLimit>;

/** The limits in force: RATE_LIMITS, or API_RATE_LIMIT_ADDRESS / API_RATE_LIMIT_TOKEN (requests per minute). */
export function rateLimitFor(kind: keyof typeof RATE_LIMITS): RateLimit {
  const configured = Number(process.env[kind === "address" ? "API_RATE_LIMIT_ADDRESS" : "API_RATE_LIMIT_TOKEN"]);
  return Number.isInteger(configured) && configured > 0 ? { ...RATE_LIMITS[kind], limit: configured } : RATE_LIMITS[kind];
}

export type RateDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

export class RateLimiter {
  // Timestamps of the requests in the current window, per key; the least recently used keys go
  // first when 50,000 are tracked, so made-up addresses cannot exhaust memory.
  private readonly hits = new LRUCache<string, number[]>({ max: 50_000 });

  /** Counts `cost` requests for `key` now, unless that would pass the limit. */
  take(key: string, { limit, windowMs }: RateLimit, cost = 1, now = Date.now()): RateDecision {
    const recent = (this.hits.get(key) ?? []).filter((at) => at > now - windowMs);
    if (recent.length + cost > limit) {
      this.hits.set(key, recent);
      const oldest = recent[Math.max(0, recent.length + cost - limit - 1)] ?? now;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + windowMs - now) / 1000)) };
    }
    for (let index = 0; index < cost; index += 1) recent.push(now);
    this.hits.set(key, recent);
    return { allowed: true, remaining: limit - recent.length };
  }

  reset(): void {
    this.hits.clear();
  }
}
