import { describe, expect, it } from "vitest";
import { isDecodableReply, replyParts } from "@/lib/http/action-reply";
import { fc, fuzzParameters, hostileReply, mixedText } from "@/tests/fuzz/arbitraries";
import { decodeWithReact, encodeWithReact, type EncodedReply } from "@/tests/fuzz/react-decoder";

function accepts(reply: EncodedReply): boolean {
  const parts = replyParts(typeof reply === "string" ? reply : reply.reduce((form, [name, value]) => (form.append(name, value), form), new FormData()));
  return parts !== null && isDecodableReply(parts);
}

// What a form action's previous state can hold: the form state the server last returned.
const formStateValue = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    mixedText.map((text) => text.slice(0, 100)),
    fc.constantFrom("$", "$K1", "$undefined", "$$"),
    fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.bigInt(), fc.date({ noInvalidDate: false })),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie("value"), { maxKeys: 4, noNullPrototype: true }),
  ),
})).value;

describe("server action replies", () => {
  it("accepts every reply React's encoder writes for action(previousState, formData)", async () => {
    const { seed } = fuzzParameters(0);
    const cases = fc.sample(
      fc.record({
        previous: formStateValue,
        entries: fc.array(fc.tuple(fc.string({ maxLength: 10 }), mixedText.map((text) => text.slice(0, 100))), { maxLength: 5 }),
        withForm: fc.boolean(),
      }),
      { seed, numRuns: 200 },
    );
    for (const { previous, entries, withForm } of cases) {
      const form = new FormData();
      for (const [name, value] of entries) form.append(name, value);
      const reply = await encodeWithReact(withForm ? [previous, form] : [previous]);
      expect(accepts(reply), JSON.stringify(reply).slice(0, 500)).toBe(true);
    }
  });

  it("accepts only replies React's decoder reads without throwing", () => {
    const { seed, numRuns } = fuzzParameters(400);
    const replies = fc.sample(hostileReply, { seed, numRuns });
    const accepted = replies.filter(accepts);
    const errors = decodeWithReact(accepted);
    const failures = accepted.map((reply, index) => ({ reply, error: errors[index] })).filter(({ error }) => error !== null);
    expect(failures.slice(0, 5)).toEqual([]);
    // The generator must reach both sides of the check for the property to mean anything.
    expect(accepted.length).toBeGreaterThan(numRuns / 10);
    expect(replies.length - accepted.length).toBeGreaterThan(numRuns / 10);
  });

  it("refuses what once answered 500", () => {
    for (const body of ["garbage", "[", "true", "null", '{"0":1}', '["$Q0"]', '["$@zz"]', '["$1"]', '["$W1"]', '["$B1"]', '["$h0"]', '["$R1"]', '["$i1"]', '["$nx"]']) {
      expect(accepts(body), body).toBe(false);
    }
    expect(accepts([["_1_email", "a"]])).toBe(false);
    expect(accepts(`${"[".repeat(100)}${"]".repeat(100)}`)).toBe(false);
    expect(accepts('[{"status":"idle"},"$K1"]')).toBe(true);
    expect(accepts([["0", '[{"status":"idle"},"$K1"]'], ["_1_email", "a@b.c"]])).toBe(true);
  });
});
