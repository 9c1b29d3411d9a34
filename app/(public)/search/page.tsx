import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { z } from "zod";
import { StatusBadge } from "@/components/claims/status-badge";
import { Highlighted } from "@/components/ui/highlighted";
import { Pager } from "@/components/ui/pager";
import { SEARCH_QUERY_MAX_LENGTH, searchPublishedClaims } from "@/lib/search/queries";
import { optionalParam, pageParam, parseSearchParams, type RawSearchParams, withParams } from "@/lib/search-params";
import { storableText, truncateText } from "@/lib/text";

export const metadata: Metadata = { title: "Search", robots: { index: false, follow: true } };

// A query too long is cut rather than dropped: the reader still gets results for what they typed.
const ParamsSchema = z.object({
  q: optionalParam(storableText().transform((value) => truncateText(value.trim(), SEARCH_QUERY_MAX_LENGTH))),
  page: pageParam,
});

export default async function SearchPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await connection();
  const { q, page } = parseSearchParams(ParamsSchema, await searchParams);
  const { hits, more } = q ? await searchPublishedClaims(q, page) : { hits: [], more: false };
  return (
    <>
      <h1 className="font-serif text-3xl font-bold">Search claims</h1>
      <form method="get" role="search" className="mt-4 flex gap-2">
        <label htmlFor="q" className="sr-only">
          Search claims
        </label>
        <input id="q" name="q" type="search" defaultValue={q ?? ""} placeholder='Try: Putin call, "pure fiction", drones -Kyiv' className="min-w-0 flex-1 rounded-md border border-rule bg-white px-3 py-2" />
        <button type="submit" className="min-h-11 rounded-md bg-ink px-4 py-2 font-semibold text-white">
          Search
        </button>
      </form>
      {q ? (
        <section aria-label="Search results" className="mt-6">
          {hits.length === 0 ? (
            <p className="rounded-lg border border-dashed border-rule bg-white p-8 text-center text-muted">
              No published claims match “{q}”. Try fewer or different words.
            </p>
          ) : (
            <ol className="divide-y divide-rule border-y border-rule">
              {hits.map((hit) => (
                <li key={hit.slug} className="py-5">
                  <div className="flex items-center gap-2">
                    <StatusBadge status={hit.status} />
                    {hit.fuzzy ? <span className="text-xs text-muted">Similar spelling</span> : null}
                  </div>
                  <h2 className="mt-2 font-serif text-xl leading-snug">
                    <Link href={`/claims/${hit.slug}`} className="hover:underline underline-offset-4">
                      <Highlighted text={hit.statement} />
                    </Link>
                  </h2>
                  {hit.context ? (
                    <p className="mt-1 text-sm text-muted">
                      <Highlighted text={hit.context} />
                    </p>
                  ) : null}
                  {hit.quote ? (
                    <p className="mt-1 text-sm italic">
                      “<Highlighted text={hit.quote} />”
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
          )}
          <Pager page={page} pages={more ? page + 1 : page} href={(target) => withParams("/search", { q, page: target })} />
        </section>
      ) : null}
    </>
  );
}
