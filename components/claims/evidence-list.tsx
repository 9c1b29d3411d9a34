import Link from "next/link";
import type { ReactNode } from "react";
import { SourcingTag } from "@/components/claims/sourcing-tag";
import { DateTime } from "@/components/ui/date-time";
import { groupEvidence } from "@/lib/evidence/group";
import type { Derivation, Sourcing, Stance } from "@/lib/generated/prisma/enums";

/** What a card shows: the reader page and the desk select at least this much. */
export type ListedEvidence = {
  id: string;
  url: string;
  headline: string;
  publishedAt: Date | null;
  sourcing: Sourcing;
  stance: Stance;
  quote: string;
  speakerDescription: string | null;
  derivation: Derivation | null;
  derivedFromId: string | null;
  outlet: { id: string; name: string } | null;
  speaker: { id: string; name: string; description: string } | null;
  /** The archived copy readers may open (reader page only; the desk shows its own archive line). */
  archiveId?: string | null;
};

function Speaker({ evidence }: { evidence: ListedEvidence }) {
  if (evidence.speaker) {
    return (
      <>
        <Link href={`/entities/${evidence.speaker.id}`} className="underline decoration-rule underline-offset-2">
          {evidence.speaker.name}
        </Link>
        {evidence.speaker.description ? <span className="text-muted">, {evidence.speaker.description}</span> : null}
      </>
    );
  }
  return evidence.speakerDescription ? <>{evidence.speakerDescription}</> : null;
}

type Dates = { timeZone: string; withTime: boolean };

function EvidenceCard<E extends ListedEvidence>({ evidence, copies, actions, dates }: { evidence: E; copies: E[]; actions?: (item: E) => ReactNode; dates: Dates }) {
  return (
    // The summary at the top of the page links here; the card it lands on is outlined.
    <article
      className="rounded-lg border border-rule bg-white p-4 has-[:target]:border-accent has-[:target]:ring-2 has-[:target]:ring-accent/25"
      aria-labelledby={`evidence-${evidence.id}`}
    >
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-muted">
        {evidence.outlet ? (
          <Link href={`/entities/${evidence.outlet.id}`} className="font-semibold text-ink hover:underline">
            {evidence.outlet.name}
          </Link>
        ) : (
          <span className="font-semibold text-ink">Unattributed</span>
        )}
        {evidence.publishedAt ? (
          <>
            <span aria-hidden="true">·</span>
            <DateTime value={evidence.publishedAt} {...dates} />
          </>
        ) : null}
        <span aria-hidden="true">·</span>
        <SourcingTag sourcing={evidence.sourcing} />
      </p>
      <h4 id={`evidence-${evidence.id}`} className="mt-2 scroll-mt-6 font-serif text-lg leading-snug">
        <a href={evidence.url} rel="noopener noreferrer nofollow" className="underline decoration-rule underline-offset-4 hover:decoration-ink">
          {evidence.headline}
        </a>
      </h4>
      {evidence.archiveId ? (
        <p className="mt-1 text-sm">
          {/* A plain link: the copy is served sandboxed, with no script, by app/archive. */}
          <a href={`/archive/${evidence.archiveId}`} rel="nofollow" className="text-muted underline decoration-rule underline-offset-2 hover:text-ink">
            archived copy<span className="sr-only"> of “{evidence.headline}”</span>
          </a>
        </p>
      ) : null}
      {evidence.speaker || evidence.speakerDescription ? (
        <p className="mt-1 text-sm">
          <span className="text-muted">Source: </span>
          <Speaker evidence={evidence} />
        </p>
      ) : null}
      {evidence.quote ? (
        <blockquote className="mt-3 border-l-4 border-rule pl-3 text-[0.95rem] italic">{evidence.quote}</blockquote>
      ) : null}
      {copies.length > 0 ? (
        <div className="mt-3 border-t border-rule pt-3 text-sm">
          <p className="text-muted">
            Republished by (the same source, not an independent one):
          </p>
          <ul className="mt-1 list-disc pl-5">
            {copies.map((copy) => (
              <li key={copy.id}>
                <a href={copy.url} rel="noopener noreferrer nofollow" className="underline underline-offset-2">
                  {copy.outlet?.name ?? "Unattributed"}
                </a>
                {copy.publishedAt ? (
                  <span className="text-muted">
                    {" "}
                    · <DateTime value={copy.publishedAt} {...dates} />
                  </span>
                ) : null}
                {actions ? <div className="mt-1">{actions(copy)}</div> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {actions ? <div className="mt-3">{actions(evidence)}</div> : null}
    </article>
  );
}

/**
 * Evidence grouped by stance, copies under their original. The desk passes `actions` (edit, remove)
 * per piece, and `withTime` to show publication times (in `timeZone`), not just dates.
 */
export function EvidenceList<E extends ListedEvidence>({
  evidence,
  actions,
  timeZone,
  withTime = false,
}: {
  evidence: E[];
  actions?: (item: E) => ReactNode;
  timeZone: string;
  withTime?: boolean;
}) {
  const groups = groupEvidence(evidence);
  if (groups.length === 0) {
    return <p className="text-muted">No evidence has been linked to this claim yet.</p>;
  }
  return (
    <div className="space-y-8">
      {groups.map((group) => (
        <section key={group.key} aria-labelledby={`group-${group.key}`}>
          <h3 id={`group-${group.key}`} className="mb-3 text-sm font-bold uppercase tracking-wider text-muted">
            {group.title} <span className="font-normal">({group.items.length})</span>
          </h3>
          <div className="space-y-3">
            {group.items.map(({ item, copies }) => (
              <EvidenceCard key={item.id} evidence={item} copies={copies} actions={actions} dates={{ timeZone, withTime }} />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
