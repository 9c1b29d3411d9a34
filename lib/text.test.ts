import { describe, expect, it } from "vitest";
import { z } from "zod";
import { escapeLike, isStorableText, storableText, truncateText, UNSTORABLE_TEXT } from "@/lib/text";

const HIGH = "\ud83d";
const LOW = "\ude00";
const EMOJI = `${HIGH}${LOW}`; // 😀, a well-formed surrogate pair

describe("isStorableText", () => {
  it("accepts any well-formed text without U+0000", () => {
    for (const value of ["", "plain", "ドローン", EMOJI, "\u202eRTL\u202c", "zero\u200bwidth\ufeff", "\u0001\u001f\u007f", "\ufffe\uffff", "'); DROP TABLE claims; --"]) {
      expect(isStorableText(value), JSON.stringify(value)).toBe(true);
    }
  });

  it("refuses U+0000 anywhere and unpaired surrogates of either kind", () => {
    for (const value of ["\u0000", "a\u0000b", "end\u0000", HIGH, LOW, `a${HIGH}`, `${LOW}a`, `${LOW}${HIGH}`, `${EMOJI}${HIGH}`]) {
      expect(isStorableText(value), JSON.stringify(value)).toBe(false);
    }
  });
});

describe("storableText", () => {
  const schema = storableText("The statement").trim().min(1, { error: "The statement is required" }).max(5, { error: "Too long" });

  it("passes storable text through to the checks that follow", () => {
    expect(schema.parse("  abc  ")).toBe("abc");
    expect(schema.safeParse("abcdefgh").error?.issues.map((issue) => issue.message)).toEqual(["Too long"]);
  });

  it("refuses NUL and lone surrogates with one clear message, whatever the length", () => {
    for (const value of ["a\u0000", `${HIGH}`, `${"x".repeat(100)}\u0000`]) {
      const result = schema.safeParse(value);
      expect(result.error?.issues.map((issue) => issue.message)).toEqual([`The statement ${UNSTORABLE_TEXT}`]);
    }
  });

  it("names a missing field", () => {
    expect(schema.safeParse(undefined).error?.issues[0]?.message).toBe("The statement is required");
    expect(z.object({ name: storableText() }).safeParse({}).error?.issues[0]?.message).toBe("This field is required");
  });
});

describe("escapeLike", () => {
  it("makes LIKE's wildcards and its escape character literal, and leaves the rest", () => {
    expect(escapeLike("100% _sure_ \\ ok")).toBe("100\\% \\_sure\\_ \\\\ ok");
    expect(escapeLike("plain text")).toBe("plain text");
  });
});

describe("truncateText", () => {
  it("keeps short text and cuts long text at the limit", () => {
    expect(truncateText("abc", 5)).toBe("abc");
    expect(truncateText("abcdef", 3)).toBe("abc");
  });

  it("never leaves half a surrogate pair at the end", () => {
    expect(truncateText(`ab${EMOJI}`, 3)).toBe("ab");
    expect(truncateText(`ab${EMOJI}`, 4)).toBe(`ab${EMOJI}`);
    expect(isStorableText(truncateText(EMOJI.repeat(150), 201))).toBe(true);
  });
});
