// How the partner API answers (docs/api.md): JSON built through the schemas of lib/api/schema.ts,
// a strong ETag with 304 on If-None-Match, Cache-Control like the reader pages, CORS open for
// reads, and every failure as RFC 9457 problem details: 400 for a query or body the schemas
// refuse, 401/403 for tokens, 404, 409, 429, and 503 while the database is unreachable. Never a
// 500 for bad input.
import "server-only";
import { createHash } from "node:crypto";
import { type z } from "zod";
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
    readonly similar?: { id: string; statement: string }[],
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

/** The most a write's body may hold. */
export const MAX_BODY_BYTES = 64 * 1024;

/** A request's JSON body: 415 unless it says JSON, 413 past MAX_BODY_BYTES, 400 when it does not parse. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) {
    throw new ApiProblem(415, "Unsupported media type", "Send the body as application/json.");
  }
  const declared = Number(request.headers.get("content-length"));
  if (declared > MAX_BODY_BYTES) throw new ApiProblem(413, "Content too large", `A body may hold at most ${MAX_BODY_BYTES} bytes.`);
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > MAX_BODY_BYTES) throw new ApiProblem(413, "Content too large", `A body may hold at most ${MAX_BODY_BYTES} bytes.`);
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new ApiProblem(400, "Invalid request body", "The body is not valid JSON (UTF-8).", [{ field: "body", message: "Not valid JSON" }]);
  }
}
