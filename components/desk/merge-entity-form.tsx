"use client";

import { useActionState } from "react";
import { chosenFromValues, EntityCombobox } from "@/components/desk/entity-combobox";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { INITIAL_FORM_STATE } from "@/lib/actions/form-state";
import { mergeEntitiesAction } from "@/lib/entities/actions";

export function MergeEntityForm({ sourceId, kind }: { sourceId: string; kind: "person" | "organisation" }) {
  const [state, action] = useActionState(mergeEntitiesAction, INITIAL_FORM_STATE);
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="sourceId" value={sourceId} />
      <FormMessage state={state} />
      <EntityCombobox
        id="targetId"
        name="targetId"
        label="Merge this duplicate into"
        hint="Every claim and piece of evidence that names this entry will name the one you choose."
        kind={kind}
        exclude={[sourceId]}
        initial={chosenFromValues(state.values, "targetId", undefined, [])}
        errors={state.fieldErrors?.targetId}
      />
      <SubmitButton variant="danger" pendingLabel="Merging…">
        Merge
      </SubmitButton>
    </form>
  );
}
