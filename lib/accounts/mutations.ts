import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { AccountActiveInput, AccountCreateInput, AccountRoleInput, InvitationAcceptInput, TimeZoneChoiceInput } from "@/lib/accounts/schema";
import { createdFields } from "@/lib/audit/diff";
import { recordAudit, type Tx } from "@/lib/audit/mutations";
import { hashPassword } from "@/lib/auth/password";
import { isCommonPassword } from "@/lib/auth/password-policy";
import { assertCan, type ChangeActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { InvalidInputError, NotFoundError } from "@/lib/errors";

export const INVITATION_DAYS = 7;
const INVITATION_PREFIX = "invitation:";

const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Creates an account without a password and returns a one-time link, shown once to the admin,
 * with which the new member sets their own password. Only the link's hash is stored.
 */
export async function createAccount(actor: ChangeActor, input: AccountCreateInput): Promise<{ userId: string; invitationUrl: string }> {
  assertCan(actor, "user.manage");
  return db().$transaction((tx) => insertInvitedUser(tx, actor, input));
}

async function insertInvitedUser(tx: Tx, actor: ChangeActor | null, input: AccountCreateInput) {
  if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    throw new InvalidInputError("An account with this email already exists.", "email");
  }
  const user = await tx.user.create({ data: { name: input.name, email: input.email, role: input.role }, select: { id: true } });
  const token = randomBytes(32).toString("base64url");
  await tx.verification.create({
    data: {
      identifier: `${INVITATION_PREFIX}${user.id}`,
      value: tokenHash(token),
      expiresAt: new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60 * 1000),
    },
  });
  // The first admin creates themself: the history says so.
  await recordAudit(tx, actor ?? { id: user.id, role: input.role }, { action: "user_created", subjectUserId: user.id, changes: createdFields(input) });
  return { userId: user.id, invitationUrl: new URL(`/invite/${token}`, serverEnv().APP_URL).toString() };
}

/**
 * The first admin of a new installation, from the command line (npm run account:first-admin).
 * Refused once any active admin exists: from then on, admins invite people from the desk.
 */
export async function createFirstAdmin(input: { name: string; email: string }): Promise<{ invitationUrl: string }> {
  return db().$transaction(
    async (tx) => {
      if ((await tx.user.count({ where: { role: "admin", deactivatedAt: null } })) > 0) {
        throw new InvalidInputError("An active admin exists already: ask them to invite you from the desk.");
      }
      return insertInvitedUser(tx, null, { ...input, role: "admin" });
    },
    { isolationLevel: "Serializable" },
  );
}

function assertNotSelf(actor: ChangeActor, userId: string, what: string) {
  // An admin who demotes or deactivates themself could leave the newsroom without an admin.
  if (actor.id === userId) throw new InvalidInputError(`You cannot ${what} your own account; ask another admin.`);
}

/** Changes a role and ends that person's sessions at once, so the new role applies everywhere. */
export async function changeRole(actor: ChangeActor, input: AccountRoleInput): Promise<void> {
  assertCan(actor, "user.manage");
  assertNotSelf(actor, input.userId, "change the role of");
  await db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { role: true } });
    if (!user) throw new NotFoundError("That account no longer exists.");
    if (user.role === input.role) return;
    await tx.user.update({ where: { id: input.userId }, data: { role: input.role } });
    await tx.session.deleteMany({ where: { userId: input.userId } });
    await recordAudit(tx, actor, {
      action: "user_role_changed",
      subjectUserId: input.userId,
      changes: { role: { from: user.role, to: input.role } },
    });
  });
}

/** Deactivation ends every session of that account at once; reactivation lets it sign in again. */
export async function setAccountActive(actor: ChangeActor, input: AccountActiveInput): Promise<void> {
  assertCan(actor, "user.manage");
  const activate = input.active === "activate";
  assertNotSelf(actor, input.userId, activate ? "reactivate" : "deactivate");
  await db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { deactivatedAt: true } });
    if (!user) throw new NotFoundError("That account no longer exists.");
    if (Boolean(user.deactivatedAt) === !activate) return;
    const deactivatedAt = activate ? null : new Date();
    await tx.user.update({ where: { id: input.userId }, data: { deactivatedAt } });
    if (!activate) await tx.session.deleteMany({ where: { userId: input.userId } });
    await recordAudit(tx, actor, {
      action: activate ? "user_reactivated" : "user_deactivated",
      subjectUserId: input.userId,
      changes: { deactivatedAt: { from: user.deactivatedAt?.toISOString() ?? null, to: deactivatedAt?.toISOString() ?? null } },
    });
  });
}

/** Sets the password of an invited account; the link works once, for INVITATION_DAYS days. */
export async function acceptInvitation(input: InvitationAcceptInput): Promise<{ email: string }> {
  if (isCommonPassword(input.password)) {
    throw new InvalidInputError("That password is on the list of the most common passwords. Choose another.", "password");
  }
  const passwordHash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    const invitation = await tx.verification.findFirst({
      where: { value: tokenHash(input.token), identifier: { startsWith: INVITATION_PREFIX }, expiresAt: { gt: new Date() } },
      select: { id: true, identifier: true },
    });
    if (!invitation) throw new NotFoundError("This invitation link has expired or was already used. Ask an admin for a new one.");
    const userId = invitation.identifier.slice(INVITATION_PREFIX.length);
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, deactivatedAt: true } });
    if (!user || user.deactivatedAt) throw new NotFoundError("This invitation is no longer valid. Ask an admin for a new one.");
    await tx.verification.delete({ where: { id: invitation.id } });
    await tx.account.upsert({
      where: { providerId_accountId: { providerId: "credential", accountId: userId } },
      update: { password: passwordHash },
      create: { userId, providerId: "credential", accountId: userId, password: passwordHash },
    });
    return { email: user.email };
  });
}


/**
 * Sets the actor's own time zone (null: follow the newsroom's). There is no account to choose:
 * the `where` is the actor, so nobody can set another person's zone. A display preference, not
 * part of the newsroom's record, so it writes no audit event.
 */
export async function setOwnTimeZone(actor: ChangeActor, input: TimeZoneChoiceInput): Promise<void> {
  assertCan(actor, "profile.update");
  const { count } = await db().user.updateMany({ where: { id: actor.id, deactivatedAt: null }, data: { timeZone: input.timeZone } });
  if (count === 0) throw new NotFoundError("Your account is no longer active.");
}
