// Who may do what: one table, read by pages (what to show), actions (what to allow) and tests.
// Pure. Anything not listed is refused, including actions this table has never heard of.
import { ForbiddenError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

export const PERMISSIONS = {
  "desk.read": ["editor", "fact_checker", "admin"],
  // The newsroom dashboard on the desk home: counts only, nothing a desk role cannot already list.
  "dashboard.read": ["editor", "fact_checker", "admin"],
  "claim.create": ["editor"],
  "claim.update": ["editor"],
  "claim.publish": ["editor"],
  "evidence.link": ["editor"],
  "evidence.update": ["editor"],
  "evidence.remove": ["editor"],
  "entity.create": ["editor"],
  "entity.update": ["editor"],
  "entity.merge": ["editor"],
  "user.manage": ["admin"],
  /** API tokens for the newsroom's CMS (docs/api.md): made, listed and revoked by admins. */
  "token.manage": ["admin"],
  /** Webhook endpoints, their secrets and delivery logs (docs/webhooks.md). */
  "webhook.manage": ["admin"],
  /** One's own preferences (the time zone): each person changes only their own account. */
  "profile.update": ["editor", "fact_checker", "admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export type Actor = { role: Role };

/**
 * Who is making a change: the signed-in viewer, or a script acting as a named account. Through
 * the API, the admin who made the token, with the token's scope as the role, and the token's id
 * (written to every history entry the change makes).
 */
export type ChangeActor = { id: string; role: Role; apiTokenId?: string };

export function can(actor: Actor | null | undefined, permission: string): boolean {
  if (!actor || !Object.hasOwn(PERMISSIONS, permission)) return false;
  return (PERMISSIONS[permission as Permission] as readonly Role[]).includes(actor.role);
}

/** Throws ForbiddenError unless `actor` may do `permission`; mutations call it themselves. */
export function assertCan(actor: Actor | null | undefined, permission: Permission): void {
  if (!can(actor, permission)) throw new ForbiddenError("Your role does not allow this.");
}
