import { StatusBadge } from "@/components/claims/status-badge";
import { DateTime } from "@/components/ui/date-time";
import type { PublishedClaim } from "@/lib/claims/queries";
import { loggingNote } from "@/lib/claims/format";
import { STATUS_INFO } from "@/lib/claims/status";
import type { Role } from "@/lib/generated/prisma/enums";

const ROLE_LABEL: Record<Role, string> = { editor: "Editor", fact_checker: "Fact-checker", admin: "Admin" };

type Transition = PublishedClaim["transitions"][number];

/**
 * The history of a claim's verdict, newest first. Readers get what happened and why: when the
 * claim was logged and each move with its rationale. The desk (`showRole`) also sees which role
 * made each move.
 */
/** Times are shown in `timeZone`: the newsroom's for readers, the viewer's own on the desk. */
export function StatusTimeline({ transitions, timeZone, showRole = false }: { transitions: Transition[]; timeZone: string; showRole?: boolean }) {
  const reviewed = transitions.some((transition) => transition.fromStatus);
  return (
    <ol className="relative space-y-6 border-l-2 border-rule pl-6">
      {transitions.map((transition) => {
        const role = showRole ? <span className="text-muted">by {ROLE_LABEL[transition.actorRole].toLowerCase()}</span> : null;
        if (!transition.fromStatus) {
          const note = loggingNote(transition.rationale);
          return (
            <li key={transition.id} className="relative">
              <span aria-hidden="true" className="absolute -left-[31px] top-1.5 h-3 w-3 rounded-full border-2 border-white bg-muted" />
              <p className="text-sm">
                <span className="font-semibold text-ink">
                  Logged on <DateTime value={transition.createdAt} timeZone={timeZone} />
                </span>
                <span className="text-muted">
                  {reviewed ? ` as ${STATUS_INFO[transition.toStatus].label.toLowerCase()}` : ", not yet reviewed"}
                </span>
                {role ? <> {role}</> : null}
              </p>
              {note ? <p className="mt-2 text-muted">{note}</p> : null}
            </li>
          );
        }
        return (
          <li key={transition.id} className="relative">
            <span aria-hidden="true" className="absolute -left-[31px] top-1.5 h-3 w-3 rounded-full border-2 border-white bg-ink" />
            <p className="flex flex-wrap items-center gap-2 text-sm">
              <span className="font-semibold text-ink">
                <DateTime value={transition.createdAt} timeZone={timeZone} withTime />
              </span>
              <span className="sr-only">Moved from</span>
              <StatusBadge status={transition.fromStatus} />
              <span aria-hidden="true">→</span>
              <span className="sr-only">to</span>
              <StatusBadge status={transition.toStatus} />
              {role}
            </p>
            <p className="mt-2">{transition.rationale}</p>
            {transition.cited.length > 0 ? (
              <p className="mt-1 text-sm text-muted">
                Evidence cited:{" "}
                {transition.cited.map(({ evidence }, index) => (
                  <span key={evidence.id}>
                    {index > 0 ? "; " : null}
                    {evidence.removedAt ? (
                      <span>{evidence.headline} (since removed)</span>
                    ) : (
                      <a href={`#evidence-${evidence.id}`} className="underline underline-offset-2">
                        {evidence.headline}
                      </a>
                    )}
                  </span>
                ))}
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
