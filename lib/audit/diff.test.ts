import { describe, expect, it } from "vitest";
import { createdFields, diffFields } from "@/lib/audit/diff";

describe("diffFields", () => {
  it("lists only what changed, comparing dates by instant and arrays as sets", () => {
    const before = { statement: "A", tags: ["x", "y"], eventDate: new Date("2024-11-07T00:00:00Z"), context: "" };
    expect(diffFields(before, { statement: "B", tags: ["y", "x"], eventDate: new Date("2024-11-07T00:00:00Z"), context: "" })).toEqual({
      statement: { from: "A", to: "B" },
    });
    expect(diffFields(before, { tags: ["x"] })).toEqual({ tags: { from: ["x", "y"], to: ["x"] } });
  });

  it("records a creation without its empty fields", () => {
    expect(createdFields({ name: "Reuters", domain: null, tags: [], description: "" })).toEqual({ name: { from: null, to: "Reuters" } });
  });
});
