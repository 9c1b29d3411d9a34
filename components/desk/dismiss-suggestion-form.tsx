"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { INITIAL_FORM_STATE } from "@/lib/actions/form-state";
import { dismissSuggestionAction } from "@/lib/verification/actions";

export function DismissSuggestionForm({ claimId, suggestedStatus, evidenceIds }: { claimId: string; suggestedStatus: string; evidenceIds: string[] }) {
  const [state, action] = useActionState(dismissSuggestionAction, INITIAL_FORM_STATE);
  if (state.status === "success") return <FormMessage state={state} />;
  return (
    <form action={action}>
      <input type="hidden" name="claimId" value={claimId} />
      <input type="hidden" name="suggestedStatus" value={suggestedStatus} />
      {evidenceIds.map((id) => (
        <input key={id} type="hidden" name="evidenceIds" value={id} />
      ))}
      <FormMessage state={state} />
      <SubmitButton variant="secondary" pendingLabel="Dismissing…">
        Dismiss
      </SubmitButton>
    </form>
  );
}
