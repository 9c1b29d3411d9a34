// Zod schemas for newsroom accounts (isomorphic).
import { z } from "zod";
import { EmailSchema, NewPasswordSchema } from "@/lib/auth/schema";
import { text } from "@/lib/forms";
import { storableText } from "@/lib/text";
import { TimeZoneSchema } from "@/lib/time/zones";

export const ROLES = ["editor", "fact_checker", "admin"] as const;

export const AccountCreateSchema = z.object({
  name: text("The name", { min: 1, max: 120 }),
  email: EmailSchema,
  role: z.enum(ROLES, { error: "Choose a role" }),
});

const AccountIdSchema = storableText("The account").min(1, { error: "Choose an account" }).max(100);

export const AccountRoleSchema = z.object({ userId: AccountIdSchema, role: z.enum(ROLES, { error: "Choose a role" }) });

export const AccountActiveSchema = z.object({ userId: AccountIdSchema, active: z.enum(["activate", "deactivate"]) });

/** One's own time zone; empty means "the newsroom's". There is no account field: it is always one's own. */
export const TimeZoneChoiceSchema = z.object({
  timeZone: z.preprocess((value) => (value === "" ? null : value), TimeZoneSchema.nullable()),
});

/** The secret in an invitation link (/invite/<token>); anything else is not a link we made. */
export const InvitationTokenSchema = storableText("The invitation link")
  .min(20, { error: "This invitation link is incomplete. Open the whole link from your message." })
  .max(200, { error: "This invitation link is not valid." });

export const InvitationAcceptSchema = z
  .object({
    token: InvitationTokenSchema,
    password: NewPasswordSchema,
    confirm: storableText("The repeated password"),
  })
  .refine((value) => value.password === value.confirm, { path: ["confirm"], error: "The two passwords differ" });

export type AccountCreateInput = z.infer<typeof AccountCreateSchema>;
export type AccountRoleInput = z.infer<typeof AccountRoleSchema>;
export type AccountActiveInput = z.infer<typeof AccountActiveSchema>;
export type TimeZoneChoiceInput = z.infer<typeof TimeZoneChoiceSchema>;
export type InvitationAcceptInput = z.infer<typeof InvitationAcceptSchema>;
