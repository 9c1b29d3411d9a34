import { describe, expect, it } from "vitest";
import { pendingSuggestions, reviewStateOf, type SuggestionEvidence, suggestionKey, suggestMoves } from "@/lib/review/suggestions";

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

describe("pendingSuggestions", () => {
  it("leaves out a suggestion dismissed for the same evidence, not one resting on new evidence", () => {
    const claim = { status: "unverified" as const, entities: [trump, putin] };
    expect(pendingSuggestions(claim, [denial], [{ suggestedStatus: "disputed", evidenceKey: "denial" }])).toEqual([]);
    const second = item("second", "denies", { sourcing: "on_record", speakerId: peskov.id, speaker: peskov });
    expect(pendingSuggestions(claim, [denial, second], [{ suggestedStatus: "disputed", evidenceKey: "denial" }])).toHaveLength(1);
  });
});

describe("reviewStateOf", () => {
  const logged = new Date("2024-11-10T08:00:00Z");
  const first = { sequence: 1, createdAt: logged };

  it("ranks suggestions, then new evidence, then unverified, and keeps settled claims out", () => {
    const base = { status: "unverified" as const, createdAt: logged, suggestions: 0, evidenceLinkedAt: [], transitions: [first] };
    expect(reviewStateOf({ ...base, suggestions: 1 }).reviewRank).toBe(0);
    expect(reviewStateOf({ ...base, evidenceLinkedAt: [new Date("2024-11-10T09:00:00Z")] })).toMatchObject({ reviewRank: 1, reviewNewEvidence: 1 });
    expect(reviewStateOf(base)).toMatchObject({ reviewRank: 2, lastMovedAt: null, reviewWaitingSince: logged });
    expect(reviewStateOf({ ...base, status: "disputed" }).reviewRank).toBeNull();
  });

  it("counts the wait and the new evidence from the last move, not from the logging", () => {
    const moved = new Date("2024-11-11T10:00:00Z");
    const state = reviewStateOf({
      status: "disputed",
      createdAt: logged,
      suggestions: 0,
      evidenceLinkedAt: [new Date("2024-11-10T09:00:00Z"), new Date("2024-11-12T09:00:00Z")],
      transitions: [{ sequence: 2, createdAt: moved }, first],
    });
    expect(state).toEqual({ reviewRank: 1, reviewSuggestions: 0, reviewNewEvidence: 1, lastMovedAt: moved, reviewWaitingSince: moved });
  });
});
