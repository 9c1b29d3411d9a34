import { describe, expect, it } from "vitest";
import { diffTexts } from "@/lib/archive/diff";

describe("diffTexts", () => {
  it("marks the words that were removed and added, and keeps the rest", () => {
    const diff = diffTexts("The ministers met in Geneva on Thursday.", "The ministers met in Vienna on Thursday.");
    expect(diff.parts.map((part) => part.text).join("")).not.toBe("");
    expect(diff.parts.filter((part) => part.kind === "removed").map((part) => part.text.trim())).toEqual(["Geneva"]);
    expect(diff.parts.filter((part) => part.kind === "added").map((part) => part.text.trim())).toEqual(["Vienna"]);
    expect(diff.removed).toBe(1);
    expect(diff.added).toBe(1);
  });

  it("rebuilds each side from its parts", () => {
    const before = "One two three.\n\nFour five.";
    const after = "One three.\n\nFour five six.";
    const { parts } = diffTexts(before, after);
    expect(parts.filter((part) => part.kind !== "added").map((part) => part.text).join("")).toBe(before);
    expect(parts.filter((part) => part.kind !== "removed").map((part) => part.text).join("")).toBe(after);
  });

  it("finds nothing to mark in identical texts", () => {
    expect(diffTexts("Same text.", "Same text.")).toEqual({ parts: [{ kind: "same", text: "Same text." }], added: 0, removed: 0 });
  });
});
