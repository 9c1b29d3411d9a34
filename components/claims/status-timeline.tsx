import { StatusBadge } from "@/components/claims/status-badge";
import { DateTime } from "@/components/ui/date-time";
import type { PublishedClaim } from "@/lib/claims/queries";
import type { Role } from "@/lib/generated/prisma/enums";

const ROLE_LABEL: Record<Role, string> = { editor: "Editor", fact_checker: "Fact-checker", admin: "Admin" };

export function StatusTimeline({ transitions }: { transitions: PublishedClaim["transitions"] }) {
  return (
    <ol className="relative space-y-6 border-l-2 border-rule pl-6">
      {transitions.map((transition) => (
        <li key={transition.id} className="relative">
          <span aria-hidden="true" className="absolute -left-[31px] top-1.5 h-3 w-3 rounded-full border-2 border-white bg-muted" />
          <p className="flex flex-wrap items-center gap-2 text-sm">
            <DateTime value={transition.createdAt} withTime />
            <span className="text-muted">·</span>
            {transition.fromStatus ? (
              <>
                <span className="sr-only">Moved from</span>
                <StatusBadge status={transition.fromStatus} />
                <span aria-hidden="true">→</span>
                <span className="sr-only">to</span>
                <StatusBadge status={transition.toStatus} />
              </>
            ) : (
              <>
                <span>Logged as</span>
                <StatusBadge status={transition.toStatus} />
              </>
            )}
            <span className="text-muted">by {ROLE_LABEL[transition.actorRole].toLowerCase()}</span>
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
      ))}
    </ol>
  );
}
