import { describe, expect, it } from "vitest";
import { RateLimiter } from "@/lib/api/rate-limit";

describe("the API rate limiter", () => {
  const limit = { limit: 3, windowMs: 60_000 };

  it("allows the limit within a window, then refuses with the wait until a slot frees", () => {
    const limiter = new RateLimiter();
    expect(limiter.take("a", limit, 1, 0)).toEqual({ allowed: true, remaining: 2 });
    expect(limiter.take("a", limit, 1, 10_000)).toEqual({ allowed: true, remaining: 1 });
    expect(limiter.take("a", limit, 1, 20_000)).toEqual({ allowed: true, remaining: 0 });
    expect(limiter.take("a", limit, 1, 30_000)).toEqual({ allowed: false, retryAfterSeconds: 30 });
    // Other keys have their own window.
    expect(limiter.take("b", limit, 1, 30_000)).toEqual({ allowed: true, remaining: 2 });
    // The first request leaves the window at 60 s.
    expect(limiter.take("a", limit, 1, 60_001).allowed).toBe(true);
  });

  it("counts a cost of two as two requests, and refuses one that does not fit", () => {
    const limiter = new RateLimiter();
    expect(limiter.take("a", limit, 2, 0)).toEqual({ allowed: true, remaining: 1 });
    expect(limiter.take("a", limit, 2, 1_000)).toEqual({ allowed: false, retryAfterSeconds: 59 });
    expect(limiter.take("a", limit, 1, 1_000)).toEqual({ allowed: true, remaining: 0 });
  });
});
