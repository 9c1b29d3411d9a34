import { describe, expect, it } from "vitest";
import { EvidenceCreateSchema, EvidenceUrlSchema } from "@/lib/evidence/schema";

describe("evidence URLs", () => {
  it.each(["https://www.reuters.com/world/x", "http://cbc.ca/news?id=1"])("accepts %s", (url) => {
    expect(EvidenceUrlSchema.safeParse(url).success).toBe(true);
  });
  it.each(["javascript:alert(1)", "data:text/html,x", "/relative", "ftp://x.example/f", "https://localhost/x", `https://x.example/${"a".repeat(2100)}`])(
    "refuses %s",
    (url) => {
      expect(EvidenceUrlSchema.safeParse(url).success).toBe(false);
    },
  );
});

describe("evidence form rules", () => {
  const base = { claimId: "0193a000-0000-7000-8000-000000000001", url: "https://a.example/x", headline: "H", stance: "reports", sourcing: "anonymous" };
  it("wants a named speaker or an anonymous description, not both", () => {
    const result = EvidenceCreateSchema.safeParse({ ...base, newSpeakerName: "Peskov", speakerDescription: "a source" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["speakerDescription"]);
  });
  it("wants the source and the kind of derivation together", () => {
    expect(EvidenceCreateSchema.safeParse({ ...base, derivation: "republishes" }).success).toBe(false);
    expect(EvidenceCreateSchema.safeParse({ ...base, derivedFromId: base.claimId, derivation: "republishes" }).success).toBe(true);
  });
});
