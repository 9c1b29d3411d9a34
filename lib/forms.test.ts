// Every form schema refuses text the database cannot store, field by field, with one message. A
// browser's FormData already turns an unpaired surrogate into U+FFFD, so the integration tests can
// only send U+0000 through an action; unpaired surrogates are checked here, on the schemas.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AccountCreateSchema, AccountRoleSchema, InvitationAcceptSchema } from "@/lib/accounts/schema";
import { ClaimCreateSchema, ClaimSlugSchema } from "@/lib/claims/schema";
import { EntityCreateSchema } from "@/lib/entities/schema";
import { EvidenceCreateSchema } from "@/lib/evidence/schema";
import { commaList, optionalText, text } from "@/lib/forms";
import { textParam } from "@/lib/search-params";
import { UNSTORABLE_TEXT } from "@/lib/text";
import { StatusMoveSchema } from "@/lib/verification/schema";

const BAD = ["\u0000", "ok\u0000", "\ud800", "x\udfff", "\udc00\ud800"];
const ID = "0190a8c4-7b1e-7c3d-9a2b-123456789abc";

function fieldErrors(schema: z.ZodType, values: Record<string, unknown>) {
  const result = schema.safeParse(values);
  return result.success ? {} : (z.flattenError(result.error).fieldErrors as Record<string, string[] | undefined>);
}

describe("the form helpers", () => {
  it.each(BAD)("refuse %j in a text, an optional text and a comma list", (bad) => {
    expect(text("The headline", { min: 1, max: 50 }).safeParse(`  ${bad}  `).error?.issues.map((issue) => issue.message)).toEqual([`The headline ${UNSTORABLE_TEXT}`]);
    expect(optionalText("The quote", 50).safeParse(bad).error?.issues[0]?.message).toBe(`The quote ${UNSTORABLE_TEXT}`);
    expect(commaList("name", { maxItems: 3, maxLength: 50 }).safeParse(`Jane, ${bad}`).error?.issues[0]?.message).toBe(`A name ${UNSTORABLE_TEXT}`);
  });

  it("keep accepting what is storable, however odd", () => {
    expect(text("The headline", { max: 50 }).parse(" \u202eright-to-left\u200b 😀 ")).toBe("\u202eright-to-left\u200b 😀");
    expect(commaList("name", { maxItems: 3, maxLength: 50 }).parse("%, _ ,\\")).toEqual(["%", "_", "\\"]);
  });
});

describe("every form schema", () => {
  const claim = { statement: "A claim.", tags: "", entityIds: "", newPeople: "", newOrganisations: "" };
  const evidence = { claimId: ID, url: "https://news.example/a", headline: "A headline", stance: "reports", sourcing: "on_record" };
  const cases: [string, z.ZodType, Record<string, unknown>, string, string][] = [
    ["claim statement", ClaimCreateSchema, claim, "statement", "The statement"],
    ["claim context", ClaimCreateSchema, claim, "context", "The context"],
    ["claim tags", ClaimCreateSchema, claim, "tags", "A tag"],
    ["claim new organisations", ClaimCreateSchema, claim, "newOrganisations", "A name"],
    ["evidence url", EvidenceCreateSchema, evidence, "url", "The web address"],
    ["evidence headline", EvidenceCreateSchema, evidence, "headline", "The headline"],
    ["evidence new outlet", EvidenceCreateSchema, evidence, "newOutletName", "The outlet's name"],
    ["evidence outlet domain", EvidenceCreateSchema, evidence, "newOutletDomain", "The outlet's domain"],
    ["evidence new speaker", EvidenceCreateSchema, evidence, "newSpeakerName", "The speaker's name"],
    ["evidence quote", EvidenceCreateSchema, evidence, "quote", "The quote"],
    ["entity name", EntityCreateSchema, { kind: "organisation", name: "A" }, "name", "The name"],
    ["entity description", EntityCreateSchema, { kind: "organisation", name: "A" }, "description", "The description"],
    ["entity domain", EntityCreateSchema, { kind: "organisation", name: "A" }, "domain", "The domain"],
    ["status rationale", StatusMoveSchema, { claimId: ID, fromStatus: "unverified", toStatus: "disputed" }, "rationale", "The rationale"],
    ["account name", AccountCreateSchema, { email: "a@b.example", role: "editor" }, "name", "The name"],
    ["account id", AccountRoleSchema, { role: "editor" }, "userId", "The account"],
    ["invitation token", InvitationAcceptSchema, { password: "a long passphrase", confirm: "a long passphrase" }, "token", "The invitation link"],
  ];

  it.each(cases)("refuses unstorable text in the %s", (_name, schema, valid, field, label) => {
    for (const bad of BAD) {
      const value = field === "token" ? `${"a".repeat(30)}${bad}` : `Something ${bad}`;
      expect(fieldErrors(schema, { ...valid, [field]: value })[field], JSON.stringify(value)).toEqual([`${label} ${UNSTORABLE_TEXT}`]);
    }
  });

  it("keeps each tag once, whatever its case", () => {
    expect(ClaimCreateSchema.parse({ ...claim, tags: "Budget, budget, BUDGET, war" }).tags).toEqual(["budget", "war"]);
  });

  it("refuses the year 0, which PostgreSQL has not got", () => {
    expect(fieldErrors(ClaimCreateSchema, { ...claim, eventDate: "0000-06-01" }).eventDate).toEqual(["Enter a year from 1 onwards"]);
    expect(fieldErrors(EvidenceCreateSchema, { ...evidence, outletId: ID, publishedAt: "0000-06-01T12:00" }).publishedAt).toEqual(["Enter a year from 1 onwards"]);
    expect(ClaimCreateSchema.parse({ ...claim, eventDate: "0001-01-01" }).eventDate).toBe("0001-01-01");
  });
});

describe("URL parameters", () => {
  it("a claim slug is only what slugify makes", () => {
    expect(ClaimSlugSchema.safeParse("trump-spoke-with-putin-2").success).toBe(true);
    for (const bad of [...BAD, "", "Trump", "a--b", "-a", "a".repeat(101), "%00", "trump-spoke-with-putin\u0000"]) {
      expect(ClaimSlugSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it("a text filter that cannot be stored, or is too long, is ignored", () => {
    const filter = textParam(40);
    expect(filter.parse("ukraine-war")).toBe("ukraine-war");
    for (const bad of [...BAD, "x".repeat(41)]) expect(filter.parse(bad), JSON.stringify(bad)).toBeUndefined();
  });
});
