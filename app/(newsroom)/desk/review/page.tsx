import type { Metadata, Route } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { StatusBadge } from "@/components/claims/status-badge";
import { DismissSuggestionForm } from "@/components/desk/dismiss-suggestion-form";
import { DateTime } from "@/components/ui/date-time";
import { requirePagePermission } from "@/lib/auth/session";
import { canVerify, STATUS_INFO } from "@/lib/claims/status";
import { describeIndependence } from "@/lib/evidence/independence";
import { listReviewQueue } from "@/lib/review/queries";

export const metadata: Metadata = { title: "Review queue" };

export default async function ReviewQueuePage() {
  const viewer = await requirePagePermission("desk.read", "/desk/review");
  if (!canVerify(viewer.role)) forbidden();
  const items = await listReviewQueue();
  return (
    <>
      <h1 className="font-serif text-3xl font-bold">Review queue</h1>
      <p className="mt-1 text-muted">Claims that need a fact-checker, most urgent first.</p>
      {items.length === 0 ? (
        <p className="mt-8 rounded-lg border border-dashed border-rule bg-white p-8 text-center text-muted">Nothing is waiting for review.</p>
      ) : (
        <ul className="mt-6 space-y-4" aria-label="Claims to review">
          {items.map((item) => (
            <li key={item.id} className="rounded-lg border border-rule bg-white p-4">
              <div className="flex flex-wrap items-center gap-2">
                <StatusBadge status={item.status} />
                {item.publication === "draft" ? <span className="text-xs font-semibold text-status-warning">Draft</span> : null}
              </div>
              <h2 className="mt-1 font-serif text-lg leading-snug">
                <Link href={`/desk/claims/${item.id}#verification`} className="hover:underline underline-offset-4">
                  {item.statement}
                </Link>
              </h2>
              <p className="mt-1 text-sm text-muted">
                {describeIndependence(item.independence)}
                {item.newEvidence > 0 ? ` · ${item.newEvidence} new since the last move` : ""} · last moved <DateTime value={item.lastMovedAt} />
              </p>
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
          ))}
        </ul>
      )}
    </>
  );
}
