// Zod schemas for sign-in and passwords, shared by forms and server actions.
import { z } from "zod";

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter an email address such as name@newsroom.org" }).max(254));

/** Length only: no composition rules (NIST SP 800-63B). The common-password check is server-side. */
export const NewPasswordSchema = z
  .string()
  .min(PASSWORD_MIN, { error: `Use at least ${PASSWORD_MIN} characters` })
  .max(PASSWORD_MAX, { error: `Use at most ${PASSWORD_MAX} characters` });

export const SignInSchema = z.object({
  email: EmailSchema,
  // Never reveal the policy at sign-in; an over-long password simply fails.
  password: z.string().min(1, { error: "Enter your password" }).max(1_024),
  next: z.string().optional(),
});

export type SignInInput = z.infer<typeof SignInSchema>;

/**
 * Where to go after signing in: only a path on this site. "//evil.example", "/\\evil.example",
 * absolute URLs and anything odd fall back to the desk.
 */
export function safeNextPath(next: string | undefined | null, fallback = "/desk"): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f\\]/.test(next)) return fallback;
  try {
    const url = new URL(next, "http://claimtrail.invalid");
    if (url.origin !== "http://claimtrail.invalid") return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
