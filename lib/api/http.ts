// How the partner API answers (docs/api.md): JSON built through the schemas of lib/api/schema.ts,
// a strong ETag with 304 on If-None-Match, Cache-Control like the reader pages, CORS open for
// reads, and every failure as RFC 9457 problem details: 400 for a query or body the schemas
// refuse, 401/403 for tokens, 404, 409, 429, and 503 while the database is unreachable. Never a
// 500 for bad input.
import "server-only";
import { createHash } from "node:crypto";
import { type z } from "zod";
import { DATABASE_RETRY_AFTER_SECONDS, databaseUnavailableCount, isDatabaseUnavailable } from "@/lib/db/unavailable";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { CACHE_CONTROL, etagMatches } from "@/lib/http/reader-cache";
import type { Problem } from "@/lib/api/schema";
import { ProblemSchema } from "@/lib/api/schema";

/** How long shared caches may keep an answer: reads like reader pages, search like search, the rest never. */
export type ApiCaching = "reader" | "search" | "private";

const CACHE_HEADER: Record<ApiCaching, string> = {
  reader: CACHE_CONTROL.reader,
  search: CACHE_CONTROL.search,
  private: "private, no-store",
};

/** Reads are open to every origin; writes are not (no Access-Control-* on them, so browsers refuse cross-site calls). */
export const READ_CORS: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset",
};

/** A failure the handler decided on: thrown anywhere inside `apiRoute`, answered as problem JSON. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: { field: string; message: string }[],
    readonly headers: Record<string, string> = {},
  ) {
    super(title);
  }
}

export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  const body = ProblemSchema.parse(problem);
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store", ...headers },
  });
}

/** The fields a Zod error names, as `{ field, message }` (the path joined with dots; "query" or "body" when it is the whole). */
export function zodErrors(error: z.ZodError, whole = "body"): { field: string; message: string }[] {
  return error.issues.slice(0, 20).map((issue) => ({ field: issue.path.map(String).join(".") || whole, message: issue.message }));
}

/** Parses `input` with `schema`, or throws a 400 naming every field that is wrong. */
export function parseOrProblem<S extends z.ZodType>(schema: S, input: unknown, what: "query" | "body"): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new ApiProblem(400, what === "query" ? "Invalid query parameters" : "Invalid request body", undefined, zodErrors(parsed.error, what));
}

/** The query string as an object (the first value of each parameter). */
export function queryOf(request: Request): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of new URL(request.url).searchParams) if (!(key in query)) query[key] = value;
  return query;
}

/**
 * A JSON answer, built through `schema` (so nothing leaves that the document does not promise),
 * with a strong ETag; a request whose If-None-Match matches gets 304 without the body.
 */
export function jsonResponse<S extends z.ZodType>(
  request: Request,
  schema: S,
  value: z.input<S>,
  options: { caching: ApiCaching; status?: number; headers?: Record<string, string> },
): Response {
  const body = JSON.stringify(schema.parse(value));
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
  const cors = options.caching === "private" ? {} : READ_CORS;
  const headers = { ETag: etag, "Cache-Control": CACHE_HEADER[options.caching], Vary: "Authorization", ...cors, ...options.headers };
  if ((options.status ?? 200) === 200 && etagMatches(request.headers.get("if-none-match") ?? undefined, etag)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, { status: options.status ?? 200, headers: { "Content-Type": "application/json; charset=utf-8", ...headers } });
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/**
 * Wraps a route handler: whatever it throws becomes problem JSON. Errors of our own domain map to
 * their status; an unreachable database to 503 with Retry-After; anything else is logged and is a
 * 500 without details.
 */
export function apiRoute<C = unknown>(
  handler: Handler<C>,
  options: { read?: boolean } = { read: true },
): (request: Request, context?: C) => Promise<Response> {
  return async (request, context) => {
    const failuresBefore = databaseUnavailableCount();
    const cors = options.read === false ? {} : READ_CORS;
    try {
      return await handler(request, context as C);
    } catch (error) {
      if (error instanceof ApiProblem) {
        return problemResponse(
          { type: "about:blank", title: error.title, status: error.status, detail: error.detail, errors: error.errors },
          { ...cors, ...error.headers },
        );
      }
      if (error instanceof NotFoundError) return problemResponse({ type: "about:blank", title: "Not found", status: 404, detail: error.message }, cors);
      if (error instanceof ForbiddenError) {
        return problemResponse({ type: "about:blank", title: "Forbidden", status: 403, detail: error.message }, cors);
      }
      if (error instanceof ConflictError) return problemResponse({ type: "about:blank", title: "Conflict", status: 409, detail: error.message }, cors);
      if (error instanceof InvalidInputError) {
        return problemResponse(
          {
            type: "about:blank",
            title: "Invalid request body",
            status: 422,
            detail: error.message,
            errors: error.field ? [{ field: error.field, message: error.message }] : undefined,
          },
          cors,
        );
      }
      if (isDatabaseUnavailable(error) || databaseUnavailableCount() > failuresBefore) {
        return problemResponse(
          { type: "about:blank", title: "Service unavailable", status: 503, detail: "The database is unreachable; try again in a moment." },
          { ...cors, "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) },
        );
      }
      console.error(error);
      return problemResponse({ type: "about:blank", title: "Internal server error", status: 500 }, cors);
    }
  };
}

/** The absolute URL of a path on this site (APP_URL). */
export function absoluteUrl(base: string, path: string): string {
  return `${base}${path}`;
}

/** Opaque cursors: base64url JSON, checked by `schema` on the way back in (a forged one is a 400). */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

export function decodeCursor<S extends z.ZodType>(schema: S, cursor: string | undefined): z.output<S> | undefined {
  if (cursor === undefined || cursor === "") return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    raw = undefined;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ApiProblem(400, "Invalid query parameters", undefined, [{ field: "cursor", message: "That cursor is not one this API gave out" }]);
  return parsed.data;
}
