import { describe, expect, it } from "vitest";
import { formatEventDate, loggingNote } from "@/lib/claims/format";

describe("formatEventDate", () => {
  const date = new Date("2024-11-07T00:00:00Z");
  it.each([
    ["day", "7 Nov 2024"],
    ["approximate", "around 7 Nov 2024"],
    ["month", "November 2024"],
    ["year", "2024"],
  ] as const)("shows a %s-precision date as %s", (precision, expected) => {
    expect(formatEventDate(date, precision)).toBe(expected);
  });
});

describe("loggingNote", () => {
  it("drops the desk's placeholder and keeps a note that says something", () => {
    expect(loggingNote("Logged.")).toBeNull();
    expect(loggingNote(" logged ")).toBeNull();
    expect(loggingNote("Logged on the Washington Post's report, which rests on unnamed sources.")).toBe(
      "Logged on the Washington Post's report, which rests on unnamed sources.",
    );
  });
});
