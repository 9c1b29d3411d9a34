import Link from "next/link";
import { CheckNowForm } from "@/components/desk/check-now-form";
import { DateTime } from "@/components/ui/date-time";
import type { ArchiveLine } from "@/lib/archive/queries";

const CHANGE: Record<NonNullable<ArchiveLine["changed"]>["change"], string> = {
  status_changed: "it now answers with an error",
  redirected_to_home: "it now redirects to the site's home page",
  content_changed: "its text changed",
};

/**
 * A piece of evidence's archive line on the desk: when its source was archived and the copy's
 * hash, or that archiving is under way or failed, and what the latest link check found.
 */
export function ArchiveStatus({
  line,
  claimId,
  evidenceId,
  headline,
  timeZone,
  canCheck,
}: {
  line: ArchiveLine | undefined;
  claimId: string;
  evidenceId: string;
  headline: string;
  timeZone: string;
  canCheck: boolean;
}) {
  if (!line) return null;
  const { state } = line;
  return (
    <div className="space-y-1 text-sm" data-testid="archive-status">
      {state.kind === "archived" ? (
        <p>
          <span className="text-muted">
            Archived <DateTime value={state.fetchedAt} timeZone={timeZone} withTime />, sha256{" "}
            <code title={state.htmlSha256} className="font-mono">
              {state.htmlSha256.slice(0, 12)}…
            </code>
            {state.truncated ? " (cut at the size limit)" : null}
          </span>{" "}
          ·{" "}
          <a href={`/archive/${state.snapshotId}`} className="font-semibold underline underline-offset-2">
            archived copy<span className="sr-only"> of “{headline}”</span>
          </a>{" "}
          ·{" "}
          <a href={`/archive/${state.snapshotId}/text`} className="underline underline-offset-2">
            text<span className="sr-only"> of the archived copy of “{headline}”</span>
          </a>
          {state.archiveOrgUrl ? (
            <>
              {" "}
              ·{" "}
              <a href={state.archiveOrgUrl} rel="noopener noreferrer" className="underline underline-offset-2">
                Internet Archive
              </a>
            </>
          ) : null}
        </p>
      ) : state.kind === "pending" ? (
        <p className="text-muted">
          Archiving…{state.retrying ? ` The last try failed (${state.retrying}); trying again.` : null}
        </p>
      ) : (
        <p className="text-status-warning">Could not archive: {state.reason}.</p>
      )}
      {line.changed ? (
        <p className="font-semibold text-status-negative">
          The source changed after we linked it ({CHANGE[line.changed.change]}, found <DateTime value={line.changed.checkedAt} timeZone={timeZone} />):{" "}
          <Link href={`/desk/claims/${claimId}/evidence/${evidenceId}/changes`} className="underline underline-offset-2">
            see the difference<span className="sr-only"> for “{headline}”</span>
          </Link>
        </p>
      ) : null}
      {line.unreachableSince ? (
        <p className="text-status-warning">
          The source could not be reached at the last check (<DateTime value={line.unreachableSince} timeZone={timeZone} />).
        </p>
      ) : null}
      {line.checkPending ? <p className="text-muted">A check of the source is queued.</p> : null}
      {canCheck && state.kind === "archived" && !line.checkPending ? <CheckNowForm claimId={claimId} evidenceId={evidenceId} headline={headline} /> : null}
    </div>
  );
}
