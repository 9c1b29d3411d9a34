import { describe, expect, it } from "vitest";
import { describeIndependence, type IndependenceEvidence, summariseIndependence } from "@/lib/evidence/independence";

const e = (id: string, stance: IndependenceEvidence["stance"], sourcing: IndependenceEvidence["sourcing"], extra: Partial<IndependenceEvidence> = {}): IndependenceEvidence => ({
  id,
  stance,
  sourcing,
  speakerId: null,
  derivedFromId: null,
  derivation: null,
  ...extra,
});

// The Trump–Putin story: the Post and Reuters (anonymous), CBC copying Reuters, Peskov's denial
// carried by two outlets, Cheung's no-comment.
const story = [
  e("wapo", "reports", "anonymous"),
  e("reuters", "reports", "anonymous"),
  e("cbc", "reports", "anonymous", { derivedFromId: "reuters", derivation: "republishes" }),
  e("peskov-reuters", "denies", "on_record", { speakerId: "peskov" }),
  e("peskov-ap", "denies", "on_record", { speakerId: "peskov" }),
  e("cheung", "declines_to_comment", "on_record", { speakerId: "cheung" }),
];

describe("summariseIndependence", () => {
  it("counts a republication with its original and one speaker's statements once", () => {
    const summary = summariseIndependence(story);
    expect(summary.supporting).toMatchObject({ origins: 2, anonymous: 2, onRecord: 0 });
    expect(summary.supporting.evidenceIds.sort()).toEqual(["reuters", "wapo"]);
    expect(summary.against).toMatchObject({ origins: 1, onRecord: 1 });
    expect(summary.declinedToComment).toBe(1);
    expect(summary.derivative).toBe(1);
  });

  it("counts a report that cites another with the one it cites", () => {
    const summary = summariseIndependence([e("post", "reports", "anonymous"), e("follow", "reports", "anonymous", { derivedFromId: "post", derivation: "cites" })]);
    expect(summary.supporting.origins).toBe(1);
  });

  it("counts a loop of copies once", () => {
    const summary = summariseIndependence([
      e("a", "reports", "anonymous", { derivedFromId: "b", derivation: "republishes" }),
      e("b", "reports", "anonymous", { derivedFromId: "a", derivation: "republishes" }),
      e("c", "reports", "anonymous", { derivedFromId: "b", derivation: "republishes" }),
    ]);
    expect(summary.supporting.origins).toBe(1);
  });

  it("does not fold a denial into the report it cites", () => {
    const summary = summariseIndependence([
      e("post", "reports", "anonymous"),
      e("denial-1", "denies", "on_record", { speakerId: "peskov", derivedFromId: "post", derivation: "cites" }),
      e("denial-2", "denies", "on_record", { speakerId: "cheung", derivedFromId: "post", derivation: "cites" }),
    ]);
    expect(summary.supporting).toMatchObject({ origins: 1, anonymous: 1 });
    expect(summary.against).toMatchObject({ origins: 2, onRecord: 2, anonymous: 0 });
  });
});

describe("describeIndependence", () => {
  it("says it in one line a reader understands", () => {
    expect(describeIndependence(summariseIndependence(story))).toBe(
      "2 independent reports, both anonymous; 1 denial or dispute, on the record; 1 declined to comment",
    );
    expect(describeIndependence(summariseIndependence([e("a", "reports", "on_record"), e("b", "confirms", "anonymous")]))).toBe(
      "2 independent reports (1 on the record, 1 anonymous)",
    );
    expect(describeIndependence(summariseIndependence([]))).toBe("No reports or responses yet");
  });
});
