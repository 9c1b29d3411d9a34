import { describe, expect, it } from "vitest";
import { type SuggestionEvidence, suggestionKey, suggestMoves } from "@/lib/review/suggestions";

const kremlin = "kremlin";
const putin = { id: "putin", affiliationId: kremlin };
const trump = { id: "trump", affiliationId: null };
const peskov = { id: "peskov", name: "Dmitry Peskov", description: "Kremlin spokesman", affiliationId: kremlin };
const stranger = { id: "pundit", name: "A Pundit", description: "", affiliationId: null };

const item = (id: string, stance: SuggestionEvidence["stance"], extra: Partial<SuggestionEvidence> = {}): SuggestionEvidence => ({
  id,
  stance,
  sourcing: "anonymous",
  speakerId: null,
  derivedFromId: null,
  derivation: null,
  publishedAt: new Date("2024-11-10T12:00:00Z"),
  outletId: `outlet-${id}`,
  speaker: null,
  ...extra,
});

const denial = item("denial", "denies", { sourcing: "on_record", speakerId: peskov.id, speaker: peskov });

describe("suggestMoves", () => {
  it("suggests disputed for an on-the-record denial by someone who speaks for a party to the claim", () => {
    const [suggestion] = suggestMoves({ status: "unverified", entities: [trump, putin] }, [item("wapo", "reports"), denial]);
    expect(suggestion).toMatchObject({ to: "disputed", evidenceIds: ["denial"] });
    expect(suggestion?.reason).toMatch(/Dmitry Peskov \(Kremlin spokesman\)/);
  });

  it("ignores a denial by an outsider, or one that is anonymous", () => {
    const outsider = item("outsider", "denies", { sourcing: "on_record", speakerId: stranger.id, speaker: stranger });
    const anonymous = item("anon", "denies", { speaker: peskov, speakerId: peskov.id });
    expect(suggestMoves({ status: "unverified", entities: [trump, putin] }, [outsider, anonymous])).toEqual([]);
  });

  it("does not suggest what the claim already is", () => {
    expect(suggestMoves({ status: "disputed", entities: [trump, putin] }, [denial])).toEqual([]);
  });

  it("suggests corroborated for two independent reports, not for a report and its copy", () => {
    const two = suggestMoves({ status: "unverified", entities: [] }, [item("a", "reports"), item("b", "reports")]);
    expect(two).toEqual([{ to: "corroborated", reason: "2 independent reports", evidenceIds: ["a", "b"] }]);
    const copy = suggestMoves({ status: "unverified", entities: [] }, [item("a", "reports"), item("b", "reports", { derivedFromId: "a", derivation: "republishes" })]);
    expect(copy).toEqual([]);
  });

  it("suggests retracted when the outlet that reported first retracts", () => {
    const first = item("first", "reports", { outletId: "post", publishedAt: new Date("2024-11-10T10:00:00Z") });
    const later = item("later", "reports", { outletId: "wire", publishedAt: new Date("2024-11-10T12:00:00Z") });
    const retraction = item("retraction", "retracts", { outletId: "post" });
    const otherRetraction = item("other", "retracts", { outletId: "wire" });
    expect(suggestMoves({ status: "corroborated", entities: [] }, [first, later, retraction]).map((s) => s.to)).toEqual(["retracted"]);
    expect(suggestMoves({ status: "corroborated", entities: [] }, [first, later, otherRetraction])).toEqual([]);
  });

  it("keys a suggestion by its evidence, whatever the order", () => {
    expect(suggestionKey(["b", "a"])).toBe(suggestionKey(["a", "b"]));
  });
});
