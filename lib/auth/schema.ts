// Zod schemas for sign-in and passwords, shared by forms and server actions.
import { z } from "zod";
import { storableText } from "@/lib/text";

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export const EmailSchema = storableText("The email address")
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter an email address such as name@newsroom.org" }).max(254));

/** Length only: no composition rules (NIST SP 800-63B). The common-password check is server-side. */
export const NewPasswordSchema = storableText("The password")
  .min(PASSWORD_MIN, { error: `Use at least ${PASSWORD_MIN} characters` })
  .max(PASSWORD_MAX, { error: `Use at most ${PASSWORD_MAX} characters` });

export const SignInSchema = z.object({
  email: EmailSchema,
  // Never reveal the policy at sign-in; an over-long password simply fails.
  password: storableText("The password").min(1, { error: "Enter your password" }).max(1_024),
  // A poisoned `next` falls back to the desk rather than blocking the sign-in.
  next: storableText().optional().catch(undefined),
});

export type SignInInput = z.infer<typeof SignInSchema>;

// A placeholder origin to resolve `next` against: only what stays on it is a path of this site.
const HERE = "http://claimtrail.invalid";

/**
 * Where to go after signing in: only a path on this site, by construction. `next` is parsed as a
 * URL against this site, must stay on it, and what is returned is the parsed URL's own path,
 * query and fragment, which must itself parse back to the same place (so "/..//evil.example",
 * whose path normalises to "//evil.example", a protocol-relative URL, is refused). Anything
 * odd falls back to the desk.
 */
export function safeNextPath(next: string | undefined | null, fallback = "/desk"): string {
  // Control characters and backslashes are never part of a path we link to; browsers drop or
  // reinterpret them ("/\\evil" is "//evil"), so a `next` holding any is refused outright.
  if (!next || next.length > 2_000 || !next.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, HERE);
  } catch {
    return fallback;
  }
  if (url.origin !== HERE) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!path.startsWith("/") || path.startsWith("//")) return fallback;
  const again = new URL(path, HERE);
  if (again.origin !== HERE || `${again.pathname}${again.search}${again.hash}` !== path) return fallback;
  return path;
}
