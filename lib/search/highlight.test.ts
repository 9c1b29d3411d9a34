import { describe, expect, it } from "vitest";
import { markWords, splitHighlight } from "@/lib/search/highlight";

describe("splitHighlight", () => {
  it("turns the markers into parts, and never treats text as markup", () => {
    expect(splitHighlight("Trump \u0001spoke\u0002 with <b>Putin</b>")).toEqual([
      { text: "Trump ", match: false },
      { text: "spoke", match: true },
      { text: " with <b>Putin</b>", match: false },
    ]);
    expect(splitHighlight("plain")).toEqual([{ text: "plain", match: false }]);
    expect(splitHighlight("\u0001open")).toEqual([{ text: "open", match: true }]);
  });
});

describe("markWords", () => {
  it("marks the query's words, case-insensitively, treating regex characters literally", () => {
    expect(markWords("Zelenskyy spoke with Trump", "zelenskyy (trump)")).toBe("\u0001Zelenskyy\u0002 spoke with \u0001Trump\u0002");
    expect(markWords("a.b", ".*")).toBe("a.b");
  });
});
