"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { INITIAL_FORM_STATE } from "@/lib/actions/form-state";
import { checkSourceNowAction } from "@/lib/archive/actions";

/** Queues a link-rot check of one source now, instead of waiting for the weekly one. */
export function CheckNowForm({ claimId, evidenceId, headline }: { claimId: string; evidenceId: string; headline: string }) {
  const [state, action] = useActionState(checkSourceNowAction, INITIAL_FORM_STATE);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="claimId" value={claimId} />
      <input type="hidden" name="evidenceId" value={evidenceId} />
      <FormMessage state={state} />
      <SubmitButton variant="secondary" pendingLabel="Queuing…">
        Check the source now<span className="sr-only">: {headline}</span>
      </SubmitButton>
    </form>
  );
}
