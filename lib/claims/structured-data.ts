// schema.org ClaimReview for claims that carry a verdict (Google's fact-check markup, read by
// Google's Fact Check Explorer and other fact-check aggregators). Pure. Unverified, corroborated
// and disputed are stages of our process, not ratings: they get none.
import type { SiteConfig } from "@/lib/env";
import type { EntityKind, Stance, VerificationStatus } from "@/lib/generated/prisma/enums";

/** `name` is the verdict's one word; `alternateName`, what Google shows as the textual rating. */
const RATINGS: Partial<Record<VerificationStatus, { value: number; name: string; alternateName: string }>> = {
  confirmed: { value: 5, name: "Confirmed", alternateName: "Confirmed" },
  retracted: { value: 2, name: "Retracted", alternateName: "Retracted: the original report was withdrawn" },
  false: { value: 1, name: "False", alternateName: "False" },
};

/** The stances of evidence that put the claim forward: where the claim appears. */
const STATES_THE_CLAIM: readonly Stance[] = ["reports", "confirms"];

export function hasVerdict(status: VerificationStatus): boolean {
  return status in RATINGS;
}

type Party = { name: string; kind: EntityKind };

type ReviewInput = {
  slug: string;
  statement: string;
  status: VerificationStatus;
  verdictAt: Date;
  evidence: {
    url: string;
    headline: string;
    stance: Stance;
    publishedAt: Date | null;
    outlet: { name: string } | null;
    speaker: Party | null;
  }[];
};

const party = (entity: Party) => ({ "@type": entity.kind === "person" ? "Person" : "Organization", name: entity.name });

/**
 * The ClaimReview of a claim with a verdict, or null. `claimReviewed` is the whole statement, as
 * the page shows it. The claim is attributed to the named speaker of the first report that names
 * one (a person or an organisation); anonymous sourcing attributes it to no one.
 */
export function claimReviewJsonLd(claim: ReviewInput, site: SiteConfig): Record<string, unknown> | null {
  const rating = RATINGS[claim.status];
  if (!rating) return null;
  const reports = claim.evidence
    .filter((item) => STATES_THE_CLAIM.includes(item.stance))
    .sort((a, b) => (a.publishedAt?.getTime() ?? Infinity) - (b.publishedAt?.getTime() ?? Infinity));
  const appearances = reports.map((item) => ({
    "@type": "CreativeWork",
    url: item.url,
    headline: item.headline,
    name: item.headline,
    ...(item.publishedAt ? { datePublished: item.publishedAt.toISOString() } : {}),
    ...(item.outlet ? { publisher: { "@type": "Organization", name: item.outlet.name } } : {}),
  }));
  const first = appearances[0];
  const attributedTo = reports.find((item) => item.speaker)?.speaker;
  const newsroom = { "@type": "Organization", name: site.name, url: site.url, logo: site.logoUrl };
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: `${site.url}/claims/${claim.slug}`,
    claimReviewed: claim.statement,
    datePublished: claim.verdictAt.toISOString(),
    author: newsroom,
    reviewRating: {
      "@type": "Rating",
      ratingValue: rating.value,
      bestRating: 5,
      worstRating: 1,
      name: rating.name,
      alternateName: rating.alternateName,
    },
    itemReviewed: {
      "@type": "Claim",
      ...(attributedTo ? { author: party(attributedTo) } : {}),
      ...(first ? { firstAppearance: first, appearance: appearances } : {}),
      ...(first?.datePublished ? { datePublished: first.datePublished } : {}),
    },
  };
}

/** The claim page's ClaimReview: the verdict dates from the latest move (transitions newest first). */
export function claimPageReview(
  claim: Omit<ReviewInput, "verdictAt"> & { transitions: readonly { createdAt: Date }[] },
  site: SiteConfig,
): Record<string, unknown> | null {
  const latest = claim.transitions[0];
  return latest ? claimReviewJsonLd({ ...claim, verdictAt: latest.createdAt }, site) : null;
}

/** JSON for a <script> element: "<" escaped so the text can never close the element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}
