import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { StatusBadge } from "@/components/claims/status-badge";
import { StatusTimeline } from "@/components/claims/status-timeline";
import { EvidenceList } from "@/components/claims/evidence-list";
import { IndependenceLine } from "@/components/claims/independence-line";
import { ArchiveStatus } from "@/components/desk/archive-status";
import { EditHistory } from "@/components/desk/edit-history";
import { EmbedPanel } from "@/components/desk/embed-panel";
import { PublicationForm } from "@/components/desk/publication-form";
import { RemoveEvidenceForm } from "@/components/desk/remove-evidence-form";
import { StatusMoveForm } from "@/components/desk/status-move-form";
import { DateTime } from "@/components/ui/date-time";
import { archiveLines } from "@/lib/archive/queries";
import { listClaimEdits } from "@/lib/audit/queries";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { formatEventDate } from "@/lib/claims/format";
import { getDeskClaim } from "@/lib/claims/queries";
import { movesFor, REQUIRED_CITATION, STATUS_INFO } from "@/lib/claims/status";
import { oEmbedResponse, oEmbedUrl } from "@/lib/embeds/oembed";
import { siteConfig } from "@/lib/env";
import { describeIndependence, summariseIndependence } from "@/lib/evidence/independence";
import { STANCE_LABEL } from "@/lib/evidence/stance";
import { parseSearchParams, type RawSearchParams, textParam } from "@/lib/search-params";

export const metadata: Metadata = { title: "Claim" };

const FLASH: Record<string, string> = {
  logged: "Claim logged as a draft. Link the reports next.",
  saved: "Changes saved.",
  linked: "Evidence linked.",
  removed: "Evidence removed; it stays in the edit history.",
  moved: "Status changed. Readers see the new status, your rationale and the date.",
  checking: "A check of the source is queued; reload in a moment to see what it found.",
};

// Flash flags from the redirects after a save, and a move and citations preset by the review queue.
// A parameter given twice counts once (`?cite=a&cite=b` used to crash the page).
const QuerySchema = z.object({
  logged: textParam(10),
  saved: textParam(10),
  moved: textParam(10),
  evidence: textParam(10),
  move: textParam(20),
  cite: textParam(2_000),
});

type Props = { params: Promise<{ id: string }>; searchParams: Promise<RawSearchParams> };

export default async function DeskClaimPage({ params, searchParams }: Props) {
  const { id } = await params;
  // Before anything else: an id that is not a UUID is a 404 for everyone, and never reaches the
  // database nor the sign-in link.
  if (!z.uuid().safeParse(id).success) notFound();
  const viewer = await requirePagePermission("desk.read", `/desk/claims/${id}`);
  const [claim, edits, raw] = await Promise.all([getDeskClaim(id), listClaimEdits(id), searchParams]);
  if (!claim) notFound();
  const query = parseSearchParams(QuerySchema, raw);
  const flash = query.moved ? FLASH.moved : query.logged ? FLASH.logged : query.saved ? FLASH.saved : query.evidence === "linked" ? FLASH.linked : query.evidence === "removed" ? FLASH.removed : query.evidence === "saved" ? FLASH.saved : query.evidence === "checking" ? FLASH.checking : null;
  const live = claim.evidence.filter((item) => !item.removedAt);
  const archive = await archiveLines(live);
  const removed = claim.evidence.filter((item) => item.removedAt);
  const byId = new Map(claim.evidence.map((item) => [item.id, item]));
  const site = siteConfig();
  // The snippet oEmbed gives for this claim, at its default size.
  const embed = oEmbedResponse({ ...claim, independence: describeIndependence(summariseIndependence(live)) }, site, {});
  const moves = movesFor(viewer.role, claim.status).map((move) => ({
    to: move.to,
    label: STATUS_INFO[move.to].label,
    meaning: STATUS_INFO[move.to].meaning,
    citation: REQUIRED_CITATION[move.to]?.map((stance) => STANCE_LABEL[stance].toLowerCase()).join(" or ") ?? null,
  }));
  const preset = {
    to: moves.some((move) => move.to === query.move) ? query.move : undefined,
    cite: query.cite?.split(",").filter((id) => byId.has(id)),
  };

  return (
    // One column on phones (with a sticky link to the verification panel, which comes after the
    // evidence); on wide screens the panel is a column of its own beside the claim, so a
    // fact-checker sees the move form without scrolling past every piece of evidence.
    <article className="lg:grid lg:grid-cols-[minmax(0,1fr)_26rem] lg:grid-rows-[auto_auto_auto_1fr] lg:items-start lg:gap-x-10">
      <header className="lg:col-start-1 lg:row-start-1">
        {flash ? (
          <p role="status" className="mb-6 rounded-md bg-status-positive-bg px-4 py-3 text-sm font-medium text-status-positive">
            {flash}
          </p>
        ) : null}
        <div className="flex flex-wrap items-center gap-2">
          <StatusBadge status={claim.status} />
          <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${claim.publication === "draft" ? "bg-status-warning-bg text-status-warning" : "bg-status-positive-bg text-status-positive"}`}>
            {claim.publication === "draft" ? "Draft" : "Published"}
          </span>
        </div>
        <h1 className="mt-2 font-serif text-3xl font-bold leading-tight">{claim.statement}</h1>
        <p className="mt-2 text-sm text-muted">
          Logged by {claim.createdBy.name} on <DateTime value={claim.createdAt} timeZone={viewer.timeZone} />
          {claim.eventDate ? <> · alleged event {formatEventDate(claim.eventDate, claim.eventDatePrecision)}</> : null}
          {claim.tags.length ? <> · {claim.tags.map((tag) => `#${tag}`).join(" ")}</> : null}
        </p>
        {claim.context ? <p className="mt-4">{claim.context}</p> : null}
        {claim.entities.length ? <p className="mt-2 text-sm text-muted">About: {claim.entities.map(({ entity }) => entity.name).join(", ")}</p> : null}

        <div className="mt-6 flex flex-wrap items-start gap-4">
          {can(viewer, "claim.update") ? (
            <Link href={`/desk/claims/${claim.id}/edit`} className="inline-flex min-h-11 items-center rounded-md px-4 py-2 font-semibold ring-1 ring-inset ring-rule hover:bg-white">
              Edit claim
            </Link>
          ) : null}
          {can(viewer, "claim.publish") ? <PublicationForm claimId={claim.id} version={claim.version} published={claim.publication === "published"} /> : null}
          {claim.publication === "published" ? (
            <Link href={`/claims/${claim.slug}`} prefetch={false} className="inline-flex min-h-11 items-center px-2 font-semibold text-accent hover:underline">
              Public page ↗
            </Link>
          ) : null}
        </div>
        {claim.publication === "published" ? (
          <details className="mt-6 rounded-lg border border-rule bg-white p-4">
            <summary className="cursor-pointer font-semibold">Embed</summary>
            <p className="mt-2 text-sm text-muted">
              A card with the current status, for articles: it always shows the latest verdict, runs no script and sets no cookie.
            </p>
            <EmbedPanel
              items={[
                { label: "Iframe snippet", value: embed.html, multiline: true },
                { label: "oEmbed address", value: oEmbedUrl(site, claim.slug) },
              ]}
            />
          </details>
        ) : null}
      </header>

      {/* A plain fragment link: following it focuses the panel (tabIndex -1), no script needed. */}
      <p className="sticky top-0 z-10 -mx-4 mt-6 border-b border-rule bg-paper/95 px-4 py-2 lg:hidden">
        <a href="#verification" className="inline-flex min-h-11 items-center font-semibold text-accent hover:underline">
          Jump to verification ↓
        </a>
      </p>

      <section aria-labelledby="evidence" className="mt-10 lg:col-start-1 lg:row-start-2">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="evidence" className="font-serif text-2xl font-bold">
            Evidence ({live.length})
          </h2>
          {can(viewer, "evidence.link") ? (
            <Link href={`/desk/claims/${claim.id}/evidence/new`} className="inline-flex min-h-11 items-center rounded-md bg-ink px-4 py-2 font-semibold text-white hover:bg-ink/85">
              Link evidence
            </Link>
          ) : null}
        </div>
        <div className="mt-4">
          {live.length === 0 ? (
            <p className="text-muted">No evidence yet. A claim needs at least one piece before it can be published.</p>
          ) : (
            <EvidenceList
              evidence={live}
              timeZone={viewer.timeZone}
              withTime
              actions={(item) => (
                <div className="space-y-3">
                  <ArchiveStatus
                    line={archive.get(item.id)}
                    claimId={claim.id}
                    evidenceId={item.id}
                    headline={item.headline}
                    timeZone={viewer.timeZone}
                    canCheck={can(viewer, "evidence.update")}
                  />
                  {can(viewer, "evidence.update") ? (
                      <div className="flex flex-wrap items-start gap-4">
                        {item.derivation === "cites" && item.derivedFromId ? (
                          <p className="w-full text-sm text-muted">Cites: {byId.get(item.derivedFromId)?.outlet?.name ?? "unattributed"}, “{byId.get(item.derivedFromId)?.headline}”</p>
                        ) : null}
                        <Link href={`/desk/claims/${claim.id}/evidence/${item.id}`} className="text-sm font-semibold hover:underline" aria-label={`Edit evidence: ${item.headline}`}>
                          Edit
                        </Link>
                        <RemoveEvidenceForm claimId={claim.id} evidenceId={item.id} version={item.version} headline={item.headline} />
                      </div>
                  ) : null}
                </div>
              )}
            />
          )}
        </div>
        {removed.length > 0 ? (
          <details className="mt-4 text-sm">
            <summary className="cursor-pointer font-semibold text-muted">Removed evidence ({removed.length})</summary>
            <ul className="mt-2 space-y-1">
              {removed.map((item) => (
                <li key={item.id}>
                  <del>{item.headline}</del> — removed by {item.removedBy?.name ?? "someone"} on <DateTime value={item.removedAt!} timeZone={viewer.timeZone} />
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>

      <section
        id="verification"
        tabIndex={-1}
        aria-labelledby="verification-heading"
        className="mt-10 scroll-mt-16 rounded-lg border border-rule bg-white p-5 focus:outline-none focus-visible:ring-2 focus-visible:ring-ink lg:sticky lg:top-4 lg:col-start-2 lg:row-span-4 lg:row-start-1 lg:mt-0 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto"
      >
        <h2 id="verification-heading" className="font-serif text-2xl font-bold">
          Verification
        </h2>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <StatusBadge status={claim.status} />
          <IndependenceLine evidence={live} className="text-sm" />
        </div>
        {moves.length > 0 ? (
          <div className="mt-5">
            <StatusMoveForm
              claimId={claim.id}
              fromStatus={claim.status}
              moves={moves}
              evidence={live.map((item) => ({ id: item.id, label: `${item.outlet?.name ?? "Unattributed"}: ${item.headline}`, stance: STANCE_LABEL[item.stance] }))}
              preset={preset}
            />
          </div>
        ) : (
          <p className="mt-3 text-sm text-muted">Fact-checkers move a claim&apos;s status; your role can follow it here.</p>
        )}
      </section>

      <section aria-labelledby="status-history" className="mt-10 lg:col-start-1 lg:row-start-3">
        <h2 id="status-history" className="mb-4 font-serif text-2xl font-bold">
          Verification history
        </h2>
        <StatusTimeline transitions={claim.transitions} timeZone={viewer.timeZone} showRole />
      </section>

      <section aria-labelledby="edit-history" className="mt-10 lg:col-start-1 lg:row-start-4">
        <h2 id="edit-history" className="mb-4 font-serif text-2xl font-bold">
          Edit history
        </h2>
        <EditHistory edits={edits} timeZone={viewer.timeZone} />
      </section>
    </article>
  );
}
