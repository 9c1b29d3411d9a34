// The one way Claimtrail makes a request to another server: webhooks, article intake, evidence
// archiving. Every request goes through request-filtering-agent, which checks the address each
// connection is about to use (after DNS, so a name that resolves to 127.0.0.1 or 169.254.169.254 is
// refused too, and DNS rebinding cannot slip past a check made earlier). Each redirect is a new
// request through the same check. Bodies are capped in bytes and requests in time.
// docs/outbound.md explains the rules and the one switch that relaxes them.
import http from "node:http";
import https from "node:https";
import zlib from "node:zlib";
import ipaddr from "ipaddr.js";
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from "request-filtering-agent";

export type OutboundErrorCode = "bad-url" | "blocked-address" | "timeout" | "too-large" | "too-many-redirects" | "network";

/** Why an outbound request did not return an answer, in words an editor or an admin can act on. */
export class OutboundError extends Error {
  constructor(
    readonly code: OutboundErrorCode,
    message: string,
    readonly url: string,
  ) {
    super(message);
    this.name = "OutboundError";
  }
}

export type OutboundRequest = {
  method?: "GET" | "HEAD" | "POST";
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** The whole exchange, redirects included. Default 10 s. */
  timeoutMs?: number;
  /** Bytes of (decompressed) body kept; past this, the request fails with "too-large" unless `truncate`. */
  maxBytes?: number;
  /** Keep the first `maxBytes` and stop reading, instead of failing. */
  truncate?: boolean;
  /** Redirects followed (GET and HEAD only). Default 5; 0 returns the 3xx itself. */
  maxRedirects?: number;
};

export type OutboundResponse = {
  status: number;
  /** The URL that answered, after redirects. */
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** The body was longer than maxBytes and was cut (only with `truncate`). */
  truncated: boolean;
  /** Every URL that answered with a redirect, in order. */
  redirects: string[];
  elapsedMs: number;
};

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const DEFAULT_MAX_REDIRECTS = 5;

/**
 * Private and loopback addresses are refused unless OUTBOUND_ALLOW_PRIVATE=1, which is for local
 * development and the test suite (their receivers and article servers run on 127.0.0.1). Read per
 * request, so a test can flip it.
 */
export function privateAddressesAllowed(): boolean {
  return process.env.OUTBOUND_ALLOW_PRIVATE === "1";
}

/**
 * Link-local ranges are refused even then: they hold cloud metadata services (169.254.169.254
 * answers on the machines our tests run on), which a developer's webhook never needs.
 */
// With the IPv4-mapped IPv6 form of the first, which the agent compares as IPv6.
const ALWAYS_REFUSED = ["169.254.0.0/16", "::ffff:169.254.0.0/112", "fe80::/10"];

/**
 * The rule the agents apply, for checks made before any connection (a form that says at once
 * that an address will be refused). Public unicast addresses only; with private addresses allowed,
 * also private and loopback ones, never link-local or unspecified.
 */
export function addressAllowed(address: string): boolean {
  let range: string;
  try {
    range = ipaddr.process(address).range();
  } catch {
    return false;
  }
  if (range === "unicast") return true;
  return privateAddressesAllowed() && range !== "linkLocal" && range !== "unspecified";
}

/** The User-Agent every outbound request sends, so a publisher can tell who fetched a page. */
export function outboundUserAgent(): string {
  const site = (process.env.APP_URL ?? "http://localhost:3000").replace(/\/$/, "");
  return `Claimtrail/0.1 (+${site})`;
}

const agents = { strict: newAgents(false), relaxed: newAgents(true) };

function newAgents(allowPrivateIPAddress: boolean) {
  // keepAlive off: a webhook receiver or a publisher is visited rarely, and a pooled socket would
  // skip the address check a new connection makes.
  const options = { allowPrivateIPAddress, denyIPAddressList: ALWAYS_REFUSED, keepAlive: false };
  return { http: new RequestFilteringHttpAgent(options), https: new RequestFilteringHttpsAgent(options) };
}

/** Parses `raw` as an http(s) URL without credentials, or throws OutboundError("bad-url"). */
export function outboundUrl(raw: string | URL): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundError("bad-url", "This is not a web address (it must start with http:// or https://).", String(raw));
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new OutboundError("bad-url", "Only http:// and https:// addresses can be fetched.", url.href);
  }
  if (url.username || url.password) {
    throw new OutboundError("bad-url", "Addresses with a user name or password in them are not fetched.", url.href);
  }
  return url;
}

/** Makes one outbound request (following redirects) through the SSRF guard. */
export async function outboundFetch(raw: string | URL, request: OutboundRequest = {}): Promise<OutboundResponse> {
  const started = performance.now();
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  const maxRedirects = request.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const redirects: string[] = [];
  let url = outboundUrl(raw);
  for (;;) {
    const answer = await once(url, request, deadline, timeoutMs);
    const location = answer.headers.location;
    const followable = (request.method ?? "GET") !== "POST" && maxRedirects > 0;
    if (followable && answer.status >= 300 && answer.status < 400 && answer.status !== 304 && location) {
      if (redirects.length >= maxRedirects) {
        throw new OutboundError("too-many-redirects", `More than ${maxRedirects} redirects.`, url.href);
      }
      redirects.push(url.href);
      url = outboundUrl(new URL(location, url));
      continue;
    }
    return { ...answer, url: url.href, redirects, elapsedMs: performance.now() - started };
  }
}

type Answer = Pick<OutboundResponse, "status" | "headers" | "body" | "truncated">;

function once(url: URL, request: OutboundRequest, deadline: number, timeoutMs: number): Promise<Answer> {
  const left = deadline - Date.now();
  if (left <= 0) return Promise.reject(new OutboundError("timeout", `No complete answer within ${seconds(timeoutMs)}.`, url.href));
  const maxBytes = request.maxBytes ?? DEFAULT_MAX_BYTES;
  const pool = privateAddressesAllowed() ? agents.relaxed : agents.strict;
  const secure = url.protocol === "https:";
  const headers: Record<string, string> = {
    "user-agent": outboundUserAgent(),
    "accept-encoding": "gzip, deflate, br",
    ...request.headers,
  };
  if (request.body !== undefined) headers["content-length"] = String(Buffer.byteLength(request.body));

  return new Promise<Answer>((resolve, reject) => {
    let settled = false;
    const fail = (error: OutboundError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      reject(error);
    };
    const timer = setTimeout(() => fail(new OutboundError("timeout", `No complete answer within ${seconds(timeoutMs)}.`, url.href)), left);
    const req = (secure ? https : http).request(url, { method: request.method ?? "GET", headers, agent: secure ? pool.https : pool.http }, (res) => {
      const status = res.statusCode ?? 0;
      const decoded = decoder(res.headers["content-encoding"]);
      const stream = decoded ? res.pipe(decoded) : res;
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      const finish = () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ status, headers: res.headers, body: Buffer.concat(chunks), truncated });
      };
      stream.on("data", (chunk: Buffer) => {
        if (settled) return;
        if (size + chunk.length > maxBytes) {
          if (!request.truncate) {
            fail(new OutboundError("too-large", `The answer is larger than ${Math.round(maxBytes / 1024)} KB.`, url.href));
            return;
          }
          chunks.push(chunk.subarray(0, maxBytes - size));
          size = maxBytes;
          truncated = true;
          req.destroy();
          finish();
          return;
        }
        size += chunk.length;
        chunks.push(chunk);
      });
      stream.on("end", finish);
      stream.on("error", (error: Error) => fail(new OutboundError("network", `The answer could not be read: ${error.message}`, url.href)));
      res.on("error", (error: Error) => fail(new OutboundError("network", `The answer could not be read: ${error.message}`, url.href)));
    });
    req.on("error", (error: NodeJS.ErrnoException) => fail(classify(error, url)));
    req.end(request.body);
  });
}

function decoder(encoding: string | undefined) {
  switch (encoding?.trim().toLowerCase()) {
    case "gzip":
    case "x-gzip":
      return zlib.createGunzip();
    case "deflate":
      return zlib.createInflate();
    case "br":
      return zlib.createBrotliDecompress();
    default:
      return undefined;
  }
}

function classify(error: NodeJS.ErrnoException, url: URL): OutboundError {
  // request-filtering-agent's refusal: "DNS lookup 127.0.0.1(family:4, host:…) is not allowed.
  // Because, It is private IP address."
  if (/is not allowed/i.test(error.message)) {
    return new OutboundError("blocked-address", `${url.hostname} is a private, loopback or link-local address, which Claimtrail does not contact.`, url.href);
  }
  if (error.code === "ENOTFOUND" || error.code === "EAI_AGAIN") {
    return new OutboundError("network", `${url.hostname} could not be found (DNS).`, url.href);
  }
  if (error.code === "ECONNREFUSED") return new OutboundError("network", `${url.host} refused the connection.`, url.href);
  if (error.code === "ECONNRESET") return new OutboundError("network", `${url.host} closed the connection.`, url.href);
  return new OutboundError("network", `${url.host} could not be reached (${error.code ?? error.message}).`, url.href);
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}
