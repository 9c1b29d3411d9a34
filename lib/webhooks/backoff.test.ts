import { describe, expect, it } from "vitest";
import { nextAttempt } from "@/lib/webhooks/backoff";

const config = { baseMs: 5_000, maxMs: 3_600_000, windowMs: 86_400_000 };
const first = new Date("2026-01-01T00:00:00Z");

describe("nextAttempt", () => {
  it("waits up to base × 2^(n-1), capped at the maximum", () => {
    const top = (failedAttempts: number) => {
      const next = nextAttempt(config, { failedAttempts, firstAttemptedAt: first, now: first, random: () => 0.999999 });
      return next.giveUp ? null : Math.round((next.at.getTime() - first.getTime()) / 1000);
    };
    expect([1, 2, 3, 4].map(top)).toEqual([5, 10, 20, 40]);
    expect(top(11)).toBe(3600);
    expect(top(30)).toBe(3600);
  });

  it("draws the wait from the whole range (full jitter)", () => {
    const next = nextAttempt(config, { failedAttempts: 3, firstAttemptedAt: first, now: first, random: () => 0 });
    expect(next).toEqual({ giveUp: false, at: first });
    const half = nextAttempt(config, { failedAttempts: 3, firstAttemptedAt: first, now: first, random: () => 0.5 });
    expect(half).toEqual({ giveUp: false, at: new Date(first.getTime() + 10_000) });
  });

  it("gives up when the next attempt would start after the window", () => {
    const late = new Date(first.getTime() + config.windowMs - 1_000);
    expect(nextAttempt(config, { failedAttempts: 20, firstAttemptedAt: first, now: late, random: () => 0.5 })).toEqual({ giveUp: true });
    expect(nextAttempt(config, { failedAttempts: 20, firstAttemptedAt: first, now: late, random: () => 0 })).toEqual({
      giveUp: false,
      at: late,
    });
  });
});
