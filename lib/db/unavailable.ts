// "The database is unreachable": recognising the errors that mean it, in one place, and a
// process-wide signal that the data layer raises when it sees one (docs/decisions/0009-database-outage.md).
//
// The shapes below are the ones a real PostgreSQL produces when it is stopped, restarted, or out of
// connections, as they reach our code through pg, @prisma/adapter-pg and Prisma 7;
// tests/integration/database-unavailable.test.ts captures each of them from a real server.
//
// - Prisma wraps the driver adapter's error: `PrismaClientKnownRequestError` with a code (P1001
//   "can't reach database server", P1017 "server has closed the connection", P2037 "too many
//   connections", and for raw queries P2010 "raw query failed") and the adapter's own mapping in
//   `meta.driverAdapterError.cause`: `{ kind: "DatabaseNotReachable" | "ConnectionClosed" |
//   "SocketTimeout" | "TooManyConnections" }` or `{ kind: "postgres", code: "57P01" }`.
// - What the adapter does not map reaches us as pg's own plain Error: "Connection terminated
//   unexpectedly", "Connection terminated due to connection timeout", pg-pool's "timeout exceeded
//   when trying to connect".
// - Better Auth wraps what it gets in an APIError whose `cause` is the error above.
//
// No imports: the HTTP front (scripts/server.ts, outside Next's bundle) and the app (inside it) both
// use this file, and share the signal through `globalThis`.

/** What a desk form says when its action could not reach the database. */
export const DATABASE_UNAVAILABLE_MESSAGE = "The database is unreachable; nothing was saved. Try again in a moment.";

/** Seconds a client is asked to wait before retrying while the database is unreachable. */
export const DATABASE_RETRY_AFTER_SECONDS = 10;

// Prisma's codes for a database it cannot reach, that timed out, closed the connection, or had no
// connection left. P2010 (raw query failed) is decided by the driver error it carries.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2037"]);
// @prisma/adapter-pg's mapping of socket errors and of 53300.
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// SQLSTATE: 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now (starting up or
// shutting down), 53300 too many connections, class 08 connection exceptions.
const POSTGRES_CODES = /^(?:57P0[123]|53300|08\w{3})$/;
// Node's socket errors on the way to the server.
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);
// pg and pg-pool throw these without a code.
const DRIVER_MESSAGES = [
  /^Connection terminated unexpectedly$/,
  /^Connection terminated due to connection timeout$/,
  /^timeout exceeded when trying to connect$/,
  /^Client has encountered a connection error and is not queryable$/,
];

type Inspectable = { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: unknown; originalCode?: unknown };

function asObject(value: unknown): Inspectable | null {
  return typeof value === "object" && value !== null ? (value as Inspectable) : null;
}

function matchesOne(error: Inspectable): string | null {
  const code = typeof error.code === "string" ? error.code : undefined;
  if (code && PRISMA_CODES.has(code)) return `Prisma ${code}`;
  if (code && POSTGRES_CODES.test(code)) return `PostgreSQL ${code}`;
  if (code && SOCKET_CODES.has(code)) return code;
  if (typeof error.originalCode === "string" && POSTGRES_CODES.test(error.originalCode)) return `PostgreSQL ${error.originalCode}`;
  if (typeof error.kind === "string" && ADAPTER_KINDS.has(error.kind)) return error.kind;
  if (typeof error.message === "string" && DRIVER_MESSAGES.some((pattern) => pattern.test(error.message as string))) return error.message;
  return null;
}

/**
 * Why `error` means the database is unreachable ("Prisma P1001", "PostgreSQL 57P01",
 * "ECONNREFUSED", …), or null when it means something else (a constraint, a bug). Follows
 * `cause` chains, Prisma's `meta.driverAdapterError` and AggregateError's `errors`.
 */
export function databaseUnavailableReason(error: unknown): string | null {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.size < 20) {
    const current = asObject(queue.shift());
    if (!current || seen.has(current)) continue;
    seen.add(current);
    const reason = matchesOne(current);
    if (reason) return reason;
    queue.push(current.cause);
    const meta = asObject(current.meta) as { driverAdapterError?: unknown } | null;
    if (meta) queue.push(meta.driverAdapterError);
    const errors = (current as { errors?: unknown }).errors;
    if (Array.isArray(errors)) queue.push(...errors);
  }
  return null;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return databaseUnavailableReason(error) !== null;
}

// The signal. Next bundles the app's copy of this module apart from the front's copy, so the state
// lives on globalThis under a registered symbol, where both find the same object.
type Signal = { count: number; lastAt: number; lastReason: string | null };
const SIGNAL_KEY = Symbol.for("claimtrail.database-unavailable");

function signal(): Signal {
  const holder = globalThis as unknown as Record<symbol, Signal | undefined>;
  holder[SIGNAL_KEY] ??= { count: 0, lastAt: 0, lastReason: null };
  return holder[SIGNAL_KEY];
}

/**
 * For the data layer: called with every error the database driver raises. Counts the ones that
 * mean the database is unreachable; returns whether this one did.
 */
export function noteDatabaseError(error: unknown): boolean {
  const reason = databaseUnavailableReason(error);
  if (!reason) return false;
  const state = signal();
  state.count += 1;
  state.lastAt = Date.now();
  state.lastReason = reason;
  return true;
}

/**
 * How many "database unreachable" errors this process has seen so far. Compare two readings: a
 * larger second one means the database failed someone in between.
 */
export function databaseUnavailableCount(): number {
  return signal().count;
}

/**
 * Whether the database failed someone within the last `withinMs`. A request can share a render
 * that failed before it arrived (Next runs one render of a cached page for every request waiting
 * on it), so its own count may not move.
 */
export function databaseFailedRecently(withinMs = 5_000): boolean {
  const { lastAt } = signal();
  return lastAt > 0 && Date.now() - lastAt <= withinMs;
}
