import "server-only";
import { db } from "@/lib/db";

// Failed sign-ins allowed within the window before further attempts are refused.
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

const accountKey = (email: string) => `account:${email.toLowerCase()}`;
const addressKey = (address: string) => `address:${address}`;

/**
 * Failures for `key` in the window. For an account, a successful sign-in starts the count again;
 * for an address it does not (one valid account must not buy unlimited guesses at others).
 */
async function recentFailures(key: string, since: Date, resetOnSuccess: boolean): Promise<{ count: number; oldest: Date | null }> {
  const lastSuccess = resetOnSuccess
    ? await db().signInAttempt.findFirst({
        where: { key, succeeded: true, createdAt: { gte: since } },
        orderBy: { createdAt: "desc" },
        select: { createdAt: true },
      })
    : null;
  const from = lastSuccess?.createdAt ?? since;
  const failures = await db().signInAttempt.findMany({
    where: { key, succeeded: false, createdAt: { gt: from } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  return { count: failures.length, oldest: failures[0]?.createdAt ?? null };
}

/**
 * Null when a sign-in may be tried, else how many minutes to wait. Throttled per account (any
 * address) and per client address (any account). Unknown emails count like known ones, so the
 * answer never reveals whether an account exists.
 *
 * Call it after beginSignInAttempt: the attempt under way already counts as a failure, so that
 * many attempts sent at the same moment cannot all slip under the limit.
 */
export async function signInRetryAfterMinutes(email: string, address: string, now = new Date()): Promise<number | null> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const checks = [
    { ...(await recentFailures(accountKey(email), since, true)), max: MAX_FAILURES_PER_ACCOUNT },
    { ...(await recentFailures(addressKey(address), since, false)), max: MAX_FAILURES_PER_ADDRESS },
  ];
  const blocked = checks.filter((check) => check.count > check.max && check.oldest);
  if (blocked.length === 0) return null;
  const until = Math.max(...blocked.map((check) => check.oldest!.getTime() + THROTTLE_WINDOW_MS));
  return Math.max(1, Math.ceil((until - now.getTime()) / 60_000));
}

/** Records an attempt as failed before it is tried; `succeeded` turns it into a success. */
export async function beginSignInAttempt(email: string, address: string): Promise<{ succeeded: () => Promise<void> }> {
  const rows = await db().signInAttempt.createManyAndReturn({
    data: [
      { key: accountKey(email), succeeded: false },
      { key: addressKey(address), succeeded: false },
    ],
    select: { id: true },
  });
  return {
    succeeded: async () => {
      await db().signInAttempt.updateMany({ where: { id: { in: rows.map((row) => row.id) } }, data: { succeeded: true } });
    },
  };
}
