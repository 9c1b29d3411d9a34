import { describe, expect, it } from "vitest";
import { claimReviewJsonLd, hasVerdict, jsonForScript, shortClaim } from "@/lib/claims/structured-data";

const site = { name: "Demo Newsroom", url: "https://news.example", logoUrl: "https://news.example/icon.svg" };
const claim = {
  slug: "congress-174-billion-ukraine",
  statement: "Congress appropriated more than US$174 billion for Ukraine under President Biden, according to the GAO.",
  verdictAt: new Date("2024-11-11T09:00:00Z"),
  evidence: [
    { url: "https://a.example/2", headline: "Later", stance: "reports" as const, publishedAt: new Date("2024-11-02"), outlet: { name: "B" } },
    { url: "https://a.example/1", headline: "First", stance: "reports" as const, publishedAt: new Date("2024-11-01"), outlet: { name: "A" } },
    { url: "https://gao.example", headline: "GAO", stance: "confirms" as const, publishedAt: null, outlet: null },
  ],
};

describe("ClaimReview", () => {
  it("carries Google's required and recommended fields for a verdict", () => {
    const json = claimReviewJsonLd({ ...claim, status: "confirmed" }, site)!;
    expect(json).toMatchObject({
      "@type": "ClaimReview",
      url: "https://news.example/claims/congress-174-billion-ukraine",
      datePublished: "2024-11-11T09:00:00.000Z",
      author: { "@type": "Organization", name: "Demo Newsroom" },
      reviewRating: { ratingValue: 5, bestRating: 5, worstRating: 1, alternateName: "Confirmed" },
      itemReviewed: { "@type": "Claim", firstAppearance: { url: "https://a.example/1" }, datePublished: "2024-11-01T00:00:00.000Z" },
    });
    expect(String(json.claimReviewed).length).toBeLessThan(75);
  });

  it("is absent for process states: unverified, corroborated, disputed", () => {
    for (const status of ["unverified", "corroborated", "disputed"] as const) {
      expect(hasVerdict(status)).toBe(false);
      expect(claimReviewJsonLd({ ...claim, status }, site)).toBeNull();
    }
    expect(claimReviewJsonLd({ ...claim, status: "false" }, site)?.reviewRating).toMatchObject({ ratingValue: 1, alternateName: "False" });
  });

  it("shortens at a word and keeps short statements whole", () => {
    expect(shortClaim("Trump said he could end the war in a day.")).toBe("Trump said he could end the war in a day.");
    const short = shortClaim(claim.statement);
    expect(short.endsWith("…")).toBe(true);
    expect(claim.statement.startsWith(short.slice(0, -1))).toBe(true);
  });

  it("cannot close its script element", () => {
    expect(jsonForScript({ x: "</script><script>alert(1)</script>" })).not.toContain("</script>");
  });
});
