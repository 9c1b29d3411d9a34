"use server";

import type { Route } from "next";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { acceptInvitation, changeRole, createAccount, setAccountActive, setOwnTimeZone } from "@/lib/accounts/mutations";
import { AccountActiveSchema, AccountCreateSchema, AccountRoleSchema, InvitationAcceptSchema, TimeZoneChoiceSchema } from "@/lib/accounts/schema";
import { defineFormAction, describeError, isFormData, UNREADABLE_FORM } from "@/lib/actions/define-action";
import type { FormState } from "@/lib/actions/form-state";

export const createAccountAction = defineFormAction({
  permission: "user.manage",
  schema: AccountCreateSchema,
  async run(input, viewer) {
    const { invitationUrl } = await createAccount(viewer, input);
    revalidatePath("/desk/accounts");
    return {
      status: "success",
      message: `Account created for ${input.email}. Send them this one-time link to set their password (it is shown only now and works for 7 days):`,
      link: invitationUrl,
    };
  },
});

export const setTimeZoneAction = defineFormAction({
  permission: "profile.update",
  schema: TimeZoneChoiceSchema,
  async run(input, viewer) {
    await setOwnTimeZone(viewer, input);
    // Every desk page shows times in it.
    revalidatePath("/desk", "layout");
    return {
      status: "success",
      message: input.timeZone ? `Saved: the desk shows and takes times in ${input.timeZone}.` : "Saved: the desk shows and takes times in the newsroom's time zone.",
    };
  },
});

export const changeRoleAction = defineFormAction({
  permission: "user.manage",
  schema: AccountRoleSchema,
  async run(input, viewer) {
    await changeRole(viewer, input);
    revalidatePath("/desk/accounts");
    return { status: "success", message: "Role changed; their sessions were ended." };
  },
});

export const setAccountActiveAction = defineFormAction({
  permission: "user.manage",
  schema: AccountActiveSchema,
  async run(input, viewer) {
    await setAccountActive(viewer, input);
    revalidatePath("/desk/accounts");
    return {
      status: "success",
      message: input.active === "deactivate" ? "Account deactivated; its sessions were ended." : "Account reactivated.",
    };
  },
});

/** For the invited person, who has no session yet: the token in the link is the authority. */
export async function acceptInvitationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  if (!isFormData(formData)) return UNREADABLE_FORM;
  const parsed = InvitationAcceptSchema.safeParse({
    token: formData.get("token"),
    password: formData.get("password"),
    confirm: formData.get("confirm"),
  });
  if (!parsed.success) {
    return { status: "error", message: "Some fields need attention.", fieldErrors: z.flattenError(parsed.error).fieldErrors };
  }
  try {
    await acceptInvitation(parsed.data);
  } catch (error) {
    const { message, field } = describeError(error);
    return { status: "error", message, fieldErrors: field ? { [field]: [message] } : undefined };
  }
  redirect("/sign-in?invited=1" as Route);
}
