"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { INITIAL_FORM_STATE } from "@/lib/actions/form-state";
import { removeEvidenceAction } from "@/lib/evidence/actions";

/** Removal asks once more, in place, without a dialog. */
export function RemoveEvidenceForm({ claimId, evidenceId, version, headline }: { claimId: string; evidenceId: string; version: number; headline: string }) {
  const [state, action] = useActionState(removeEvidenceAction, INITIAL_FORM_STATE);
  return (
    <details className="text-sm">
      <summary className="cursor-pointer font-semibold text-status-negative">Remove…</summary>
      <form action={action} className="mt-2 space-y-2">
        <input type="hidden" name="claimId" value={claimId} />
        <input type="hidden" name="id" value={evidenceId} />
        <input type="hidden" name="version" value={version} />
        <p>
          Remove “{headline}” from this claim? It stays in the edit history, marked removed.
        </p>
        <FormMessage state={state} />
        <SubmitButton variant="danger" pendingLabel="Removing…">
          Remove evidence
        </SubmitButton>
      </form>
    </details>
  );
}
