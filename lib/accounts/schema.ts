// Zod schemas for newsroom accounts (isomorphic).
import { z } from "zod";
import { EmailSchema, NewPasswordSchema } from "@/lib/auth/schema";
import { text } from "@/lib/forms";

export const ROLES = ["editor", "fact_checker", "admin"] as const;

export const AccountCreateSchema = z.object({
  name: text("The name", { min: 1, max: 120 }),
  email: EmailSchema,
  role: z.enum(ROLES, { error: "Choose a role" }),
});

export const AccountRoleSchema = z.object({ userId: z.string().min(1), role: z.enum(ROLES, { error: "Choose a role" }) });

export const AccountActiveSchema = z.object({ userId: z.string().min(1), active: z.enum(["activate", "deactivate"]) });

export const InvitationAcceptSchema = z
  .object({
    token: z.string().min(20).max(200),
    password: NewPasswordSchema,
    confirm: z.string(),
  })
  .refine((value) => value.password === value.confirm, { path: ["confirm"], error: "The two passwords differ" });

export type AccountCreateInput = z.infer<typeof AccountCreateSchema>;
export type AccountRoleInput = z.infer<typeof AccountRoleSchema>;
export type AccountActiveInput = z.infer<typeof AccountActiveSchema>;
export type InvitationAcceptInput = z.infer<typeof InvitationAcceptSchema>;
