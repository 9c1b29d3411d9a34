"use client";

import { useActionState } from "react";
import { controlKey, Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldValue, INITIAL_FORM_STATE } from "@/lib/actions/form-state";
import { changeRoleAction, createAccountAction, setAccountActiveAction } from "@/lib/accounts/actions";

const ROLE_OPTIONS = [
  { value: "editor", label: "Editor" },
  { value: "fact_checker", label: "Fact-checker" },
  { value: "admin", label: "Admin" },
];

export function CreateAccountForm() {
  const [state, action] = useActionState(createAccountAction, INITIAL_FORM_STATE);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      {state.link ? (
        <p className="break-all rounded-md border border-rule bg-white p-3 font-mono text-sm" aria-label="Invitation link">
          {state.link}
        </p>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="name" label="Name" errors={errors.name} value={fieldValue(state, "name")}>
          {(props) => <input {...props} name="name" required />}
        </Field>
        <Field id="email" label="Email" errors={errors.email} value={fieldValue(state, "email")}>
          {(props) => <input {...props} name="email" type="email" required />}
        </Field>
        <Field id="role" label="Role" errors={errors.role} value={fieldValue(state, "role", "editor")}>
          {(props) => (
            <select {...props} name="role">
              {ROLE_OPTIONS.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <SubmitButton pendingLabel="Creating…">Create account and invitation link</SubmitButton>
    </form>
  );
}

export function RoleForm({ userId, role, name }: { userId: string; role: string; name: string }) {
  const [state, action] = useActionState(changeRoleAction, INITIAL_FORM_STATE);
  const chosen = fieldValue(state, "role", role);
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="userId" value={userId} />
      <label className="text-sm">
        <span className="sr-only">Role of {name}</span>
        <select key={controlKey(chosen)} name="role" defaultValue={chosen} className="rounded-md border border-rule bg-white px-2 py-2">
          {ROLE_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        Change role
      </SubmitButton>
      {state.message ? <FormMessage state={state} /> : null}
    </form>
  );
}

export function ActiveForm({ userId, active, name }: { userId: string; active: boolean; name: string }) {
  const [state, action] = useActionState(setAccountActiveAction, INITIAL_FORM_STATE);
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="active" value={active ? "deactivate" : "activate"} />
      <SubmitButton variant={active ? "danger" : "secondary"} pendingLabel="Saving…">
        {active ? `Deactivate ${name}` : `Reactivate ${name}`}
      </SubmitButton>
      {state.message ? <FormMessage state={state} /> : null}
    </form>
  );
}
