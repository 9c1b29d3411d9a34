import type { Metadata, Route } from "next";
import { PublicationSelect } from "@/components/claims/status-select";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { StatusBadge } from "@/components/claims/status-badge";
import { DismissSuggestionForm } from "@/components/desk/dismiss-suggestion-form";
import { Pager } from "@/components/ui/pager";
import { requirePagePermission } from "@/lib/auth/session";
import { canVerify, STATUS_INFO } from "@/lib/claims/status";
import { describeIndependence } from "@/lib/evidence/independence";
import { describeWait, evidenceSnippet } from "@/lib/review/format";
import { listReviewQueue } from "@/lib/review/queries";
import { REVIEW_VIEWS, ReviewFiltersSchema } from "@/lib/review/schema";
import { parseSearchParams, type RawSearchParams, withParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Review queue" };

const SELECT = "mt-1 block w-full rounded-md border border-rule bg-white px-3 py-2 font-normal";

export default async function ReviewQueuePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const viewer = await requirePagePermission("desk.read", "/desk/review");
  if (!canVerify(viewer.role)) forbidden();
  const filters = parseSearchParams(ReviewFiltersSchema, await searchParams);
  const { items, total, pages } = await listReviewQueue(filters);
  const now = new Date();
  const view = REVIEW_VIEWS.find((entry) => entry.value === filters.show);
  return (
    <>
      <h1 className="font-serif text-3xl font-bold">Review queue</h1>
      <p className="mt-1 text-sm text-muted">
        {total === 1 ? "1 claim" : `${total} claims`}
        {filters.show === "all" ? ", suggested moves first, then new evidence, then the longest wait." : `: ${view?.label.toLowerCase()}, longest wait first.`}
      </p>

      <form method="get" className="mt-6 grid grid-cols-1 gap-3 rounded-lg border border-rule bg-white p-4 sm:grid-cols-3" role="search" aria-label="Filter the queue">
        <label className="text-sm font-semibold">
          Show
          <select name="show" defaultValue={filters.show} className={SELECT}>
            {REVIEW_VIEWS.map((entry) => (
              <option key={entry.value} value={entry.value}>
                {entry.label}
              </option>
            ))}
          </select>
        </label>
        <PublicationSelect value={filters.publication} className={SELECT} />
        <div className="flex items-end gap-3">
          <button type="submit" className="min-h-11 rounded-md bg-ink px-4 py-2 font-semibold text-white">
            Apply
          </button>
          <Link href="/desk/review" className="inline-flex min-h-11 items-center px-2 text-sm font-semibold text-muted hover:text-ink">
            Clear
          </Link>
        </div>
      </form>

      {items.length === 0 ? (
        <p className="mt-8 rounded-lg border border-dashed border-rule bg-white p-8 text-center text-muted">
          {filters.show === "all" && !filters.publication ? "Nothing is waiting for review." : "Nothing in the queue matches these filters."}
        </p>
      ) : (
        <ul className="mt-6 space-y-4" aria-label="Claims to review">
          {items.map((item) => {
            const snippet = item.newestEvidence ? evidenceSnippet(item.newestEvidence) : null;
            return (
              <li key={item.id} className="rounded-lg border border-rule bg-white p-4">
                <div className="flex flex-wrap items-center gap-2">
                  <StatusBadge status={item.status} />
                  <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${item.publication === "draft" ? "bg-status-warning-bg text-status-warning" : "bg-status-positive-bg text-status-positive"}`}>
                    {item.publication === "draft" ? "Draft" : "Published"}
                  </span>
                </div>
                <h2 className="mt-1 font-serif text-lg leading-snug">
                  <Link href={`/desk/claims/${item.id}#verification`} className="hover:underline underline-offset-4">
                    {item.statement}
                  </Link>
                </h2>
                <p className="mt-1 text-sm text-muted">
                  {describeIndependence(item.independence)}
                  {item.newEvidence > 0 ? ` · ${item.newEvidence} new since the last move` : ""} · {describeWait(item, now)}
                </p>
                {snippet ? (
                  <p className="mt-2 truncate text-sm" title={`${snippet.who} · ${snippet.stance} · ${snippet.text}`}>
                    <span className="text-muted">Newest: </span>
                    <span className="font-semibold">{snippet.who}</span> · {snippet.stance} · {snippet.text}
                  </p>
                ) : (
                  <p className="mt-2 text-sm text-muted">No evidence linked yet.</p>
                )}
                {item.suggestions.map((suggestion) => (
                  <div key={suggestion.to} className="mt-3 flex flex-wrap items-center gap-3 rounded-md bg-status-warning-bg p-3 text-sm">
                    <p className="flex-1">
                      <span className="font-semibold">Suggested: {STATUS_INFO[suggestion.to].label}.</span> {suggestion.reason}.
                    </p>
                    <Link
                      href={`/desk/claims/${item.id}?move=${suggestion.to}&cite=${suggestion.evidenceIds.join(",")}#verification` as Route}
                      className="inline-flex min-h-11 items-center rounded-md bg-ink px-4 py-2 font-semibold text-white hover:bg-ink/85"
                      aria-label={`Review and confirm: ${STATUS_INFO[suggestion.to].label}`}
                    >
                      Review and confirm
                    </Link>
                    <DismissSuggestionForm claimId={item.id} suggestedStatus={suggestion.to} evidenceIds={suggestion.evidenceIds} />
                  </div>
                ))}
              </li>
            );
          })}
        </ul>
      )}

      <Pager page={filters.page} pages={pages} href={(page) => withParams("/desk/review", { ...filters, page })} />
    </>
  );
}
