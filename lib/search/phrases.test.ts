import { describe, expect, it } from "vitest";
import { requiredPhrases } from "@/lib/search/phrases";

describe("requiredPhrases", () => {
  it("takes the quoted phrases every match must hold", () => {
    expect(requiredPhrases('"kremlin spokesman" -drones')).toEqual(["kremlin spokesman"]);
    expect(requiredPhrases('Peskov "pure fiction" "phone call"x')).toEqual(["pure fiction", "phone call"]);
    expect(requiredPhrases('"  pure  fiction "')).toEqual(["pure  fiction"]);
  });

  it("leaves out what a match need not hold, or what it cannot be sure of", () => {
    // Negated, with or without a space after the minus sign (websearch_to_tsquery negates both).
    expect(requiredPhrases('-"pure fiction"')).toEqual([]);
    expect(requiredPhrases('- "pure fiction"')).toEqual([]);
    // "or" anywhere, in any case.
    expect(requiredPhrases('"pure fiction" or drones')).toEqual([]);
    expect(requiredPhrases('"pure fiction" OR drones')).toEqual([]);
    expect(requiredPhrases('"war or peace"')).toEqual([]);
    // Unpaired quotes, quotes glued to a word, punctuation, a single word.
    expect(requiredPhrases('"pure fiction')).toEqual([]);
    expect(requiredPhrases('x"pure fiction"')).toEqual([]);
    expect(requiredPhrases('"pro-russian forces"')).toEqual([]);
    expect(requiredPhrases(`"Kremlin's spokesman"`)).toEqual([]);
    expect(requiredPhrases('"fiction"')).toEqual([]);
    expect(requiredPhrases("pure fiction")).toEqual([]);
  });
});
