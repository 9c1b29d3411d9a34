import { describe, expect, it } from "vitest";
import { groupEvidence, summariseSides } from "@/lib/evidence/group";

type Item = Parameters<typeof groupEvidence>[0][number];
const item = (id: string, stance: Item["stance"], derivedFrom?: { id: string; derivation: "republishes" | "cites" }): Item => ({
  id,
  stance,
  derivation: derivedFrom?.derivation ?? null,
  derivedFromId: derivedFrom?.id ?? null,
});

describe("groupEvidence", () => {
  it("groups by stance in reading order and drops empty groups", () => {
    const groups = groupEvidence([item("d", "denies"), item("r", "reports"), item("n", "declines_to_comment")]);
    expect(groups.map((group) => group.title)).toEqual(["Reports", "Denials and disputes", "Declined to comment"]);
  });

  it("puts a republication under the report it copies instead of counting it as a report", () => {
    const groups = groupEvidence([
      item("reuters", "reports"),
      item("cbc", "reports", { id: "reuters", derivation: "republishes" }),
      item("wapo", "reports"),
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.items.map(({ item: entry, copies }) => [entry.id, copies.map((copy) => copy.id)])).toEqual([
      ["reuters", ["cbc"]],
      ["wapo", []],
    ]);
  });

  it("follows a chain of copies back to the original", () => {
    const groups = groupEvidence([
      item("copy2", "reports", { id: "copy1", derivation: "republishes" }),
      item("copy1", "reports", { id: "orig", derivation: "republishes" }),
      item("orig", "reports"),
    ]);
    expect(groups[0]?.items).toEqual([{ item: item("orig", "reports"), copies: [expect.objectContaining({ id: "copy2" }), expect.objectContaining({ id: "copy1" })] }]);
  });

  it("keeps a citing report as its own entry, and a copy of missing evidence in its stance group", () => {
    const groups = groupEvidence([
      item("post", "reports"),
      item("cites-post", "reports", { id: "post", derivation: "cites" }),
      item("orphan", "reports", { id: "gone", derivation: "republishes" }),
    ]);
    expect(groups[0]?.items.map(({ item: entry }) => entry.id)).toEqual(["post", "cites-post", "orphan"]);
  });

  it("does not loop forever on a cycle of copies, and still shows each item", () => {
    const groups = groupEvidence([
      item("a", "reports", { id: "b", derivation: "republishes" }),
      item("b", "reports", { id: "a", derivation: "republishes" }),
    ]);
    expect(groups.flatMap((group) => group.items.map(({ item: entry }) => entry.id)).sort()).toEqual(["a", "b"]);
  });
});

describe("summariseSides", () => {
  type Summarisable = Parameters<typeof summariseSides>[0][number];
  const at = (day: number, hour = 12) => new Date(Date.UTC(2024, 10, day, hour));
  const piece = (id: string, stance: Summarisable["stance"], sourcing: Summarisable["sourcing"], publishedAt: Date | null, copyOf?: string): Summarisable => ({
    id,
    stance,
    sourcing,
    publishedAt,
    derivation: copyOf ? "republishes" : null,
    derivedFromId: copyOf ?? null,
  });

  // The Trump–Putin story: the Post first, Reuters later the same day, CBC republishing Reuters,
  // Peskov's on-record denial, Cheung's no-comment, and a piece of context.
  const story = [
    piece("reuters", "reports", "anonymous", at(10, 18)),
    piece("cbc", "reports", "anonymous", at(10, 19), "reuters"),
    piece("wapo", "reports", "anonymous", at(10, 14)),
    piece("peskov", "denies", "on_record", at(11, 9)),
    piece("cheung", "declines_to_comment", "on_record", at(10, 14)),
    piece("background", "context", "document", at(1)),
  ];

  it("names the strongest item for, against and declining to comment, and counts the rest without copies", () => {
    expect(summariseSides(story).map(({ key, title, strongest, others }) => [key, title, strongest.id, others])).toEqual([
      ["for", "For", "wapo", 1],
      ["against", "Against", "peskov", 0],
      ["no-comment", "No comment", "cheung", 0],
    ]);
  });

  it("leaves out a side with nothing on it, and context altogether", () => {
    expect(summariseSides([piece("wapo", "reports", "anonymous", at(10)), piece("background", "context", "document", at(1))]).map((side) => side.key)).toEqual(["for"]);
    expect(summariseSides([])).toEqual([]);
  });

  it("prefers a confirmation to a report, and a denial to a dispute, whatever their dates", () => {
    const sides = summariseSides([
      piece("early-report", "reports", "on_record", at(1)),
      piece("confirmation", "confirms", "anonymous", at(5)),
      piece("early-dispute", "disputes", "on_record", at(1)),
      piece("denial", "denies", "anonymous", at(5)),
    ]);
    expect(sides.map((side) => [side.key, side.strongest.id, side.others])).toEqual([
      ["for", "confirmation", 1],
      ["against", "denial", 1],
    ]);
  });

  it("prefers on the record or a document to an anonymous source, then the earliest, undated last", () => {
    const sides = summariseSides([
      piece("anonymous", "reports", "anonymous", at(1)),
      piece("undated-on-record", "reports", "on_record", null),
      piece("later-document", "reports", "document", at(3)),
      piece("on-record", "reports", "on_record", at(2)),
    ]);
    expect(sides[0]?.strongest.id).toBe("on-record");
    expect(summariseSides([piece("b", "denies", "on_record", null), piece("a", "denies", "on_record", null)])[0]?.strongest.id).toBe("a");
  });

  it("never picks a republication over the report it copies", () => {
    const sides = summariseSides([piece("wire", "reports", "anonymous", at(2)), piece("copy-on-record", "reports", "on_record", at(1), "wire")]);
    expect(sides).toEqual([{ key: "for", title: "For", strongest: expect.objectContaining({ id: "wire" }), others: 0 }]);
  });
});
