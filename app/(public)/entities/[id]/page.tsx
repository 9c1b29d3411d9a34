import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { ClaimList } from "@/components/claims/claim-list";
import { StatusBadge } from "@/components/claims/status-badge";
import { DateTime } from "@/components/ui/date-time";
import { TAG, tagRender } from "@/lib/cache/tags";
import { getPublicEntity } from "@/lib/claims/queries";
import { newsroomTimeZone, siteConfig } from "@/lib/env";
import { SOURCING_LABEL, STANCE_LABEL } from "@/lib/evidence/stance";
import { siteCardImage } from "@/lib/og/site-card";

// Cached like claim pages (on-demand ISR; docs/caching.md).
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams(): { id: string }[] {
  return [];
}

const load = cache(async (id: string) => {
  if (!z.uuid().safeParse(id).success) return null;
  const found = await getPublicEntity(id);
  if (found) {
    // Its own page, and the names of others it shows: its affiliation, and the outlets and
    // speakers of the evidence listed. Writes to the claims listed expire this entity's tag.
    const named = [
      found.entity.id,
      found.entity.affiliation?.id,
      ...[...found.published, ...found.spoken].flatMap((row) => [row.outlet?.id, row.speaker?.id]),
    ].filter((value): value is string => Boolean(value));
    await tagRender(named.map(TAG.entity), TAG.filters);
  }
  return found;
});

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await load((await params).id);
  if (!found) return { title: "Not found" };
  const site = siteConfig();
  const { entity } = found;
  const url = `${site.url}/entities/${entity.id}`;
  const description = `Claims about ${entity.name}, and what they reported or said, tracked by Claimtrail.`;
  const image = siteCardImage(site);
  return {
    title: entity.name,
    description,
    alternates: { canonical: url },
    // A person's page is a profile; an organisation's, a page of the site.
    openGraph: { type: entity.kind === "person" ? "profile" : "website", url, siteName: site.name, title: entity.name, description, images: [image] },
    twitter: { card: "summary_large_image", title: entity.name, description, images: [{ url: image.url, alt: image.alt }] },
  };
}

type EvidenceRow = NonNullable<Awaited<ReturnType<typeof getPublicEntity>>>["published"][number];

function EvidenceRows({ rows, show, timeZone }: { rows: EvidenceRow[]; show: "speaker" | "outlet"; timeZone: string }) {
  return (
    <ul className="divide-y divide-rule border-y border-rule">
      {rows.map((row) => (
        <li key={row.id} className="py-4">
          <p className="text-sm text-muted">
            {STANCE_LABEL[row.stance]} · {SOURCING_LABEL[row.sourcing]}
            {row.publishedAt ? (
              <>
                {" · "}
                <DateTime value={row.publishedAt} timeZone={timeZone} />
              </>
            ) : null}
            {show === "outlet" && row.outlet ? <> · in {row.outlet.name}</> : null}
            {show === "speaker" && row.speaker ? <> · {row.speaker.name}</> : null}
          </p>
          <p className="mt-1 font-serif text-lg">
            <a href={row.url} rel="noopener noreferrer nofollow" className="underline decoration-rule underline-offset-4">
              {row.headline}
            </a>
          </p>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm">
            On the claim: <StatusBadge status={row.claim.status} />
            <Link href={`/claims/${row.claim.slug}`} className="underline underline-offset-2">
              {row.claim.statement}
            </Link>
          </p>
        </li>
      ))}
    </ul>
  );
}

export default async function EntityPage({ params }: Props) {
  const found = await load((await params).id);
  if (!found) notFound();
  const { entity, claims, published, spoken } = found;
  // Read once: the zone is parsed from the environment, and a page can list 200 pieces of evidence.
  const timeZone = newsroomTimeZone();
  return (
    <>
      <p className="text-sm font-semibold uppercase tracking-wider text-muted">{entity.kind === "person" ? "Person" : "Organisation"}</p>
      <h1 className="mt-1 font-serif text-3xl font-bold">{entity.name}</h1>
      <p className="mt-1 text-muted">
        {[entity.description, entity.affiliation?.name, entity.domain].filter(Boolean).join(" · ")}
      </p>
      {claims.length > 0 ? (
        <section aria-labelledby="about" className="mt-8">
          <h2 id="about" className="mb-3 font-serif text-2xl font-bold">
            Claims about {entity.name}
          </h2>
          <ClaimList claims={claims} label={`Claims about ${entity.name}`} timeZone={timeZone} />
        </section>
      ) : null}
      {published.length > 0 ? (
        <section aria-labelledby="published" className="mt-8">
          <h2 id="published" className="mb-3 font-serif text-2xl font-bold">
            Evidence from {entity.name}
          </h2>
          <EvidenceRows rows={published} show="speaker" timeZone={timeZone} />
        </section>
      ) : null}
      {spoken.length > 0 ? (
        <section aria-labelledby="spoken" className="mt-8">
          <h2 id="spoken" className="mb-3 font-serif text-2xl font-bold">
            What {entity.name} said
          </h2>
          <EvidenceRows rows={spoken} show="outlet" timeZone={timeZone} />
        </section>
      ) : null}
    </>
  );
}
