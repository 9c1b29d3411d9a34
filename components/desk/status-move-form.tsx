"use client";

import { useActionState } from "react";
import { controlKey, Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldValue, fieldValues, INITIAL_FORM_STATE } from "@/lib/actions/form-state";
import { moveStatusAction } from "@/lib/verification/actions";

export type MoveOption = { to: string; label: string; meaning: string; citation: string | null };
export type CitableEvidence = { id: string; label: string; stance: string };

export function StatusMoveForm({
  claimId,
  fromStatus,
  moves,
  evidence,
  preset,
}: {
  claimId: string;
  fromStatus: string;
  moves: MoveOption[];
  evidence: CitableEvidence[];
  /** From the review queue: the suggested move and the evidence it rests on. */
  preset?: { to?: string; cite?: string[] };
}) {
  const [state, action] = useActionState(moveStatusAction, INITIAL_FORM_STATE);
  const errors = state.fieldErrors ?? {};
  const chosen = fieldValue(state, "toStatus", preset?.to ?? "");
  const cited = fieldValues(state, "citedEvidenceIds", preset?.cite ?? []);
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="claimId" value={claimId} />
      <input type="hidden" name="fromStatus" value={fromStatus} />
      <fieldset aria-describedby={errors.toStatus ? "toStatus-error" : undefined}>
        <legend className="text-sm font-semibold">Move to</legend>
        <div key={controlKey(chosen)} className="mt-2 grid gap-2 sm:grid-cols-2">
          {moves.map((move, index) => (
            <label key={move.to} className="flex min-h-11 gap-3 rounded-md border border-rule bg-white p-3 text-sm has-[:checked]:border-ink has-[:checked]:ring-1 has-[:checked]:ring-ink">
              <input type="radio" id={index === 0 ? "toStatus" : undefined} name="toStatus" value={move.to} defaultChecked={chosen === move.to} className="mt-0.5 h-4 w-4" />
              <span>
                <span className="font-semibold">{move.label}</span>
                <span className="block text-muted">{move.meaning}</span>
                {move.citation ? <span className="block text-xs text-muted">Must cite {move.citation}.</span> : null}
              </span>
            </label>
          ))}
        </div>
        {errors.toStatus ? (
          <p id="toStatus-error" className="mt-1 text-sm font-medium text-status-negative">
            {errors.toStatus.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <Field id="rationale" label="Rationale" hint="Readers see this, with the date, on the public page." errors={errors.rationale} value={fieldValue(state, "rationale")}>
        {(props) => <textarea {...props} name="rationale" rows={4} required maxLength={4000} />}
      </Field>
      <fieldset aria-describedby={errors.citedEvidenceIds ? "cited-error" : undefined}>
        <legend className="text-sm font-semibold">Evidence cited</legend>
        {evidence.length === 0 ? <p className="mt-1 text-sm text-muted">This claim has no evidence yet.</p> : null}
        <ul key={controlKey(cited)} className="mt-2 space-y-2">
          {evidence.map((item, index) => (
            <li key={item.id}>
              <label className="flex gap-3 text-sm">
                <input type="checkbox" id={index === 0 ? "citedEvidenceIds" : undefined} name="citedEvidenceIds" value={item.id} defaultChecked={cited.includes(item.id)} className="mt-0.5 h-4 w-4" />
                <span>
                  {item.label} <span className="text-muted">({item.stance})</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
        {errors.citedEvidenceIds ? (
          <p id="cited-error" className="mt-1 text-sm font-medium text-status-negative">
            {errors.citedEvidenceIds.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <SubmitButton pendingLabel="Recording…">Record the move</SubmitButton>
    </form>
  );
}
