// schema.org ClaimReview for claims that carry a verdict (Google's fact-check markup). Pure.
// Unverified, corroborated and disputed are stages of our process, not ratings: they get none.
import type { SiteConfig } from "@/lib/env";
import type { Stance, VerificationStatus } from "@/lib/generated/prisma/enums";

const RATINGS: Partial<Record<VerificationStatus, { value: number; name: string }>> = {
  confirmed: { value: 5, name: "Confirmed" },
  retracted: { value: 2, name: "Retracted: the original report was withdrawn" },
  false: { value: 1, name: "False" },
};

export function hasVerdict(status: VerificationStatus): boolean {
  return status in RATINGS;
}

/** Google asks for claimReviewed under 75 characters: the statement, or its opening words. */
export function shortClaim(statement: string, max = 74): string {
  if (statement.length <= max) return statement;
  const cut = statement.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max / 2)).replace(/[\s,;:.]+$/, "")}…`;
}

type ReviewInput = {
  slug: string;
  statement: string;
  status: VerificationStatus;
  verdictAt: Date;
  evidence: { url: string; headline: string; stance: Stance; publishedAt: Date | null; outlet: { name: string } | null }[];
};

export function claimReviewJsonLd(claim: ReviewInput, site: SiteConfig): Record<string, unknown> | null {
  const rating = RATINGS[claim.status];
  if (!rating) return null;
  const appearances = claim.evidence
    .filter((item) => item.stance === "reports")
    .sort((a, b) => (a.publishedAt?.getTime() ?? Infinity) - (b.publishedAt?.getTime() ?? Infinity))
    .map((item) => ({
      "@type": "CreativeWork",
      url: item.url,
      headline: item.headline,
      ...(item.publishedAt ? { datePublished: item.publishedAt.toISOString() } : {}),
      ...(item.outlet ? { author: { "@type": "Organization", name: item.outlet.name } } : {}),
    }));
  const newsroom = { "@type": "Organization", name: site.name, url: site.url, logo: site.logoUrl };
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: `${site.url}/claims/${claim.slug}`,
    claimReviewed: shortClaim(claim.statement),
    datePublished: claim.verdictAt.toISOString(),
    author: newsroom,
    reviewRating: { "@type": "Rating", ratingValue: rating.value, bestRating: 5, worstRating: 1, alternateName: rating.name },
    itemReviewed: {
      "@type": "Claim",
      ...(appearances[0] ? { firstAppearance: appearances[0], appearance: appearances } : {}),
      ...(appearances[0]?.datePublished ? { datePublished: appearances[0].datePublished } : {}),
    },
  };
}

/** JSON for a <script> element: "<" escaped so the text can never close the element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}
