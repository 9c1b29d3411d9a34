import { describe, expect, it } from "vitest";
import { formatDuration, formatWeek, plural } from "@/lib/dashboard/format";

describe("formatDuration", () => {
  it.each([
    [0, "1 min"],
    [29, "1 min"],
    [40 * 60, "40 min"],
    [59 * 60 + 40, "1 h"],
    [2 * 3600, "2 h"],
    [5 * 3600 + 20 * 60, "5 h 20 min"],
    [23 * 3600 + 59 * 60 + 50, "1 day"],
    [86_400, "1 day"],
    [86_400 + 4 * 3600, "1 day 4 h"],
    [3 * 86_400 + 23.6 * 3600, "4 days"],
    [9 * 86_400 + 23 * 3600, "9 days 23 h"],
    [12.4 * 86_400, "12 days"],
    [-5, "1 min"],
  ])("%d s is %s", (seconds, words) => {
    expect(formatDuration(seconds)).toBe(words);
  });
});

describe("plural and formatWeek", () => {
  it("counts with thousands separators and the right noun", () => {
    expect(plural(1, "claim")).toBe("1 claim");
    expect(plural(0, "claim")).toBe("0 claims");
    expect(plural(12_345, "piece of evidence", "pieces of evidence")).toBe("12,345 pieces of evidence");
  });

  it("names a week by its Monday in UTC, whatever the server's zone", () => {
    expect(formatWeek(new Date("2026-11-23T00:00:00Z"))).toBe("Mon 23 Nov");
  });
});
