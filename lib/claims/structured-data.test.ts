import { describe, expect, it } from "vitest";
import { claimPageReview, claimReviewJsonLd, hasVerdict, jsonForScript } from "@/lib/claims/structured-data";
import { describeIssues, validateJsonLd } from "@/tests/setup/structured-data";

const site = { name: "Demo Newsroom", url: "https://news.example", logoUrl: "https://news.example/icon.svg" };
const trump = { name: "Donald Trump", kind: "person" as const };
const claim = {
  slug: "congress-174-billion-ukraine",
  statement: "Congress appropriated more than US$174 billion for Ukraine under President Biden, according to the US Government Accountability Office.",
  verdictAt: new Date("2024-11-11T09:00:00Z"),
  evidence: [
    { url: "https://a.example/2", headline: "Later", stance: "reports" as const, publishedAt: new Date("2024-11-02"), outlet: { name: "B" }, speaker: trump },
    { url: "https://a.example/1", headline: "First", stance: "reports" as const, publishedAt: new Date("2024-11-01"), outlet: { name: "A" }, speaker: null },
    { url: "https://gao.example", headline: "GAO", stance: "denies" as const, publishedAt: null, outlet: null, speaker: { name: "GAO", kind: "organisation" as const } },
  ],
};

describe("ClaimReview", () => {
  it("carries Google's required and recommended fields for a verdict", () => {
    const json = claimReviewJsonLd({ ...claim, status: "confirmed" }, site)!;
    expect(json).toMatchObject({
      "@type": "ClaimReview",
      url: "https://news.example/claims/congress-174-billion-ukraine",
      datePublished: "2024-11-11T09:00:00.000Z",
      author: { "@type": "Organization", name: "Demo Newsroom", url: "https://news.example" },
      reviewRating: { ratingValue: 5, bestRating: 5, worstRating: 1, name: "Confirmed", alternateName: "Confirmed" },
      itemReviewed: {
        "@type": "Claim",
        // The first report names no one; the next one names who said it.
        author: { "@type": "Person", name: "Donald Trump" },
        firstAppearance: { "@type": "CreativeWork", url: "https://a.example/1", headline: "First", name: "First", publisher: { "@type": "Organization", name: "A" } },
        datePublished: "2024-11-01T00:00:00.000Z",
      },
    });
    expect((json.itemReviewed as { appearance: { url: string }[] }).appearance.map((item) => item.url)).toEqual(["https://a.example/1", "https://a.example/2"]);
  });

  it("reviews the whole statement, however long", () => {
    const long = `${"A very long statement ".repeat(30)}that ends here.`;
    expect(claimReviewJsonLd({ ...claim, statement: long, status: "false" }, site)?.claimReviewed).toBe(long);
  });

  it("attributes the claim to an organisation, or to no one when every source is anonymous", () => {
    const byGao = claimReviewJsonLd({ ...claim, status: "false", evidence: [{ ...claim.evidence[2]!, stance: "confirms" }] }, site)!;
    expect(byGao.itemReviewed).toMatchObject({ author: { "@type": "Organization", name: "GAO" } });
    const anonymous = claimReviewJsonLd({ ...claim, status: "false", evidence: [claim.evidence[1]!] }, site)!;
    expect(anonymous.itemReviewed).not.toHaveProperty("author");
  });

  it("is absent for process states: unverified, corroborated, disputed", () => {
    for (const status of ["unverified", "corroborated", "disputed"] as const) {
      expect(hasVerdict(status)).toBe(false);
      expect(claimReviewJsonLd({ ...claim, status }, site)).toBeNull();
    }
    expect(claimReviewJsonLd({ ...claim, status: "false" }, site)?.reviewRating).toMatchObject({ ratingValue: 1, name: "False", alternateName: "False" });
    expect(claimPageReview({ ...claim, status: "false", transitions: [] }, site)).toBeNull();
  });

  it("passes schema.org's vocabulary and Google's ClaimReview properties without an error or a warning", async () => {
    for (const status of ["confirmed", "false", "retracted"] as const) {
      const json = claimPageReview({ ...claim, status, transitions: [{ createdAt: claim.verdictAt }] }, site)!;
      const issues = await validateJsonLd([json]);
      console.log(describeIssues(`a ${status} ClaimReview`, issues));
      expect(issues).toEqual([]);
    }
  });

  it("the validator is not a rubber stamp: it reports what is missing or unknown", async () => {
    const json = claimReviewJsonLd({ ...claim, status: "false" }, site)!;
    const { reviewRating, ...withoutRating } = json;
    const broken = { ...withoutRating, reviewRating: { ...(reviewRating as object), alternateName: undefined }, itemReviewed: { "@type": "Claim", madeUp: 1 } };
    const messages = (await validateJsonLd([broken])).map((issue) => `${issue.severity} ${issue.issueMessage}`);
    expect(messages).toContain('ERROR Required attribute "reviewRating.alternateName" is missing');
    expect(messages).toContain('WARNING Missing field "firstAppearance" (optional)');
    expect(messages).toContain('WARNING Property "madeUp" for type "Claim" is not supported by the schema.org specification');
    const withoutClaim = { ...json, claimReviewed: undefined };
    expect((await validateJsonLd([withoutClaim])).map((issue) => issue.issueMessage)).toContain('Required attribute "claimReviewed" is missing');
  });

  it("cannot close its script element", () => {
    expect(jsonForScript({ x: "</script><script>alert(1)</script>" })).not.toContain("</script>");
  });
});
