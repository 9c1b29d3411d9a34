import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { EvidenceList } from "@/components/claims/evidence-list";
import { EvidenceSummary } from "@/components/claims/evidence-summary";
import { IndependenceLine } from "@/components/claims/independence-line";
import { StatusBadge } from "@/components/claims/status-badge";
import { StatusTimeline } from "@/components/claims/status-timeline";
import { DateTime } from "@/components/ui/date-time";
import { TAG, tagRender } from "@/lib/cache/tags";
import { formatEventDate } from "@/lib/claims/format";
import { getPublishedClaim } from "@/lib/claims/queries";
import { ClaimSlugSchema } from "@/lib/claims/schema";
import { STATUS_INFO } from "@/lib/claims/status";
import { claimPageReview, jsonForScript } from "@/lib/claims/structured-data";
import { oEmbedUrl } from "@/lib/embeds/oembed";
import { newsroomTimeZone, siteConfig } from "@/lib/env";
import { describeIndependence, summariseIndependence } from "@/lib/evidence/independence";
import { CARD_SIZE } from "@/lib/og/card-size";
import { cardAlt, claimOgTitle } from "@/lib/og/card-text";

// Rendered on a reader's first visit, then served from the cache (on-demand ISR) until a write
// expires one of its tags (lib/cache/invalidate.ts) or an hour passes. Not-found answers are never
// stored (lib/cache/handler.mjs). docs/caching.md.
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams(): { slug: string }[] {
  return [];
}

// One query per render, shared by the metadata and the page. A slug that cannot exist is a miss
// without asking the database.
const loadClaim = cache(async (slug: string) => {
  const parsed = ClaimSlugSchema.safeParse(slug);
  if (!parsed.success) return null;
  const claim = await getPublishedClaim(parsed.data);
  if (claim) {
    const named = [
      ...claim.entities.map(({ entity }) => entity.id),
      ...claim.evidence.flatMap((item) => [item.outlet?.id, item.speaker?.id]),
    ].filter((id): id is string => Boolean(id));
    await tagRender([TAG.claim(claim.slug), ...named.map(TAG.entity)], TAG.filters);
  }
  return claim;
});

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const claim = await loadClaim((await params).slug);
  if (!claim) return { title: "Claim not found" };
  const site = siteConfig();
  const info = STATUS_INFO[claim.status];
  const latest = claim.transitions[0];
  const description = `${info.label}: ${latest?.fromStatus ? latest.rationale : info.meaning}`.slice(0, 300);
  const path = `/claims/${claim.slug}`;
  // Absolute addresses from the running APP_URL (not the build's).
  const url = `${site.url}${path}`;
  // Link previews cut titles at about 70 characters: the status and the statement's opening words.
  // The whole statement is the page's title and h1, and the card's alt text.
  const title = claimOgTitle(claim.status, claim.statement);
  const image = {
    url: `${url}/card.png`,
    width: CARD_SIZE.width,
    height: CARD_SIZE.height,
    type: "image/png",
    alt: cardAlt({ status: claim.status, statement: claim.statement, independence: describeIndependence(summariseIndependence(claim.evidence)), newsroom: site.name }),
  };
  return {
    title: claim.statement,
    description,
    alternates: {
      canonical: url,
      types: {
        "application/atom+xml": `${url}/feed.xml`,
        // oEmbed discovery (oembed.com, section 4): a CMS given this page's address finds the embed.
        "application/json+oembed": [{ url: oEmbedUrl(site, claim.slug), title: `${info.label}: ${claim.statement}` }],
      },
    },
    openGraph: {
      type: "article",
      url,
      siteName: site.name,
      title,
      description,
      publishedTime: claim.publishedAt?.toISOString(),
      modifiedTime: claim.updatedAt.toISOString(),
      tags: claim.tags,
      images: [image],
    },
    twitter: { card: "summary_large_image", title, description, images: [{ url: image.url, alt: image.alt }] },
  };
}

export default async function ClaimPage({ params }: Props) {
  const claim = await loadClaim((await params).slug);
  if (!claim) notFound();

  const latest = claim.transitions[0];
  const info = STATUS_INFO[claim.status];
  // Readers see times in the newsroom's zone, named next to each time.
  const timeZone = newsroomTimeZone();
  const review = claimPageReview(claim, siteConfig());

  return (
    <article>
      {review ? <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(review) }} /> : null}
      <p className="text-sm">
        <Link href="/" className="text-muted hover:text-ink">
          ← All claims
        </Link>
      </p>

      <header className="mt-4">
        <p className="text-sm font-semibold uppercase tracking-wider text-muted">Claim</p>
        <h1 className="mt-1 font-serif text-3xl font-bold leading-tight tracking-tight sm:text-4xl">{claim.statement}</h1>
        {claim.eventDate ? (
          <p className="mt-2 text-sm text-muted">
            Alleged event: {formatEventDate(claim.eventDate, claim.eventDatePrecision)}
          </p>
        ) : null}
      </header>

      <section aria-labelledby="verdict" className="mt-6 rounded-lg border border-rule bg-white p-5">
        <h2 id="verdict" className="sr-only">
          Current status
        </h2>
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
          <StatusBadge status={claim.status} size="lg" />
          <p className="text-[0.95rem]">{info.meaning}</p>
        </div>
        <IndependenceLine evidence={claim.evidence} className="mt-4 font-serif text-lg font-semibold leading-snug text-ink sm:text-xl" />
        <EvidenceSummary evidence={claim.evidence} timeZone={timeZone} className="mt-4 border-t border-rule pt-4" />
        {latest && latest.fromStatus ? (
          <div className="mt-4 border-t border-rule pt-4">
            <p className="text-xs font-bold uppercase tracking-wider text-muted">Why</p>
            <p className="mt-1">{latest.rationale}</p>
            <p className="mt-1 text-sm text-muted">
              Changed from {STATUS_INFO[latest.fromStatus].label.toLowerCase()} on{" "}
              <DateTime value={latest.createdAt} timeZone={timeZone} withTime />
            </p>
          </div>
        ) : null}
      </section>

      {claim.context ? <p className="mt-6 text-lg leading-relaxed">{claim.context}</p> : null}

      {claim.entities.length > 0 ? (
        <p className="mt-4 text-sm text-muted">
          About:{" "}
          {claim.entities.map(({ entity }, index) => (
            <span key={entity.id}>
              {index > 0 ? ", " : null}
              <Link href={`/entities/${entity.id}`} className="underline decoration-rule underline-offset-2 hover:text-ink">
                {entity.name}
              </Link>
            </span>
          ))}
        </p>
      ) : null}

      <section aria-labelledby="evidence" className="mt-10">
        <h2 id="evidence" className="mb-4 font-serif text-2xl font-bold">
          Evidence
        </h2>
        <EvidenceList evidence={claim.evidence} timeZone={timeZone} />
      </section>

      <section aria-labelledby="history" className="mt-10">
        <h2 id="history" className="mb-4 font-serif text-2xl font-bold">
          History of this verdict
        </h2>
        <StatusTimeline transitions={claim.transitions} timeZone={timeZone} />
      </section>

      <p className="mt-10 border-t border-rule pt-4 text-sm text-muted">
        Last updated <DateTime value={claim.updatedAt} timeZone={timeZone} withTime />
      </p>
    </article>
  );
}
