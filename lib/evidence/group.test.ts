import { describe, expect, it } from "vitest";
import { groupEvidence } from "@/lib/evidence/group";

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
