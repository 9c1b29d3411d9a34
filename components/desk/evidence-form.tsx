"use client";

import Link from "next/link";
import { useActionState, useRef, useState } from "react";
import { Field, RadioGroup } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldValue, type FormState, INITIAL_FORM_STATE } from "@/lib/actions/form-state";
import { matchOutlet } from "@/lib/evidence/domain";
import { DERIVATIONS, SOURCINGS, STANCES } from "@/lib/evidence/schema";
import { SOURCING_LABEL, STANCE_LABEL } from "@/lib/evidence/stance";

export type OutletOption = { id: string; name: string; domain: string | null };
export type SpeakerOption = { id: string; name: string; description: string };
export type SiblingEvidence = { id: string; label: string };

export type EvidenceDefaults = {
  url: string;
  headline: string;
  publishedAt: string;
  stance: string;
  sourcing: string;
  outletId: string;
  speakerId: string;
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
  outletId: "",
  speakerId: "",
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
  outlets,
  speakers,
  siblings,
  timeZone,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  claimId: string;
  /** Present when editing. */
  evidence?: { id: string; version: number };
  defaults: EvidenceDefaults;
  outlets: OutletOption[];
  speakers: SpeakerOption[];
  siblings: SiblingEvidence[];
  /** The editor's zone, in which the publication time is shown and entered; `description` names it with its offsets. */
  timeZone: { id: string; description: string };
}) {
  const [state, formAction] = useActionState(action, INITIAL_FORM_STATE);
  const errors = state.fieldErrors ?? {};
  const value = (name: keyof EvidenceDefaults) => fieldValue(state, name, defaults[name]);
  const outletRef = useRef<HTMLSelectElement>(null);
  const [suggested, setSuggested] = useState(false);

  // The outlet stays an uncontrolled select like every other field (see `Field`), so a suggestion
  // is written into it rather than into state.
  function suggestOutlet(url: string) {
    const select = outletRef.current;
    if (!select || (select.value && !suggested)) return;
    const match = matchOutlet(url, outlets);
    select.value = match?.id ?? "";
    setSuggested(Boolean(match));
  }

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
          <input {...props} name="url" type="url" inputMode="url" required maxLength={2048} onChange={(event) => suggestOutlet(event.target.value)} autoComplete="off" />
        )}
      </Field>

      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="outletId" label="Outlet" hint={suggested ? "Suggested from the web address." : "Or add a new outlet below."} errors={errors.outletId} value={value("outletId")}>
          {(props) => (
            <select {...props} ref={outletRef} name="outletId" onChange={() => setSuggested(false)}>
              <option value="">Choose an outlet…</option>
              {outlets.map((outlet) => (
                <option key={outlet.id} value={outlet.id}>
                  {outlet.name}
                  {outlet.domain ? ` (${outlet.domain})` : ""}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="grid grid-cols-2 gap-3">
          <Field id="newOutletName" label="New outlet" errors={errors.newOutletName} value={fieldValue(state, "newOutletName")}>
            {(props) => <input {...props} name="newOutletName" autoComplete="off" />}
          </Field>
          <Field id="newOutletDomain" label="Its domain" errors={errors.newOutletDomain} value={fieldValue(state, "newOutletDomain")}>
            {(props) => <input {...props} name="newOutletDomain" placeholder="cbc.ca" autoComplete="off" />}
          </Field>
        </div>
      </div>

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
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="speakerId" label="A named speaker" errors={errors.speakerId} value={value("speakerId")}>
            {(props) => (
              <select {...props} name="speakerId">
                <option value="">None, or a new one →</option>
                {speakers.map((speaker) => (
                  <option key={speaker.id} value={speaker.id}>
                    {speaker.name}
                    {speaker.description ? ` — ${speaker.description}` : ""}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="newSpeakerName" label="New named speaker" errors={errors.newSpeakerName} value={fieldValue(state, "newSpeakerName")}>
            {(props) => <input {...props} name="newSpeakerName" autoComplete="off" />}
          </Field>
        </div>
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
