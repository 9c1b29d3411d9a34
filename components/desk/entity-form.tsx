"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldValue, type FormState, INITIAL_FORM_STATE } from "@/lib/actions/form-state";

type Defaults = { kind: string; name: string; description: string; affiliationId: string; domain: string };

export function EntityForm({
  action,
  defaults,
  organisations,
  entity,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  defaults: Defaults;
  organisations: { id: string; name: string }[];
  entity?: { id: string; loadedAt: string };
}) {
  const [state, formAction] = useActionState(action, INITIAL_FORM_STATE);
  const errors = state.fieldErrors ?? {};
  const value = (name: keyof Defaults) => fieldValue(state, name, defaults[name]);
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <FormMessage state={state} />
      {entity ? (
        <>
          <input type="hidden" name="id" value={entity.id} />
          <input type="hidden" name="loadedAt" value={entity.loadedAt} />
        </>
      ) : null}
      <Field id="kind" label="Kind" errors={errors.kind} value={value("kind") || "person"}>
        {(props) => (
          <select {...props} name="kind">
            <option value="person">Person</option>
            <option value="organisation">Organisation (outlets are organisations with a domain)</option>
          </select>
        )}
      </Field>
      <Field id="name" label="Name" errors={errors.name} value={value("name")}>
        {(props) => <input {...props} name="name" required maxLength={200} />}
      </Field>
      <Field id="description" label="Description" hint="Such as: Kremlin spokesman." errors={errors.description} value={value("description")}>
        {(props) => <input {...props} name="description" maxLength={300} />}
      </Field>
      <Field id="affiliationId" label="Affiliation" errors={errors.affiliationId} value={value("affiliationId")}>
        {(props) => (
          <select {...props} name="affiliationId">
            <option value="">None</option>
            {organisations.filter((organisation) => organisation.id !== entity?.id).map((organisation) => (
              <option key={organisation.id} value={organisation.id}>
                {organisation.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="domain" label="Web domain (outlets only)" hint="Such as reuters.com." errors={errors.domain} value={value("domain")}>
        {(props) => <input {...props} name="domain" maxLength={200} autoComplete="off" />}
      </Field>
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pendingLabel="Saving…">{entity ? "Save" : "Add"}</SubmitButton>
        <Link href="/desk/entities" className="font-semibold text-muted hover:text-ink">
          Cancel
        </Link>
      </div>
    </form>
  );
}
