import { describe, expect, it } from "vitest";
import { describeWait, evidenceSnippet, SNIPPET_LENGTH, truncate } from "@/lib/review/format";

const now = new Date("2024-11-14T12:00:00Z");

describe("describeWait", () => {
  it("says a claim that was never moved was never reviewed", () => {
    expect(describeWait({ createdAt: new Date("2024-11-11T09:00:00Z"), lastMovedAt: null }, now)).toBe("logged 3 days ago, never reviewed");
  });

  it("counts from the last move once there is one", () => {
    expect(describeWait({ createdAt: new Date("2024-11-01T09:00:00Z"), lastMovedAt: new Date("2024-11-13T10:00:00Z") }, now)).toBe("last moved yesterday");
    expect(describeWait({ createdAt: new Date("2024-11-01T09:00:00Z"), lastMovedAt: new Date("2024-11-14T10:00:00Z") }, now)).toBe("last moved today");
  });
});

describe("evidenceSnippet", () => {
  const base = { stance: "denies" as const, headline: "Kremlin denies call", quote: "", speakerDescription: null, outlet: { name: "Reuters" }, speaker: null };

  it("names the speaker with the outlet, the stance, and prefers the quote", () => {
    expect(evidenceSnippet({ ...base, speaker: { name: "Dmitry Peskov" }, quote: "Pure fiction." })).toEqual({
      who: "Dmitry Peskov (Reuters)",
      stance: "Denies it",
      text: "“Pure fiction.”",
    });
  });

  it("falls back to the outlet and the headline, or to an anonymous description", () => {
    expect(evidenceSnippet(base)).toMatchObject({ who: "Reuters", text: "Kremlin denies call" });
    expect(evidenceSnippet({ ...base, outlet: null, speakerDescription: "a source familiar with the call" }).who).toBe("a source familiar with the call");
  });

  it("keeps long text to one line", () => {
    const long = "word ".repeat(100);
    const text = evidenceSnippet({ ...base, quote: long }).text;
    expect(text.length).toBeLessThanOrEqual(SNIPPET_LENGTH + 2);
    expect(text).toMatch(/…”$/);
    expect(truncate("short\n text", 50)).toBe("short text");
  });
});
