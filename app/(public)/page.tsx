import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { ClaimList } from "@/components/claims/claim-list";
import { StatusSelect } from "@/components/claims/status-select";
import { Pager } from "@/components/ui/pager";
import { cachedData } from "@/lib/cache/data";
import { TAG } from "@/lib/cache/tags";
import { listPublicFilterOptions, listPublishedClaims } from "@/lib/claims/queries";
import { newsroomTimeZone, siteConfig } from "@/lib/env";
import { VerificationStatus } from "@/lib/generated/prisma/enums";
import { siteCardImage } from "@/lib/og/site-card";
import { optionalParam, pageParam, parseSearchParams, type RawSearchParams, textParam, withParams } from "@/lib/search-params";

// Absolute addresses from the running APP_URL, read per request.
export function generateMetadata(): Metadata {
  const site = siteConfig();
  const url = site.url;
  const title = `Claims we are tracking · ${site.name}`;
  const description = "What has been reported, what the evidence says, and where each claim stands now.";
  const image = siteCardImage(site);
  return {
    alternates: { canonical: url, types: { "application/atom+xml": `${site.url}/feeds/changes.xml` } },
    openGraph: { type: "website", url, siteName: site.name, title, description, images: [image] },
    twitter: { card: "summary_large_image", title, description, images: [{ url: image.url, alt: image.alt }] },
  };
}

const FiltersSchema = z.object({
  status: optionalParam(z.enum(Object.values(VerificationStatus))),
  tag: textParam(40),
  about: optionalParam(z.uuid()),
  outlet: optionalParam(z.uuid()),
  page: pageParam,
});

const SELECT = "mt-1 block w-full rounded-md border border-rule bg-white px-3 py-2 font-normal";

// Rendered per request (the filters are in the query string), from cached data: a hit asks
// PostgreSQL nothing. docs/caching.md.
export default async function HomePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const filters = parseSearchParams(FiltersSchema, await searchParams);
  const filtered = Boolean(filters.status || filters.tag || filters.about || filters.outlet);
  const query = { status: filters.status, tag: filters.tag, entityId: filters.about, outletId: filters.outlet, page: filters.page };
  const [{ claims, total, pages }, options] = await Promise.all([
    // Filters that match nothing (a made-up topic, a page past the end) are answered, not kept.
    cachedData(["home", JSON.stringify(query)], [TAG.claims], () => listPublishedClaims(query), (found) => found.claims.length > 0 || (!filtered && filters.page === 1)),
    cachedData(["filters"], [TAG.filters], listPublicFilterOptions),
  ]);

  return (
    <>
      <h1 className="font-serif text-3xl font-bold tracking-tight sm:text-4xl">Claims we are tracking</h1>
      <p className="mt-2 text-muted">What has been reported, what the evidence says, and where each claim stands now.</p>

      <form method="get" action="/search" role="search" className="mt-6 flex gap-2">
        <label htmlFor="home-search" className="sr-only">
          Search claims
        </label>
        <input id="home-search" name="q" type="search" placeholder="Search claims, people, quotes…" className="min-w-0 flex-1 rounded-md border border-rule bg-white px-3 py-2" />
        <button type="submit" className="min-h-11 rounded-md bg-ink px-4 py-2 font-semibold text-white">
          Search
        </button>
      </form>

      <details className="mt-4 rounded-lg border border-rule bg-white p-4" open={filtered}>
        <summary className="cursor-pointer text-sm font-semibold">Filter claims</summary>
        <form method="get" className="mt-3 grid gap-3 sm:grid-cols-2" aria-label="Filter claims">
          <StatusSelect value={filters.status} className={SELECT} />
          <label className="text-sm font-semibold">
            Topic
            <select name="tag" defaultValue={filters.tag ?? ""} className={SELECT}>
              <option value="">Any topic</option>
              {options.tags.map((tag) => (
                <option key={tag} value={tag}>
                  {tag}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm font-semibold">
            About
            <select name="about" defaultValue={filters.about ?? ""} className={SELECT}>
              <option value="">Anyone</option>
              {options.entities.map((entity) => (
                <option key={entity.id} value={entity.id}>
                  {entity.name}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm font-semibold">
            Reported by
            <select name="outlet" defaultValue={filters.outlet ?? ""} className={SELECT}>
              <option value="">Any outlet</option>
              {options.outlets.map((outlet) => (
                <option key={outlet.id} value={outlet.id}>
                  {outlet.name}
                </option>
              ))}
            </select>
          </label>
          <div className="flex gap-3 sm:col-span-2">
            <button type="submit" className="min-h-11 rounded-md bg-ink px-4 py-2 font-semibold text-white">
              Apply
            </button>
            {filtered ? (
              <Link href="/" className="inline-flex min-h-11 items-center px-2 text-sm font-semibold text-muted hover:text-ink">
                Clear filters
              </Link>
            ) : null}
          </div>
        </form>
      </details>

      {claims.length === 0 ? (
        <p className="mt-10 rounded-lg border border-dashed border-rule bg-white p-8 text-center text-muted">
          {filtered ? "No published claims match these filters." : "No claims have been published yet."}
        </p>
      ) : (
        <>
          <p className="mt-6 text-sm text-muted">{total === 1 ? "1 claim" : `${total} claims`}, newest activity first</p>
          <div className="mt-2">
            <ClaimList claims={claims} label="Published claims" timeZone={newsroomTimeZone()} />
          </div>
          <Pager page={filters.page} pages={pages} href={(page) => withParams("/", { ...filters, page })} />
        </>
      )}
    </>
  );
}
