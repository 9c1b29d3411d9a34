// Signed-in test users, through the real sign-in path (Better Auth, Argon2id, the sessions table).
import { randomUUID } from "node:crypto";
import { getAuth } from "@/lib/auth/auth";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { browser } from "@/tests/setup/next-request";

const PASSWORD = "correct horse battery staple";

export async function createAccountWithPassword(role: Role, password = PASSWORD) {
  const email = `${role}-${randomUUID().slice(0, 8)}@test.example`;
  const user = await db().user.create({ data: { name: `Test ${role}`, email, role }, select: { id: true } });
  await db().account.create({ data: { userId: user.id, providerId: "credential", accountId: user.id, password: await hashPassword(password) } });
  return { id: user.id, email, role, password };
}

/** Signs `account` in and returns the session cookie (name → value) a browser would keep. */
export async function sessionCookieFor(account: { email: string; password: string }): Promise<Map<string, string>> {
  const response = await getAuth().api.signInEmail({ body: { email: account.email, password: account.password }, asResponse: true });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
  const cookies = new Map<string, string>();
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(";");
    const [name, ...rest] = pair!.split("=");
    cookies.set(name!.trim(), rest.join("="));
  }
  return cookies;
}

export type Persona = "anonymous" | "editor" | "fact_checker" | "admin" | "deactivated";

/** Makes the test "browser" that persona: signed out, signed in with a role, or deactivated. */
export async function actAs(persona: Persona): Promise<{ id: string | null }> {
  browser.clear();
  if (persona === "anonymous") return { id: null };
  const account = await createAccountWithPassword(persona === "deactivated" ? "editor" : persona);
  for (const [name, value] of await sessionCookieFor(account)) browser.cookies.set(name, value);
  if (persona === "deactivated") await db().user.update({ where: { id: account.id }, data: { deactivatedAt: new Date() } });
  return { id: account.id };
}
