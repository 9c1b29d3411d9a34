// Every partner API route handler goes through `apiRoute` (docs/api.md): it identifies the caller
// (lib/api/auth.ts), applies the rate limits (lib/api/rate-limit.ts), and turns whatever the
// handler throws into problem JSON: our domain errors to their status, an unreachable database to
// 503 with Retry-After, anything else to a logged 500 without details.
import "server-only";
import { type ApiCaller, apiCaller } from "@/lib/api/auth";
import { ApiProblem, problemResponse, READ_CORS } from "@/lib/api/http";
import { RateLimiter, rateLimitFor } from "@/lib/api/rate-limit";
import { DATABASE_RETRY_AFTER_SECONDS, databaseUnavailableCount, isDatabaseUnavailable } from "@/lib/db/unavailable";
import { ConflictError, ForbiddenError, InvalidInputError, LookalikeError, NotFoundError } from "@/lib/errors";

type Handler<C> = (request: Request, context: C, caller: ApiCaller) => Promise<Response>;

const LIMITER_KEY = Symbol.for("claimtrail.api-rate-limiter");

/** One limiter per process (Next may load this module more than once). */
export function apiRateLimiter(): RateLimiter {
  const holder = globalThis as unknown as Record<symbol, RateLimiter | undefined>;
  holder[LIMITER_KEY] ??= new RateLimiter();
  return holder[LIMITER_KEY];
}

/** Counts the request against its token's or its address's limit; throws 429 past it. A write costs two. */
function applyRateLimit(caller: ApiCaller, request: Request): void {
  const key = caller.kind === "token" ? `token:${caller.tokenId}` : `address:${caller.address}`;
  const decision = apiRateLimiter().take(key, rateLimitFor(caller.kind === "token" ? "token" : "address"), request.method === "POST" ? 2 : 1);
  if (!decision.allowed) {
    throw new ApiProblem(429, "Too many requests", `Wait ${decision.retryAfterSeconds} seconds before the next request.`, undefined, {
      "Retry-After": String(decision.retryAfterSeconds),
    });
  }
}

function errorResponse(error: unknown, cors: Record<string, string>, failuresBefore: number): Response {
  if (error instanceof ApiProblem) {
    return problemResponse(
      { type: "about:blank", title: error.title, status: error.status, detail: error.detail, errors: error.errors, similar: error.similar },
      { ...cors, ...error.headers },
    );
  }
  if (error instanceof NotFoundError) return problemResponse({ type: "about:blank", title: "Not found", status: 404, detail: error.message }, cors);
  if (error instanceof ForbiddenError) return problemResponse({ type: "about:blank", title: "Forbidden", status: 403, detail: error.message }, cors);
  if (error instanceof ConflictError) return problemResponse({ type: "about:blank", title: "Conflict", status: 409, detail: error.message }, cors);
  if (error instanceof InvalidInputError) {
    // A new entity that looks like an existing one: send again with the confirmation set.
    const message = error instanceof LookalikeError ? `${error.message} To create it anyway, send ${error.confirmField}: true.` : error.message;
    return problemResponse(
      {
        type: "about:blank",
        title: "Unprocessable content",
        status: 422,
        detail: message,
        errors: error.field ? [{ field: error.field, message }] : undefined,
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

/** Wraps a route handler of the partner API. `write: true` for POST handlers (no CORS on their answers). */
export function apiRoute<C = unknown>(handler: Handler<C>, options: { write?: boolean } = {}): (request: Request, context?: C) => Promise<Response> {
  return async (request, context) => {
    const failuresBefore = databaseUnavailableCount();
    const cors = options.write ? {} : READ_CORS;
    try {
      const caller = await apiCaller(request);
      applyRateLimit(caller, request);
      return await handler(request, context as C, caller);
    } catch (error) {
      return errorResponse(error, cors, failuresBefore);
    }
  };
}
