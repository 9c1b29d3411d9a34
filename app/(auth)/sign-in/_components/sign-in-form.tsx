"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldValue, INITIAL_FORM_STATE } from "@/lib/actions/form-state";
import { signInAction } from "@/lib/auth/actions";

export function SignInForm({ next }: { next: string }) {
  const [state, action] = useActionState(signInAction, INITIAL_FORM_STATE);
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="next" value={next} />
      <Field id="email" label="Email" errors={state.fieldErrors?.email} value={fieldValue(state, "email")}>
        {(props) => (
          <input {...props} name="email" type="email" autoComplete="username" required />
        )}
      </Field>
      <Field id="password" label="Password" errors={state.fieldErrors?.password}>
        {(props) => <input {...props} name="password" type="password" autoComplete="current-password" required />}
      </Field>
      <SubmitButton pendingLabel="Signing in…">Sign in</SubmitButton>
    </form>
  );
}
