import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { DateTime } from "@/components/ui/date-time";
import { diffTexts } from "@/lib/archive/diff";
import { evidenceChange } from "@/lib/archive/queries";
import { requirePagePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "How the source changed" };

const CHANGE: Record<string, string> = {
  status_changed: "The page now answers with an error.",
  redirected_to_home: "The page now redirects to its site's home page.",
  content_changed: "The page's text changed.",
};

// The text we archived when the evidence was linked, against the text the latest link check
// found, word by word: removed words struck through (<del>), added ones underlined (<ins>), each
// also announced to screen readers, which do not read the two elements out by default.
export default async function EvidenceChangesPage({ params }: { params: Promise<{ id: string; evidenceId: string }> }) {
  const { id, evidenceId } = await params;
  if (!z.uuid().safeParse(id).success || !z.uuid().safeParse(evidenceId).success) notFound();
  const viewer = await requirePagePermission("desk.read", `/desk/claims/${id}/evidence/${evidenceId}/changes`);
  const shown = await evidenceChange(id, evidenceId);
  if (!shown) notFound();
  const diff = diffTexts(shown.before, shown.after);
  return (
    <article>
      <p className="text-sm">
        <Link href={`/desk/claims/${id}#evidence-${evidenceId}`} className="font-semibold text-accent hover:underline">
          ← Back to the claim
        </Link>
      </p>
      <h1 className="mt-2 font-serif text-3xl font-bold">How the source changed</h1>
      <p className="mt-2">
        <a href={shown.evidence.url} rel="noopener noreferrer nofollow" className="underline underline-offset-2">
          {shown.evidence.headline}
        </a>
      </p>
      <p className="mt-2 font-semibold">{CHANGE[shown.change] ?? "The page changed."}</p>
      <dl className="mt-4 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-muted">Archived when linked</dt>
        <dd>
          <DateTime value={shown.first.fetchedAt} timeZone={viewer.timeZone} withTime /> (HTTP {shown.first.status}) ·{" "}
          <a href={`/archive/${shown.first.id}`} className="underline underline-offset-2">
            archived copy
          </a>
        </dd>
        <dt className="text-muted">Found by the check</dt>
        <dd>
          <DateTime value={shown.latest.fetchedAt} timeZone={viewer.timeZone} withTime /> (HTTP {shown.latest.status}
          {shown.latest.finalUrl && shown.latest.finalUrl !== shown.evidence.url ? `, now at ${shown.latest.finalUrl}` : ""}) ·{" "}
          <a href={`/archive/${shown.latest.id}`} className="underline underline-offset-2">
            copy as found
          </a>
        </dd>
        <dt className="text-muted">Words</dt>
        <dd>
          {diff.removed} removed, {diff.added} added
        </dd>
      </dl>
      <h2 className="mt-8 font-serif text-2xl font-bold">Text, then and now</h2>
      <p className="mt-1 text-sm text-muted">
        <del className="bg-status-negative-bg text-status-negative">Struck through</del>: in the archived text, gone now.{" "}
        <ins className="bg-status-positive-bg text-status-positive">Underlined</ins>: new since.
      </p>
      <div className="mt-4 whitespace-pre-wrap rounded-lg border border-rule bg-white p-4 font-serif leading-relaxed" data-testid="text-diff">
        {diff.parts.map((part, index) =>
          part.kind === "removed" ? (
            <del key={index} className="bg-status-negative-bg text-status-negative">
              <span className="sr-only">[removed: </span>
              {part.text}
              <span className="sr-only">]</span>
            </del>
          ) : part.kind === "added" ? (
            <ins key={index} className="bg-status-positive-bg text-status-positive">
              <span className="sr-only">[added: </span>
              {part.text}
              <span className="sr-only">]</span>
            </ins>
          ) : (
            <span key={index}>{part.text}</span>
          ),
        )}
      </div>
    </article>
  );
}
