// HTTP caching of reader pages, for browsers and a CDN in front (docs/caching.md, docs/deploy.md).
// The front buffers a reader response (a few kilobytes), gives it a validator when Next did not
// (pages rendered per request have none), answers a matching If-None-Match with 304, and sets the
// Cache-Control the page's kind calls for. Only successful answers are marked public.
import { createHash } from "node:crypto";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";

export type ReaderCache = "reader" | "search";

/**
 * A CDN may keep a page a minute (a write reaches readers through it within that), serve it stale
 * while it fetches a fresh one, and for a day while the origin is failing; browsers revalidate
 * every time (max-age=0), which a 304 makes cheap. Search changes with every query: ten seconds.
 */
export const CACHE_CONTROL: Record<ReaderCache, string> = {
  reader: "public, max-age=0, s-maxage=60, stale-while-revalidate=600, stale-if-error=86400",
  search: "public, max-age=0, s-maxage=10, stale-while-revalidate=30",
};

/** Whether an If-None-Match header matches `etag` (weak comparison, as RFC 9110 asks for GET). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((candidate) => candidate.trim() === "*" || opaque(candidate) === opaque(etag));
}

/** What a res.write/res.end call carries, as bytes; null when it carries none (only a callback). */
export function chunkToBuffer(chunk: unknown, encoding?: unknown): Buffer | null {
  if (chunk === undefined || chunk === null || typeof chunk === "function") return null;
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return Buffer.from(String(chunk), typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
}

function setHeaders(res: ServerResponse, headers: unknown): void {
  if (!headers) return;
  if (Array.isArray(headers)) {
    // [name, value, name, value, …] or [[name, value], …]
    const flat = headers.flat() as string[];
    for (let index = 0; index + 1 < flat.length; index += 2) res.setHeader(flat[index] as string, flat[index + 1] as string);
    return;
  }
  for (const [name, value] of Object.entries(headers as OutgoingHttpHeaders)) if (value !== undefined) res.setHeader(name, value);
}

/**
 * A weak validator: two answers that show the same thing share it. A page rendered per request is
 * not byte-for-byte stable (the order of the inline RSC rows depends on timing), but everything
 * those rows carry is also in the HTML, so an HTML page is hashed without its inline scripts'
 * contents (script tags and their src stay: a new build's files change the validator).
 */
export function weakEtag(body: Buffer, contentType: string): string {
  const hash = createHash("sha1");
  if (/^text\/html/i.test(contentType)) hash.update(body.toString("utf8").replace(/(<script\b[^>]*>)[\s\S]*?(<\/script>)/gi, "$1$2"));
  else hash.update(body);
  return `W/"${hash.digest("base64url")}"`;
}

/** Patches `res` so that what Next writes is buffered, then sent with validators and caching headers. */
export function cacheReaderResponse(req: IncomingMessage, res: ServerResponse, kind: ReaderCache): void {
  const chunks: Buffer[] = [];
  const writeHead = res.writeHead.bind(res) as (status: number) => ServerResponse;
  const end = res.end.bind(res) as (body?: Buffer) => ServerResponse;
  let finished = false;
  const callLater = (...args: unknown[]) => {
    const callback = args.find((arg) => typeof arg === "function") as (() => void) | undefined;
    if (callback) process.nextTick(callback);
  };

  res.writeHead = ((status: number, ...rest: unknown[]) => {
    res.statusCode = status;
    if (typeof rest[0] === "string") {
      res.statusMessage = rest[0];
      setHeaders(res, rest[1]);
    } else setHeaders(res, rest[0]);
    return res;
  }) as typeof res.writeHead;
  res.flushHeaders = () => {};
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    const buffer = chunkToBuffer(chunk, rest[0]);
    if (buffer) chunks.push(buffer);
    callLater(...rest);
    return true;
  }) as typeof res.write;
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (finished) return res;
    finished = true;
    const buffer = chunkToBuffer(chunk, rest[0]);
    if (buffer) chunks.push(buffer);
    const body = Buffer.concat(chunks);
    if (res.statusCode === 200) {
      res.setHeader("Cache-Control", CACHE_CONTROL[kind]);
      res.removeHeader("Set-Cookie");
      let etag = res.getHeader("ETag");
      if (typeof etag !== "string") {
        etag = weakEtag(body, String(res.getHeader("Content-Type") ?? ""));
        res.setHeader("ETag", etag);
      }
      if (etagMatches(req.headers["if-none-match"], etag)) {
        res.statusCode = 304;
        for (const name of ["Content-Length", "Content-Type", "Content-Encoding", "Transfer-Encoding"]) res.removeHeader(name);
        writeHead(304);
        end();
        callLater(chunk, ...rest);
        return res;
      }
    }
    // Next marks a not-found answer of a cached route cacheable for an hour; a CDN keeping it would
    // hide a claim published a minute later. Only successes are shared.
    if (res.statusCode !== 200) res.setHeader("Cache-Control", "no-store");
    if (!res.hasHeader("Transfer-Encoding")) res.setHeader("Content-Length", body.length);
    writeHead(res.statusCode);
    end(body);
    callLater(chunk, ...rest);
    return res;
  }) as typeof res.end;
}
