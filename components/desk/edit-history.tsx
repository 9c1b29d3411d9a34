import { DateTime } from "@/components/ui/date-time";
import type { ClaimEdit } from "@/lib/audit/queries";

const ACTION_LABEL: Record<string, string> = {
  claim_created: "logged the claim",
  claim_updated: "edited the claim",
  claim_published: "published the claim",
  claim_unpublished: "unpublished the claim",
  evidence_linked: "linked evidence",
  evidence_updated: "edited evidence",
  evidence_removed: "removed evidence",
};

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) return value.length ? value.join(", ") : "—";
  return String(value);
}

export function EditHistory({ edits, timeZone }: { edits: ClaimEdit[]; timeZone: string }) {
  if (edits.length === 0) return <p className="text-muted">No edits recorded.</p>;
  return (
    <ol className="space-y-4">
      {edits.map((edit) => {
        const changes = Object.entries((edit.changes ?? {}) as Record<string, { from: unknown; to: unknown }>);
        return (
          <li key={edit.id} className="rounded-md border border-rule bg-white p-3 text-sm">
            <p>
              <DateTime value={edit.createdAt} timeZone={timeZone} withTime /> · <span className="font-semibold">{edit.actor.name}</span> ({edit.actorRole.replace("_", "-")})
              {edit.apiToken ? <> through the API token “{edit.apiToken.name}”</> : null}{" "}
              {ACTION_LABEL[edit.action] ?? edit.action}
              {edit.evidence ? <>: “{edit.evidence.headline}”</> : null}
            </p>
            {changes.length > 0 && edit.action !== "claim_created" && edit.action !== "evidence_linked" ? (
              <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1">
                {changes.map(([field, change]) => (
                  <div key={field} className="contents">
                    <dt className="font-semibold text-muted">{field}</dt>
                    <dd>
                      <del className="text-status-negative">{show(change.from)}</del> → <ins className="text-status-positive no-underline">{show(change.to)}</ins>
                    </dd>
                  </div>
                ))}
              </dl>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
