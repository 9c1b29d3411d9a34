"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldValue, INITIAL_FORM_STATE } from "@/lib/actions/form-state";
import { createApiTokenAction, revokeApiTokenAction } from "@/lib/api-tokens/actions";
import { API_TOKEN_SCOPES, SCOPE_LABEL } from "@/lib/api-tokens/schema";

export function CreateApiTokenForm() {
  const [state, action] = useActionState(createApiTokenAction, INITIAL_FORM_STATE);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      {state.secret ? (
        <p className="break-all rounded-md border border-rule bg-white p-3 font-mono text-sm" aria-label="New API token">
          {state.secret}
        </p>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="name" label="Name" hint="Where it is used, such as “WordPress newsroom site”." errors={errors.name} value={fieldValue(state, "name")}>
          {(props) => <input {...props} name="name" required maxLength={80} />}
        </Field>
        <Field id="scope" label="Scope" errors={errors.scope} value={fieldValue(state, "scope", "read")}>
          {(props) => (
            <select {...props} name="scope">
              {API_TOKEN_SCOPES.map((scope) => (
                <option key={scope} value={scope}>
                  {SCOPE_LABEL[scope]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <SubmitButton pendingLabel="Creating…">Create token</SubmitButton>
    </form>
  );
}

export function RevokeApiTokenForm({ id, name }: { id: string; name: string }) {
  const [state, action] = useActionState(revokeApiTokenAction, INITIAL_FORM_STATE);
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="danger" pendingLabel="Revoking…">
        Revoke {name}
      </SubmitButton>
      {state.message ? <FormMessage state={state} /> : null}
    </form>
  );
}
