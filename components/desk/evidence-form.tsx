"use client";

import Link from "next/link";
import { useActionState } from "react";
import { type Chosen, chosenFromValues, EntityCombobox } from "@/components/desk/entity-combobox";
import { Field, RadioGroup } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldValue, type FormState, INITIAL_FORM_STATE } from "@/lib/actions/form-state";
import { DERIVATIONS, SOURCINGS, STANCES } from "@/lib/evidence/schema";
import { SOURCING_LABEL, STANCE_LABEL } from "@/lib/evidence/stance";

export type SiblingEvidence = { id: string; label: string };

export type EvidenceDefaults = {
  url: string;
  headline: string;
  publishedAt: string;
  stance: string;
  sourcing: string;
  /** The outlet and the named speaker chosen now (none or one each), with their labels. */
  outlet: Chosen[];
  speaker: Chosen[];
  speakerDescription: string;
  quote: string;
  derivedFromId: string;
  derivation: string;
};

export const EMPTY_EVIDENCE: EvidenceDefaults = {
  url: "",
  headline: "",
  publishedAt: "",
  stance: "reports",
  sourcing: "anonymous",
  outlet: [],
  speaker: [],
  speakerDescription: "",
  quote: "",
  derivedFromId: "",
  derivation: "",
};

const DERIVATION_LABEL = { republishes: "Republishes it (a copy, such as a wire story)", cites: "Cites it (\"as first reported by…\")" };

export function EvidenceForm({
  action,
  claimId,
  evidence,
  defaults,
  siblings,
  timeZone,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  claimId: string;
  /** Present when editing. */
  evidence?: { id: string; version: number };
  defaults: EvidenceDefaults;
  siblings: SiblingEvidence[];
  /** The editor's zone, in which the publication time is shown and entered; `description` names it with its offsets. */
  timeZone: { id: string; description: string };
}) {
  const [state, formAction] = useActionState(action, INITIAL_FORM_STATE);
  const errors = state.fieldErrors ?? {};
  const value = (name: Exclude<keyof EvidenceDefaults, "outlet" | "speaker">) => fieldValue(state, name, defaults[name]);
  const errorsOf = (...names: string[]) => names.flatMap((name) => errors[name] ?? []);
  const confirm = (name: string) => ({
    confirmName: name,
    confirmAsked: state.confirm?.includes(name),
    confirmChecked: fieldValue(state, name) === "on",
  });

  return (
    <form action={formAction} className="space-y-6" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="claimId" value={claimId} />
      {evidence ? (
        <>
          <input type="hidden" name="id" value={evidence.id} />
          <input type="hidden" name="version" value={evidence.version} />
        </>
      ) : null}

      <Field id="url" label="Web address" hint="Only http:// or https:// addresses." errors={errors.url} value={value("url")}>
        {(props) => (
          <input {...props} name="url" type="url" inputMode="url" required maxLength={2048} autoComplete="off" />
        )}
      </Field>

      <EntityCombobox
        id="outletId"
        name="outletId"
        label="Outlet"
        hint="Leave it empty to use the outlet the web address is on; type a name to find or add one."
        kind="outlet"
        initial={chosenFromValues(state.values, "outletId", "newOutlet", defaults.outlet)}
        errors={errorsOf("outletId", "newOutletName", "newOutletDomain", "newOutletDescription", "newOutletAffiliationId")}
        create={{ prefix: "newOutlet", kinds: ["organisation"], domain: true, ...confirm("confirmNewOutlet") }}
      />

      <Field id="headline" label="Headline" errors={errors.headline} value={value("headline")}>
        {(props) => <input {...props} name="headline" required maxLength={300} />}
      </Field>

      <Field
        id="publishedAt"
        label={`Published (${timeZone.description})`}
        hint="The time on a clock in your time zone, which you can change under Your account."
        errors={errors.publishedAt}
        value={value("publishedAt")}
      >
        {(props) => <input {...props} name="publishedAt" type="datetime-local" />}
      </Field>
      <input type="hidden" name="publishedAtZone" value={timeZone.id} />

      <RadioGroup name="stance" legend="Which way does it point?" options={STANCES.map((stance) => ({ value: stance, label: STANCE_LABEL[stance] }))} value={value("stance")} errors={errors.stance} />
      <RadioGroup name="sourcing" legend="How is it sourced?" options={SOURCINGS.map((sourcing) => ({ value: sourcing, label: SOURCING_LABEL[sourcing] }))} value={value("sourcing")} errors={errors.sourcing} />

      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold">Who says it</legend>
        <EntityCombobox
          id="speakerId"
          name="speakerId"
          label="A named speaker"
          hint="Type a name to find them; if they are not on the desk yet, create them with their role and affiliation."
          kind="any"
          initial={chosenFromValues(state.values, "speakerId", "newSpeaker", defaults.speaker)}
          errors={errorsOf("speakerId", "newSpeakerName", "newSpeakerKind", "newSpeakerDescription", "newSpeakerAffiliationId")}
          create={{ prefix: "newSpeaker", kinds: ["person", "organisation"], ...confirm("confirmNewSpeaker") }}
        />
        <Field id="speakerDescription" label="Or an anonymous source, described" hint="Such as: a source familiar with the conversation." errors={errors.speakerDescription} value={value("speakerDescription")}>
          {(props) => <input {...props} name="speakerDescription" maxLength={200} />}
        </Field>
      </fieldset>

      <Field id="quote" label="Quote" hint="A short quote, word for word." errors={errors.quote} value={value("quote")}>
        {(props) => <textarea {...props} name="quote" rows={3} maxLength={2000} />}
      </Field>

      {siblings.length > 0 ? (
        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold">Does it copy or cite other evidence on this claim?</legend>
          <Field id="derivedFromId" label="The evidence it copies or cites" errors={errors.derivedFromId} value={value("derivedFromId")}>
            {(props) => (
              <select {...props} name="derivedFromId">
                <option value="">No, it is independent</option>
                {siblings.map((sibling) => (
                  <option key={sibling.id} value={sibling.id}>
                    {sibling.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <RadioGroup name="derivation" legend="How" options={DERIVATIONS.map((derivation) => ({ value: derivation, label: DERIVATION_LABEL[derivation] }))} value={value("derivation")} errors={errors.derivation} />
        </fieldset>
      ) : null}

      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pendingLabel="Saving…">{evidence ? "Save evidence" : "Link evidence"}</SubmitButton>
        <Link href={`/desk/claims/${claimId}#evidence`} className="font-semibold text-muted hover:text-ink">
          Cancel
        </Link>
      </div>
    </form>
  );
}
