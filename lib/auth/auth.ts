import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/auth/schema";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";

/** A session ends this long after sign-in, whatever happens (docs/authentication.md). */
export const SESSION_ABSOLUTE_SECONDS = 7 * 24 * 60 * 60;
/** …and earlier if unused for this long (checked in lib/auth/session.ts). */
export const SESSION_IDLE_SECONDS = 8 * 60 * 60;

function createAuth() {
  const env = serverEnv();
  return betterAuth({
    appName: "Claimtrail",
    baseURL: env.APP_URL,
    secret: env.AUTH_SECRET,
    database: prismaAdapter(db(), { provider: "postgresql" }),
    emailAndPassword: {
      enabled: true,
      // Accounts are created by admins (lib/accounts), never by visitors.
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN,
      maxPasswordLength: PASSWORD_MAX,
      password: { hash: hashPassword, verify: ({ hash, password }) => verifyPassword(hash, password) },
    },
    session: {
      expiresIn: SESSION_ABSOLUTE_SECONDS,
      // The absolute lifetime is fixed at sign-in; the idle timeout is ours (session.ts).
      disableSessionRefresh: true,
      // Every request reads the session from the database, so ending it takes effect at once.
      cookieCache: { enabled: false },
    },
    // Sign-in is throttled per account and per address in lib/auth/throttle.ts, in the database,
    // so that every app instance sees the same counts.
    rateLimit: { enabled: false },
    advanced: {
      cookiePrefix: "claimtrail",
      useSecureCookies: env.NODE_ENV === "production",
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", path: "/" },
      // Ids come from the schema's defaults (UUIDv7), like every other table.
      database: { generateId: false },
    },
    databaseHooks: {
      session: {
        create: {
          // A deactivated account cannot start a session, even with the right password.
          async before(session) {
            const user = await db().user.findUnique({ where: { id: session.userId }, select: { deactivatedAt: true } });
            return user && !user.deactivatedAt ? { data: session } : false;
          },
        },
      },
    },
    plugins: [nextCookies()],
  });
}

let instance: ReturnType<typeof createAuth> | undefined;

export function getAuth() {
  instance ??= createAuth();
  return instance;
}
