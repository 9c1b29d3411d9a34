// The HTTP front: what happens to a request before Next.js's handler sees it. scripts/server.ts
// puts Next.js behind it; tests/integration/http-front.test.ts puts a stand-in there. See
// docs/decisions/0006-http-front.md for why it exists.
//
// - Sets the security headers on every response, so that Next's own error answers carry them too.
// - Answers what Next.js would turn into a 500: request targets that are not valid
//   percent-encoded UTF-8 or hold NUL (the app's 404 page), unknown methods such as TRACE (405
//   with Allow), `OPTIONS *`, and server actions from a foreign Origin (403, logged as a refusal).
// - Records the client's address (the socket's, or the one trusted proxies report) in a header a
//   client cannot set, for per-address sign-in throttling.
// - Turns a 500 from Next.js into the app's 503 page with Retry-After when the database was
//   unreachable while the request ran (docs/decisions/0009-database-outage.md).
import { IncomingMessage, type ServerResponse } from "node:http";
import compression from "compression";
import type { Duplex } from "node:stream";
import { isDecodableReply, replyParts } from "@/lib/http/action-reply";
import { DATABASE_RETRY_AFTER_SECONDS, databaseFailedRecently, databaseUnavailableCount, noteDatabaseError } from "@/lib/db/unavailable";
import { actionOriginRefusal, checkRequestTarget, CLIENT_ADDRESS_HEADER, clientAddressFrom, KNOWN_METHODS } from "@/lib/http/request-target";
import { cacheReaderResponse } from "@/lib/http/reader-cache";
import type { ResponseCache } from "@/lib/http/response-cache";
import { allowedMethods, matchRoute } from "@/lib/http/routes";
import { apiReferencePolicy, baselineSecurityHeaders, contentSecurityPolicy, createNonce, framingHeaders, NONCE_HEADER, policyKind } from "@/lib/http/security-headers";

export type FrontOptions = {
  /** Next.js's request handler (or a stand-in in tests). */
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  https: boolean;
  trustedProxyHops: number;
  dev?: boolean;
  /** Where refusals go (a warning: they are the client's doing, not ours). */
  log?: (message: string) => void;
  /** Where failures of the handler go. */
  logError?: (error: unknown) => void;
  /** Reader answers kept as sent (lib/http/response-cache.ts); none in development. */
  responseCache?: ResponseCache;
};

/** Where a request that cannot be routed is sent inside Next.js: no route matches it, so the app's own 404 page answers. */
export const NOT_FOUND_PATH = "/_claimtrail/not-found";
// A Host header must be a host name or an IP literal, with an optional port.
const HOST_PATTERN = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*\.?|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function errorPage(status: number, title: string, detail: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)} · Claimtrail</title></head>
<body><main><p>${status}</p><h1>${escapeHtml(title)}</h1><p>${escapeHtml(detail)}</p><p><a href="/">See all published claims</a></p></main></body></html>
`;
}

/** The front's own answers: a small page in the app's words, with every security header. */
function answer(req: IncomingMessage, res: ServerResponse, status: number, title: string, detail: string, headers: Record<string, string> = {}) {
  const page = pageAnswer(status, title, detail, headers);
  res.writeHead(status, page.headers);
  res.end(req.method === "HEAD" ? undefined : page.body);
}

function pageAnswer(status: number, title: string, detail: string, headers: Record<string, string> = {}) {
  const body = errorPage(status, title, detail);
  return {
    body,
    headers: {
      ...headers,
      "Content-Type": "text/html; charset=utf-8",
      "Content-Length": String(Buffer.byteLength(body)),
      "Cache-Control": "no-store",
      "Content-Security-Policy": contentSecurityPolicy("data"),
    },
  };
}

const OUTAGE_TITLE = "Claimtrail can't reach its database right now";
const OUTAGE_DETAIL = "Nothing you entered was lost. Try again in a moment.";
const OUTAGE_HEADERS = { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) };

/** The front's answer while the database is unreachable: 503, and when to come back. */
function answerDatabaseUnavailable(req: IncomingMessage, res: ServerResponse): void {
  answer(req, res, 503, OUTAGE_TITLE, OUTAGE_DETAIL, OUTAGE_HEADERS);
}

// The headers the front sets itself; everything else Next set on a response it gives up is dropped.
const FRONT_HEADERS = new Set(["x-content-type-options", "referrer-policy", "x-frame-options", "permissions-policy", "cross-origin-opener-policy", "strict-transport-security"]);

/**
 * Watches Next's answer to one request: when it would be a 500 and `databaseFailed()` says the
 * database was unreachable meanwhile, answers 503 with the app's outage page instead, and drops
 * whatever Next writes after that. Every way Node sends a status goes through `writeHead` (an
 * explicit call, or the implicit one of the first `write`, `end` or `flushHeaders`), so checking
 * there and in those three catches it before a byte leaves.
 *
 * The watchers stay in place for the whole response: Next's compression wraps these same methods
 * on top of them (and calls them), so they must never be removed, only stand aside.
 */
function replaceOutageErrors(req: IncomingMessage, res: ServerResponse, databaseFailed: () => boolean): void {
  type Method = (...args: unknown[]) => unknown;
  const own = res as unknown as Record<string, Method>;
  const original = {
    writeHead: res.writeHead as unknown as Method,
    write: res.write as unknown as Method,
    end: res.end as unknown as Method,
    flushHeaders: res.flushHeaders as unknown as Method,
  };
  let state: "watching" | "passed" | "replaced" = "watching";
  const callLater = (args: unknown[]) => {
    const callback = args.find((arg) => typeof arg === "function") as (() => void) | undefined;
    if (callback) queueMicrotask(callback);
  };
  // Whether this response is (now) ours: decided once, when its status is about to go out.
  const replaced = (status: number): boolean => {
    if (state !== "watching") return state === "replaced";
    if (status !== 500 || res.headersSent || !databaseFailed()) return false;
    state = "replaced";
    for (const name of res.getHeaderNames()) if (!FRONT_HEADERS.has(name)) res.removeHeader(name);
    const page = pageAnswer(503, OUTAGE_TITLE, OUTAGE_DETAIL, OUTAGE_HEADERS);
    // Straight to Node's own methods, under anything Next wrapped around them.
    original.writeHead.call(res, 503, page.headers);
    original.end.call(res, req.method === "HEAD" ? undefined : page.body);
    // Next may still set headers on the response it thinks it is writing.
    own.setHeader = () => res;
    own.appendHeader = () => res;
    own.removeHeader = () => undefined;
    return true;
  };
  own.writeHead = (status, ...rest) => {
    if (replaced(status as number)) return res;
    state = "passed";
    return original.writeHead.call(res, status, ...rest);
  };
  own.write = (...args) => {
    if (!replaced(res.statusCode)) return original.write.apply(res, args);
    callLater(args);
    return true;
  };
  own.end = (...args) => {
    if (!replaced(res.statusCode)) return original.end.apply(res, args);
    callLater(args);
    return res;
  };
  own.flushHeaders = () => {
    if (!replaced(res.statusCode)) original.flushHeaders.call(res);
  };
}

/** Next's own limit for a server action's body (serverActions.bodySizeLimit, 1 MB). */
export const FORM_BODY_LIMIT = 1024 * 1024;

/**
 * The whole body, or null when it is over `limit` bytes; the rest is then drained unread, so that
 * the client, still sending, can read the answer.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      req.off("data", onData);
      req.resume();
      resolve(null);
    };
    req.on("data", onData);
    req.once("end", () => resolve(size <= limit ? Buffer.concat(chunks) : null));
    req.once("error", reject);
  });
}

/**
 * Whether Next can read this body without throwing: a multipart body must parse, and a server
 * action's arguments (a `Next-Action` header) must be a reply React's decoder can read (see
 * lib/http/action-reply.ts).
 */
async function isReadableForm(body: Buffer, contentType: string, isAction: boolean): Promise<boolean> {
  let content: FormData | string;
  if (/^multipart\/form-data/i.test(contentType)) {
    try {
      content = await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData();
    } catch {
      return false;
    }
  } else if (/^application\/x-www-form-urlencoded/i.test(contentType)) {
    // Next serves it as a form posted without script, and reads no reply from it.
    return true;
  } else {
    content = body.toString("utf8");
  }
  if (!isAction) return true;
  // React's encoder always writes a reply's root; without one, the decoder waits for it and fails.
  const reply = replyParts(content);
  return reply !== null && isDecodableReply(reply);
}

/** The same request with a body that has been read already, for Next to read again. */
function withBody(req: IncomingMessage, body: Buffer): IncomingMessage {
  const copy = new IncomingMessage(req.socket);
  copy.method = req.method;
  copy.url = req.url;
  copy.headers = req.headers;
  copy.rawHeaders = req.rawHeaders;
  copy.httpVersion = req.httpVersion;
  copy.httpVersionMajor = req.httpVersionMajor;
  copy.httpVersionMinor = req.httpVersionMinor;
  copy.push(body);
  copy.push(null);
  // The body is all there: destroying the copy once it is read must not close the connection.
  copy.complete = true;
  return copy;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

export function createFront(options: FrontOptions) {
  const baseline = baselineSecurityHeaders({ https: options.https });
  const log = options.log ?? ((message: string) => console.warn(message));
  // Typed for Express, but it only uses Node's request and response.
  const compress = compression() as unknown as (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

  async function front(req: IncomingMessage, res: ServerResponse, failuresBefore: number): Promise<void> {
    for (const [name, value] of Object.entries(baseline)) res.setHeader(name, value);
    const method = req.method ?? "GET";
    req.headers[CLIENT_ADDRESS_HEADER] = clientAddressFrom(req.socket.remoteAddress, header(req, "x-forwarded-for"), options.trustedProxyHops);

    // An absolute-form target ("GET http://host/path", as proxies may send) is served as its path.
    if (req.url && /^https?:\/\//i.test(req.url)) {
      try {
        const url = new URL(req.url);
        req.url = `${url.pathname}${url.search}`;
      } catch {
        return answer(req, res, 400, "Bad request", "That request is not one this site understands.");
      }
    }
    const target = checkRequestTarget(req.url);
    if (!target.ok && target.reason === "asterisk" && method === "OPTIONS") {
      res.writeHead(204, { Allow: "GET, HEAD, POST, OPTIONS", "Content-Security-Policy": contentSecurityPolicy("data") });
      res.end();
      return;
    }
    if (!target.ok && target.reason !== "malformed") {
      return answer(req, res, 400, "Bad request", "That request is not one this site understands.");
    }
    if (!HOST_PATTERN.test(header(req, "host") ?? "")) {
      return answer(req, res, 400, "Bad request", "The request names no valid host.");
    }

    const pathname = target.ok ? target.pathname : NOT_FOUND_PATH;
    const route = target.ok ? matchRoute(pathname) : null;
    const allow = route ? allowedMethods(route) : ["GET", "HEAD", "OPTIONS"];
    if (!KNOWN_METHODS.has(method) || (route && !allow.includes(method))) {
      return answer(req, res, 405, "Method not allowed", `This address does not answer ${method.slice(0, 20)} requests.`, {
        Allow: allow.join(", "),
      });
    }
    // Nothing at an unknown (or malformed) path takes a POST, PUT, PATCH or DELETE; handed to Next,
    // a POST there dressed as a server action (RSC and Next-Action headers) trips an invariant of
    // Next's and answers 500.
    if (!route && !allow.includes(method)) {
      return answer(req, res, 404, "We could not find that page", "The claim may not exist, or it has not been published.");
    }
    if (method === "OPTIONS" && route) {
      // The partner API's reads are open to every origin (docs/api.md); writes are not, so a
      // browser on another site can never send one.
      const cors = route.api
        ? {
            "Access-Control-Allow-Origin": "*",
            "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
            "Access-Control-Allow-Headers": "Authorization, If-None-Match",
            "Access-Control-Max-Age": "86400",
          }
        : {};
      res.writeHead(204, { Allow: allow.join(", "), ...cors, "Content-Security-Policy": contentSecurityPolicy("data") });
      res.end();
      return;
    }
    let forward = req;
    // Any POST may be taken for a server action by Next (pages, and the 404 page for unknown
    // paths); only route handlers, which do their own checks, are left to themselves.
    if (method === "POST" && route?.kind !== "handler") {
      const refusal = actionOriginRefusal({ origin: header(req, "origin"), host: header(req, "host"), forwardedHost: header(req, "x-forwarded-host") });
      if (refusal) {
        log(`Refused a form post to ${pathname.slice(0, 200)} from ${refusal}.`);
        return answer(req, res, 403, "Not allowed", "Forms on this site can only be sent from this site.");
      }
      // Next reads a multipart form post itself and answers a 500 when the body does not parse
      // (a broken boundary, a truncated part). Read it here first, within Next's own size limit,
      // and answer what cannot be read with 400 (or 413) instead.
      const contentType = header(req, "content-type") ?? "";
      const isAction = header(req, "next-action") !== undefined;
      if (/^multipart\/form-data/i.test(contentType) || isAction) {
        const body = await readBody(req, FORM_BODY_LIMIT);
        if (!body) return answer(req, res, 413, "Form too large", "That form is larger than this site accepts.");
        if (!(await isReadableForm(body, contentType, isAction))) {
          return answer(req, res, 400, "Bad request", "That form could not be read. Reload the page and send it again.");
        }
        forward = withBody(req, body);
      }
    }

    // The desk's nonce policy is set by proxy.ts on the pages Next renders; anything else answered
    // on those paths runs no script, so the data policy (nothing runs) fits it.
    // The API reference page runs Scalar under a nonce policy of its own: the front makes the
    // nonce and hands it to the page in a header no client can set (Next never replaces a header
    // the front has set, so the page cannot set the policy itself behind the front).
    const kind = policyKind(pathname);
    delete forward.headers[NONCE_HEADER];
    if (route?.ownPolicy) {
      const nonce = createNonce();
      forward.headers[NONCE_HEADER] = nonce;
      res.setHeader("Content-Security-Policy", apiReferencePolicy(nonce, { https: options.https }));
    } else {
      res.setHeader("Content-Security-Policy", contentSecurityPolicy(kind === "desk" ? "data" : kind, { dev: options.dev, https: options.https }));
    }
    const framing = framingHeaders(kind);
    for (const name of framing.remove) res.removeHeader(name);
    for (const [name, value] of Object.entries(framing.set)) res.setHeader(name, value);
    // Next.js would fail to decode a malformed path and answer a bare 500: show the 404 page instead.
    if (!target.ok) forward.url = NOT_FOUND_PATH;
    // A reader answer this process already sent, and no write has expired since: sent again.
    const cache = options.responseCache;
    const cacheKey = cache && target.ok && route?.cache === "reader" ? cache.keyOf(forward) : null;
    if (cache && cacheKey) {
      if (cache.serve(forward, res, cacheKey)) return;
      if (method === "GET") cache.record(res, cacheKey);
    }
    // Under everything else that wraps the response (compression, the reader pages' validators):
    // sees the status last, as it goes out (docs/decisions/0009-database-outage.md).
    // A reader page can also share a render that failed just before this request arrived (Next
    // runs one render of a cached page for everyone waiting on it): there, a failure seconds ago
    // counts too.
    replaceOutageErrors(req, res, () => databaseUnavailableCount() > failuresBefore || (route?.cache === "reader" && databaseFailedRecently()));
    // Compression here rather than in Next (compress: false): reader pages get their validator
    // from the bytes Next writes, before they are compressed.
    await new Promise<void>((resolve) => compress(forward, res, () => resolve()));
    // Reader pages get validators, 304s and the Cache-Control a CDN can use.
    if ((method === "GET" || method === "HEAD") && route?.cache && !options.dev) cacheReaderResponse(forward, res, route.cache);
    await options.handle(forward, res);
  }

  return (req: IncomingMessage, res: ServerResponse): void => {
    const failuresBefore = databaseUnavailableCount();
    front(req, res, failuresBefore).catch((error: unknown) => {
      (options.logError ?? console.error)(error);
      if (res.headersSent) res.end();
      else if (noteDatabaseError(error) || databaseUnavailableCount() > failuresBefore) answerDatabaseUnavailable(req, res);
      else answer(req, res, 500, "Something went wrong on our side", "Please try again in a moment.");
    });
  };
}

/**
 * For the server's "clientError" event: a request Node's own parser refused (a malformed request
 * line or header, headers over the size limit) gets the same kind of page and headers as any
 * other refusal, instead of Node's bare "400 Bad Request".
 */
export function answerClientError(options: { https: boolean }) {
  const baseline = baselineSecurityHeaders(options);
  return (error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Duplex): void => {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const [status, title] =
      error.code === "HPE_HEADER_OVERFLOW" ? [431, "Request headers too large"] : error.code === "ERR_HTTP_REQUEST_TIMEOUT" ? [408, "Request timeout"] : [400, "Bad request"];
    const body = errorPage(status, title, "That request is not one this site understands.");
    const headers = {
      ...baseline,
      "Content-Type": "text/html; charset=utf-8",
      "Content-Length": String(Buffer.byteLength(body)),
      "Cache-Control": "no-store",
      "Content-Security-Policy": contentSecurityPolicy("data"),
      Connection: "close",
    };
    const head = [`HTTP/1.1 ${status} ${title}`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)].join("\r\n");
    // A HEAD request's answer has no body; the packet Node could not parse tells us the method.
    const headOnly = error.rawPacket?.subarray(0, 5).toString("latin1") === "HEAD ";
    socket.end(`${head}\r\n\r\n${headOnly ? "" : body}`);
  };
}
