// What the application sends to PostgreSQL, seen at the driver: every query that Prisma (through
// @prisma/adapter-pg) and Better Auth run goes through pg.Client#query. Tests use it to prove that
// input was refused before the database, not by it.
import pg from "pg";
import { vi } from "vitest";
import { isStorableText } from "@/lib/text";

export type LoggedQuery = { text: string; values: unknown[] };

function queryOf(args: unknown[]): LoggedQuery {
  const [first, second] = args;
  if (typeof first === "string") return { text: first, values: Array.isArray(second) ? second : [] };
  const config = first as { text?: unknown; values?: unknown } | null;
  return { text: String(config?.text ?? ""), values: Array.isArray(config?.values) ? config.values : [] };
}

/** A parameter that holds JSON (jsonb columns): its parsed value, whose escapes Postgres decodes. */
function parsedJson(text: string): unknown {
  if (!/^\s*[[{]/.test(text)) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Every string inside `value` (arrays, objects and JSON text included), for checks on parameters. */
function stringsIn(value: unknown): string[] {
  if (typeof value === "string") {
    const json = parsedJson(value);
    return json === undefined ? [value] : [value, ...stringsIn(json)];
  }
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === "object" && !(value instanceof Date) && !Buffer.isBuffer(value)) return Object.values(value).flatMap(stringsIn);
  return [];
}

/** Starts recording; `stop()` restores pg and returns what was sent. */
export function recordQueries(): { queries: LoggedQuery[]; unstorable: () => LoggedQuery[]; stop: () => void } {
  const queries: LoggedQuery[] = [];
  const original = pg.Client.prototype.query;
  const spy = vi.spyOn(pg.Client.prototype, "query").mockImplementation(function (this: pg.Client, ...args: unknown[]) {
    queries.push(queryOf(args));
    return (original as (...rest: unknown[]) => unknown).apply(this, args);
  } as typeof original);
  return {
    queries,
    /** Queries whose text or parameters hold U+0000 or an unpaired surrogate. */
    unstorable: () => queries.filter((query) => ![query.text, ...stringsIn(query.values)].every(isStorableText)),
    stop: () => spy.mockRestore(),
  };
}
