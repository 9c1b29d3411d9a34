// The security headers of every response, and the Content-Security-Policy chosen per kind of
// route. Isomorphic and dependency-free: the HTTP front (scripts/server.ts) sets the baseline on
// every response, Next's own error answers included, and proxy.ts replaces the policy of the
// pages that carry a per-request nonce. docs/decisions/0005-content-security-policy.md says why
// each kind of page has the policy it has.

/**
 * - `desk`: signed-in pages and the forms that lead to them. Rendered per request anyway, so they
 *   get a strict nonce policy: only scripts carrying this response's nonce (and what they load).
 * - `reader`: public pages, which are to be served from a cache (one response for every reader),
 *   so no per-request nonce is possible; Next's inline bootstrap scripts run, nothing foreign does.
 * - `data`: feeds, JSON, sitemap, robots: nothing in them may run or load anything.
 * - `embed`: the cards other sites frame (/embed/…): nothing runs, only their inline stylesheet
 *   applies, and any site may frame them (the one route where framing is allowed).
 * - `archive`: archived copies of other sites' pages (/archive/…, docs/archive.md). `sandbox` gives
 *   the page an opaque origin (it cannot read this site's cookies or storage) and runs no script;
 *   it may show the publisher's images, styles and fonts, which is what makes it a faithful copy.
 */
export type PolicyKind = "desk" | "reader" | "data" | "embed" | "archive";

/** The archived copy's policy: no script, an opaque origin, nothing loaded but images, styles and fonts. */
export const ARCHIVE_POLICY = "sandbox; default-src 'none'; img-src * data:; style-src 'unsafe-inline' *; font-src *; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const DESK_PREFIXES = ["/desk", "/sign-in", "/invite"];
const EMBED_PREFIX = "/embed/";
const DATA_PREFIXES = ["/api/", "/feeds/"];
const DATA_SUFFIXES = [".xml", ".txt", ".json"];

function hasPrefix(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(prefix.endsWith("/") ? prefix : `${prefix}/`);
}

export function policyKind(pathname: string): PolicyKind {
  if (hasPrefix(pathname, "/archive")) return "archive";
  if (DESK_PREFIXES.some((prefix) => hasPrefix(pathname, prefix))) return "desk";
  if (pathname.startsWith(EMBED_PREFIX)) return "embed";
  if (DATA_PREFIXES.some((prefix) => pathname.startsWith(prefix)) || DATA_SUFFIXES.some((suffix) => pathname.endsWith(suffix))) {
    return "data";
  }
  return "reader";
}

// Directives every HTML policy shares: nothing framed, no plugins, no <base> rewriting, forms post
// only here, and no script origin but this one.
const LOCKED_DOWN = ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"];

// React sets style attributes and Tailwind ships one stylesheet; inline styles cannot run code.
const STYLES = "style-src 'self' 'unsafe-inline'";

export function contentSecurityPolicy(
  kind: PolicyKind,
  options: { nonce?: string; dev?: boolean; https?: boolean } = {},
): string {
  // The dev server's fast refresh evaluates code; production never does.
  const evalInDev = options.dev ? " 'unsafe-eval'" : "";
  const upgrade = options.https ? ["upgrade-insecure-requests"] : [];
  const html = (scriptSrc: string) =>
    ["default-src 'self'", `script-src ${scriptSrc}`, STYLES, "img-src 'self' data: blob:", "font-src 'self'", "connect-src 'self'", ...LOCKED_DOWN, ...upgrade].join("; ");
  switch (kind) {
    case "archive":
      return ARCHIVE_POLICY;
    case "data":
      return ["default-src 'none'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'none'"].join("; ");
    case "embed":
      // No script source at all: no script could run were one ever injected. (Not a CSP `sandbox`
      // as well: it would also stop accessibility checkers and browser extensions from running in
      // the card; the snippet's iframe carries the sandbox instead.)
      return [
        "default-src 'none'",
        "style-src 'unsafe-inline'",
        "img-src 'self' data:",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors *",
      ].join("; ");
    case "desk":
      if (!options.nonce) throw new Error("The desk policy needs a nonce");
      return html(`'self' 'nonce-${options.nonce}' 'strict-dynamic'${evalInDev}`);
    case "reader":
      // 'unsafe-inline' for Next's inline bootstrap scripts (self.__next_f.push), which differ on
      // every page and cannot carry a nonce on a cached page; no eval, no foreign origin.
      return html(`'self' 'unsafe-inline'${evalInDev}`);
  }
}

/** Headers every response carries, whatever produced it. */
export function baselineSecurityHeaders(options: { https: boolean }): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    // Only over https: a browser ignores it on http, and localhost must stay reachable over http.
    ...(options.https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/**
 * What changes for a kind of route on top of the baseline: embeds drop X-Frame-Options (its DENY
 * would override frame-ancestors in old browsers) and let any site load them under
 * Cross-Origin-Embedder-Policy.
 */
export function framingHeaders(kind: PolicyKind): { remove: string[]; set: Record<string, string> } {
  if (kind !== "embed") return { remove: [], set: {} };
  return { remove: ["X-Frame-Options"], set: { "Cross-Origin-Resource-Policy": "cross-origin" } };
}

/** A nonce for one response: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** The request header in which the front hands the API reference page its nonce (always overwritten). */
export const NONCE_HEADER = "x-claimtrail-nonce";

/**
 * The API reference page (/api/v1/docs, Scalar): this site's scripts and the page's nonced
 * start-up script, connections to this site only; inline styles, which Scalar injects (they
 * cannot run code). Nothing from a CDN: Scalar's bundle is served from this site.
 */
export function apiReferencePolicy(nonce: string, options: { https?: boolean } = {}): string {
  return [
    "default-src 'none'",
    `script-src 'self' 'nonce-${nonce}'`,
    STYLES,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}
