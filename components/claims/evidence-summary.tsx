import { SourcingTag } from "@/components/claims/sourcing-tag";
import { DateTime } from "@/components/ui/date-time";
import type { PublishedEvidence } from "@/lib/claims/queries";
import { type SideKey, summariseSides } from "@/lib/evidence/group";

// The side's colour sits on its edge only; the title always says which side it is. "Against"
// is drawn as strongly as "For": a denial must be as visible as the report it answers.
const SIDE_EDGE: Record<SideKey, string> = {
  for: "border-ink",
  against: "border-accent",
  "no-comment": "border-muted/50",
};

const MORE: Record<SideKey, [string, string]> = {
  for: ["more report", "more reports"],
  against: ["more denial or dispute", "more denials or disputes"],
  "no-comment": ["more", "more"],
};

/** Who stands behind a piece of evidence, as a reader would name it. */
function attribution(evidence: PublishedEvidence): { name: string; detail: string | null } {
  const outlet = evidence.outlet?.name ?? null;
  if (evidence.speaker) {
    const role = evidence.speaker.description;
    return { name: evidence.speaker.name, detail: [role, outlet ? `to ${outlet}` : null].filter(Boolean).join(", ") || null };
  }
  return {
    name: outlet ?? "Unattributed",
    detail: evidence.speakerDescription ? `citing ${evidence.speakerDescription}` : null,
  };
}

/**
 * For / Against / No comment: the strongest piece on each side, each linking down to its card in
 * the evidence list. Renders nothing when no evidence takes a side.
 */
export function EvidenceSummary({ evidence, timeZone, className = "" }: { evidence: PublishedEvidence[]; timeZone: string; className?: string }) {
  const sides = summariseSides(evidence);
  if (sides.length === 0) return null;
  return (
    <ul aria-label="Strongest evidence on each side" className={`grid gap-3 sm:grid-cols-3 ${className}`}>
      {sides.map(({ key, title, strongest, others }) => {
        const { name, detail } = attribution(strongest);
        return (
          <li key={key} className={`border-l-4 ${SIDE_EDGE[key]} py-0.5 pl-3`}>
            <p className="text-xs font-bold uppercase tracking-wider text-muted">{title}</p>
            <p className="mt-1 font-semibold leading-snug">
              <a href={`#evidence-${strongest.id}`} className="underline decoration-rule underline-offset-4 hover:decoration-ink">
                {name}
                <span className="sr-only">: see the evidence</span>
              </a>
            </p>
            <p className="mt-1">
              <SourcingTag sourcing={strongest.sourcing} />
            </p>
            {detail || strongest.publishedAt ? (
              <p className="mt-1 text-sm leading-snug text-muted">
                {detail}
                {detail && strongest.publishedAt ? " · " : null}
                {strongest.publishedAt ? (
                  <span className="whitespace-nowrap">
                    <DateTime value={strongest.publishedAt} timeZone={timeZone} />
                  </span>
                ) : null}
              </p>
            ) : null}
            {others > 0 ? (
              <p className="mt-1 text-sm text-muted">
                and {others} {MORE[key][others === 1 ? 0 : 1]}
              </p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
