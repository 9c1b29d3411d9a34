"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldValue, INITIAL_FORM_STATE } from "@/lib/actions/form-state";
import { mergeEntitiesAction } from "@/lib/entities/actions";

export function MergeEntityForm({ sourceId, candidates }: { sourceId: string; candidates: { id: string; name: string; description: string }[] }) {
  const [state, action] = useActionState(mergeEntitiesAction, INITIAL_FORM_STATE);
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="sourceId" value={sourceId} />
      <FormMessage state={state} />
      <Field id="targetId" label="Merge this duplicate into" hint="Every claim and piece of evidence that names this entry will name the one you choose." errors={state.fieldErrors?.targetId} value={fieldValue(state, "targetId")}>
        {(props) => (
          <select {...props} name="targetId">
            <option value="">Choose the entry to keep…</option>
            {candidates.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
                {candidate.description ? ` — ${candidate.description}` : ""}
              </option>
            ))}
          </select>
        )}
      </Field>
      <SubmitButton variant="danger" pendingLabel="Merging…">
        Merge
      </SubmitButton>
    </form>
  );
}
