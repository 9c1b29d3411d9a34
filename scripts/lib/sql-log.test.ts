import { describe, expect, it } from "vitest";
import { parseParameters } from "./sql-log.ts";

describe("parseParameters (PostgreSQL's logged bind parameters)", () => {
  it("reads quoted values, doubled quotes and NULLs in order", () => {
    expect(parseParameters("Parameters: $1 = 'trump-spoke-with-putin', $2 = NULL, $3 = 'it''s, $4 = ''x'''")).toEqual([
      "trump-spoke-with-putin",
      null,
      "it's, $4 = 'x'",
    ]);
  });

  it("keeps line breaks and empty strings", () => {
    expect(parseParameters("Parameters: $1 = 'a\nb', $2 = ''")).toEqual(["a\nb", ""]);
  });

  it("gives no values when the record has no parameters", () => {
    expect(parseParameters(undefined)).toEqual([]);
    expect(parseParameters("some other detail")).toEqual([]);
  });

  it("refuses a list it cannot read to the end rather than replaying the wrong values", () => {
    expect(() => parseParameters("Parameters: $1 = 'cut off")).toThrow(/Could not read/);
  });
});
