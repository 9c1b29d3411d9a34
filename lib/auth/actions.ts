"use server";

import { APIError } from "better-auth/api";
import type { Route } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { describeError, formValues, isFormData, UNREADABLE_FORM } from "@/lib/actions/define-action";
import type { FormState } from "@/lib/actions/form-state";
import { getAuth } from "@/lib/auth/auth";
import { databaseUnavailableCount, isDatabaseUnavailable } from "@/lib/db/unavailable";
import { clientAddress } from "@/lib/auth/client-address";
import { safeNextPath, SignInSchema } from "@/lib/auth/schema";
import { beginSignInAttempt, signInRetryAfterMinutes } from "@/lib/auth/throttle";

// One answer for an unknown email, a wrong password and a deactivated account: no enumeration.
const WRONG_CREDENTIALS = "That email and password do not match an active account.";
const SIGN_IN_UNAVAILABLE = "Signing in is unavailable right now: the database is unreachable. Try again in a moment.";

function signInFailure(error: unknown): string {
  return isDatabaseUnavailable(error) ? SIGN_IN_UNAVAILABLE : describeError(error).message;
}

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

  let attempt: Awaited<ReturnType<typeof beginSignInAttempt>>;
  try {
    attempt = await beginSignInAttempt(email, address);
    const waitMinutes = await signInRetryAfterMinutes(email, address);
    if (waitMinutes !== null) {
      return {
        status: "error",
        message: `Too many failed attempts. Try again in ${waitMinutes} minute${waitMinutes === 1 ? "" : "s"}.`,
        values,
      };
    }
  } catch (error) {
    return { status: "error", message: signInFailure(error), values };
  }

  const failuresBefore = databaseUnavailableCount();
  try {
    await getAuth().api.signInEmail({ body: { email, password }, headers: requestHeaders });
  } catch (error) {
    // Better Auth answers a failed look-up with an APIError too: only a refusal while the database
    // answered means the email and password do not match.
    if (error instanceof APIError && !isDatabaseUnavailable(error) && databaseUnavailableCount() === failuresBefore) {
      return { status: "error", message: WRONG_CREDENTIALS, values };
    }
    return { status: "error", message: signInFailure(error), values };
  }
  try {
    await attempt.succeeded();
  } catch (error) {
    // Signed in; only the throttle's bookkeeping was lost.
    console.error(error);
  }
  redirect(safeNextPath(next) as Route);
}

export async function signOutAction(): Promise<void> {
  await getAuth().api.signOut({ headers: await headers() }).catch(() => undefined);
  redirect("/sign-in?signedOut=1");
}
