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

export const PERSONAS: readonly Persona[] = ["anonymous", "editor", "fact_checker", "admin", "deactivated"];

/** Signed-in personas that survive the database reset before each test (or each fuzz run). */
export type PersonaPool = {
  /** Puts the personas' accounts and sessions back after a reset; cheap, no hashing, no sign-in. */
  restore: () => Promise<void>;
  /** Makes the test "browser" that persona, as actAs does. */
  use: (persona: Persona) => void;
  /** The account behind a signed-in persona (its email and password sign in for real). */
  account: (persona: Exclude<Persona, "anonymous">) => { id: string; email: string; password: string };
};

/**
 * Signs every persona in once, through the real path (Argon2id, Better Auth, the session table),
 * and keeps the rows that make them up. Signing in costs tens of milliseconds of hashing; a
 * property test that resets the database before each of its runs puts these rows back instead.
 */
export async function signInPersonas(): Promise<PersonaPool> {
  const accounts = new Map<Persona, { id: string; email: string; password: string }>();
  const cookies = new Map<Persona, Map<string, string>>();
  for (const persona of PERSONAS) {
    if (persona === "anonymous") continue;
    const account = await createAccountWithPassword(persona === "deactivated" ? "editor" : persona);
    cookies.set(persona, await sessionCookieFor(account));
    if (persona === "deactivated") await db().user.update({ where: { id: account.id }, data: { deactivatedAt: new Date() } });
    accounts.set(persona, account);
  }
  const ids = [...accounts.values()].map((account) => account.id);
  // Whole rows as JSON, put back with json_populate_recordset: every column, whatever is added later.
  const rows = async (table: "users" | "accounts" | "sessions", column: "id" | "userId") =>
    JSON.stringify(
      (await db().$queryRawUnsafe<{ row: unknown }[]>(`SELECT row_to_json(t) AS row FROM ${table} t WHERE t."${column}" = ANY($1::text[])`, ids)).map(
        ({ row }) => row,
      ),
    );
  const saved = { users: await rows("users", "id"), accounts: await rows("accounts", "userId"), sessions: await rows("sessions", "userId") };
  return {
    async restore() {
      for (const table of ["users", "accounts", "sessions"] as const) {
        await db().$executeRawUnsafe(`INSERT INTO ${table} SELECT * FROM json_populate_recordset(NULL::${table}, $1::json)`, saved[table]);
      }
    },
    use(persona) {
      browser.clear();
      for (const [name, value] of cookies.get(persona) ?? []) browser.cookies.set(name, value);
    },
    account(persona) {
      const account = accounts.get(persona);
      if (!account) throw new Error(`no account for ${persona}`);
      return account;
    },
  };
}
