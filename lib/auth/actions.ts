"use server";

import { APIError } from "better-auth/api";
import type { Route } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { describeError, formValues, isFormData, UNREADABLE_FORM } from "@/lib/actions/define-action";
import type { FormState } from "@/lib/actions/form-state";
import { getAuth } from "@/lib/auth/auth";
import { clientAddress } from "@/lib/auth/client-address";
import { safeNextPath, SignInSchema } from "@/lib/auth/schema";
import { beginSignInAttempt, signInRetryAfterMinutes } from "@/lib/auth/throttle";

// One answer for an unknown email, a wrong password and a deactivated account: no enumeration.
const WRONG_CREDENTIALS = "That email and password do not match an active account.";

export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  if (!isFormData(formData)) return UNREADABLE_FORM;
  // The password is never echoed back to the form.
  const values = formValues(formData);
  delete values.password;
  const parsed = SignInSchema.safeParse({ ...values, password: formData.get("password") ?? "" });
  if (!parsed.success) {
    const { fieldErrors } = await import("zod").then(({ z }) => z.flattenError(parsed.error));
    return { status: "error", message: "Enter your email and password.", fieldErrors, values };
  }
  const { email, password, next } = parsed.data;
  const requestHeaders = await headers();
  const address = clientAddress(requestHeaders);

  const attempt = await beginSignInAttempt(email, address);
  const waitMinutes = await signInRetryAfterMinutes(email, address);
  if (waitMinutes !== null) {
    return {
      status: "error",
      message: `Too many failed attempts. Try again in ${waitMinutes} minute${waitMinutes === 1 ? "" : "s"}.`,
      values,
    };
  }

  try {
    await getAuth().api.signInEmail({ body: { email, password }, headers: requestHeaders });
  } catch (error) {
    if (error instanceof APIError) return { status: "error", message: WRONG_CREDENTIALS, values };
    return { status: "error", message: describeError(error).message, values };
  }
  await attempt.succeeded();
  redirect(safeNextPath(next) as Route);
}

export async function signOutAction(): Promise<void> {
  await getAuth().api.signOut({ headers: await headers() }).catch(() => undefined);
  redirect("/sign-in?signedOut=1");
}
