"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { INITIAL_FORM_STATE } from "@/lib/actions/form-state";
import { acceptInvitationAction } from "@/lib/accounts/actions";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/auth/schema";

export function InvitationForm({ token }: { token: string }) {
  const [state, action] = useActionState(acceptInvitationAction, INITIAL_FORM_STATE);
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <Field id="password" label="New password" hint={`${PASSWORD_MIN} to ${PASSWORD_MAX} characters. A long phrase is best; common passwords are refused.`} errors={state.fieldErrors?.password}>
        {(props) => <input {...props} name="password" type="password" autoComplete="new-password" required minLength={PASSWORD_MIN} maxLength={PASSWORD_MAX} />}
      </Field>
      <Field id="confirm" label="The same password again" errors={state.fieldErrors?.confirm}>
        {(props) => <input {...props} name="confirm" type="password" autoComplete="new-password" required />}
      </Field>
      <SubmitButton pendingLabel="Saving…">Set password</SubmitButton>
    </form>
  );
}
