// Every route the app serves, with the methods it answers and the query parameters it reads.
// The HTTP front answers 405 (with `Allow`) from this table, and the fuzz suites drive every entry
// of it. lib/http/routes.test.ts derives the routes from the app/ tree and fails when an entry is
// missing or stale, so a new page or route handler cannot be forgotten here.

export type RouteKind = "page" | "handler" | "metadata" | "asset";

export type RouteEntry = {
  /** The path as Next names it: dynamic segments in brackets, route groups left out. */
  pattern: string;
  kind: RouteKind;
  /** Methods with a meaning here. HEAD comes with GET; OPTIONS is answered for every route. */
  methods: readonly ("GET" | "POST")[];
  /** Query parameters the route reads. */
  query: readonly string[];
  /** Who may see it: the fuzz suite signs in for `desk` routes. */
  audience: "public" | "desk";
  /** Reader routes that browsers and CDNs may cache (lib/http/reader-cache.ts). */
  cache?: "reader" | "search";
  /** The partner API (lib/api/http.ts sets its own validators and caching): CORS preflight open for reads. */
  api?: true;
  /** The API reference page: the front gives it its own nonce policy (lib/http/security-headers.ts, apiReferencePolicy). */
  ownPolicy?: true;
};

// Pages with forms accept POST: server actions and, without JavaScript, plain form posts.
export const ROUTES: readonly RouteEntry[] = [
  { pattern: "/", kind: "page", methods: ["GET"], query: ["status", "tag", "about", "outlet", "page"], audience: "public", cache: "reader" },
  { pattern: "/search", kind: "page", methods: ["GET"], query: ["q", "page"], audience: "public", cache: "search" },
  { pattern: "/claims/[slug]", kind: "page", methods: ["GET"], query: [], audience: "public", cache: "reader" },
  { pattern: "/claims/[slug]/card.png", kind: "handler", methods: ["GET"], query: [], audience: "public", cache: "reader" },
  { pattern: "/card.png", kind: "handler", methods: ["GET"], query: [], audience: "public", cache: "reader" },
  { pattern: "/claims/[slug]/feed.xml", kind: "handler", methods: ["GET"], query: [], audience: "public", cache: "reader" },
  { pattern: "/entities/[id]", kind: "page", methods: ["GET"], query: [], audience: "public", cache: "reader" },
  { pattern: "/feeds/changes.xml", kind: "handler", methods: ["GET"], query: [], audience: "public", cache: "reader" },
  { pattern: "/sitemap.xml", kind: "metadata", methods: ["GET"], query: [], audience: "public", cache: "reader" },
  { pattern: "/robots.txt", kind: "metadata", methods: ["GET"], query: [], audience: "public", cache: "reader" },
  { pattern: "/icon.svg", kind: "metadata", methods: ["GET"], query: [], audience: "public" },
  { pattern: "/favicon.ico", kind: "metadata", methods: ["GET"], query: [], audience: "public" },
  // Embeddable cards (no script, framed by any site) and the oEmbed endpoint that gives their snippet.
  { pattern: "/embed/claims/[slug]", kind: "handler", methods: ["GET"], query: [], audience: "public", cache: "reader" },
  { pattern: "/api/oembed", kind: "handler", methods: ["GET"], query: ["url", "format", "maxwidth", "maxheight"], audience: "public", cache: "reader" },
  // Archived copies of sources: public for published claims, staff-only otherwise (checked inside).
  { pattern: "/archive/[snapshotId]", kind: "handler", methods: ["GET"], query: [], audience: "public" },
  { pattern: "/archive/[snapshotId]/text", kind: "handler", methods: ["GET"], query: [], audience: "public" },
  { pattern: "/api/health", kind: "handler", methods: ["GET"], query: [], audience: "public" },
  { pattern: "/sign-in", kind: "page", methods: ["GET", "POST"], query: ["next", "signedOut", "invited"], audience: "public" },
  { pattern: "/invite/[token]", kind: "page", methods: ["GET", "POST"], query: [], audience: "public" },
  // The desk home (the dashboard) sends the claim list's old filter parameters on to /desk/claims.
  { pattern: "/desk", kind: "page", methods: ["GET", "POST"], query: ["status", "publication", "tag", "mine", "q", "page"], audience: "desk" },
  { pattern: "/desk/claims", kind: "page", methods: ["GET", "POST"], query: ["status", "publication", "tag", "mine", "q", "page"], audience: "desk" },
  { pattern: "/desk/forbidden", kind: "page", methods: ["GET", "POST"], query: [], audience: "desk" },
  { pattern: "/desk/review", kind: "page", methods: ["GET", "POST"], query: [], audience: "desk" },
  { pattern: "/desk/account", kind: "page", methods: ["GET", "POST"], query: [], audience: "desk" },
  { pattern: "/desk/accounts", kind: "page", methods: ["GET", "POST"], query: [], audience: "desk" },
  { pattern: "/desk/api-tokens", kind: "page", methods: ["GET", "POST"], query: [], audience: "desk" },
  { pattern: "/desk/webhooks", kind: "page", methods: ["GET", "POST"], query: ["deleted"], audience: "desk" },
  { pattern: "/desk/webhooks/[id]", kind: "page", methods: ["GET", "POST"], query: ["page", "created", "saved"], audience: "desk" },
  { pattern: "/desk/intake", kind: "page", methods: ["GET", "POST"], query: [], audience: "desk" },
  { pattern: "/desk/claims/new", kind: "page", methods: ["GET", "POST"], query: [], audience: "desk" },
  { pattern: "/desk/claims/[id]", kind: "page", methods: ["GET", "POST"], query: ["moved", "logged", "saved", "evidence"], audience: "desk" },
  { pattern: "/desk/claims/[id]/edit", kind: "page", methods: ["GET", "POST"], query: [], audience: "desk" },
  { pattern: "/desk/claims/[id]/evidence/new", kind: "page", methods: ["GET", "POST"], query: [], audience: "desk" },
  { pattern: "/desk/claims/[id]/evidence/[evidenceId]", kind: "page", methods: ["GET", "POST"], query: [], audience: "desk" },
  { pattern: "/desk/claims/[id]/evidence/[evidenceId]/changes", kind: "page", methods: ["GET", "POST"], query: [], audience: "desk" },
  { pattern: "/desk/entities", kind: "page", methods: ["GET", "POST"], query: ["q", "created", "saved", "merged"], audience: "desk" },
  { pattern: "/desk/entities/new", kind: "page", methods: ["GET", "POST"], query: [], audience: "desk" },
  { pattern: "/desk/entities/[id]", kind: "page", methods: ["GET", "POST"], query: [], audience: "desk" },
  // The partner API (docs/api.md). Handlers set their own ETag and Cache-Control.
  { pattern: "/api/v1/claims", kind: "handler", methods: ["GET", "POST"], query: ["status", "entity", "outlet", "tag", "updatedSince", "cursor", "limit"], audience: "public", api: true },
  { pattern: "/api/v1/claims/[ref]", kind: "handler", methods: ["GET"], query: [], audience: "public", api: true },
  { pattern: "/api/v1/claims/[ref]/evidence", kind: "handler", methods: ["POST"], query: [], audience: "public", api: true },
  { pattern: "/api/v1/search", kind: "handler", methods: ["GET"], query: ["q", "cursor"], audience: "public", api: true },
  { pattern: "/api/v1/entities", kind: "handler", methods: ["GET"], query: ["q", "kind", "cursor", "limit"], audience: "public", api: true },
  { pattern: "/api/v1/entities/[id]", kind: "handler", methods: ["GET"], query: [], audience: "public", api: true },
  { pattern: "/api/v1/openapi.json", kind: "handler", methods: ["GET"], query: [], audience: "public", api: true },
  // The API's reference page (Scalar) and Scalar's bundle, served from here rather than a CDN.
  { pattern: "/api/v1/docs", kind: "handler", methods: ["GET"], query: [], audience: "public", ownPolicy: true },
  { pattern: "/api/v1/docs/scalar.js", kind: "handler", methods: ["GET"], query: ["v"], audience: "public" },
  { pattern: "/api/desk/entities", kind: "handler", methods: ["GET"], query: ["q", "kind"], audience: "desk" },
  { pattern: "/api/desk/similar-claims", kind: "handler", methods: ["GET"], query: ["statement", "excludeId"], audience: "desk" },
  // The framework's own files: scripts, styles and the client router's data.
  { pattern: "/_next/[...path]", kind: "asset", methods: ["GET"], query: [], audience: "public" },
];

function patternRegExp(pattern: string): RegExp {
  const source = pattern
    .split("/")
    .map((segment) => {
      if (/^\[\.\.\.[^\]]+\]$/.test(segment)) return ".+";
      if (/^\[[^\]]+\]$/.test(segment)) return "[^/]+";
      return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("/");
  return new RegExp(`^${source}$`);
}

const MATCHERS = ROUTES.map((route) => ({ route, regexp: patternRegExp(route.pattern) }));

/** The route that serves `pathname` (already decoded), or null for a path the app does not have. */
export function matchRoute(pathname: string): RouteEntry | null {
  // Static segments win over dynamic ones ("/desk/claims/new" over "/desk/claims/[id]").
  const matches = MATCHERS.filter(({ regexp }) => regexp.test(pathname)).map(({ route }) => route);
  if (matches.length <= 1) return matches[0] ?? null;
  return matches.sort((a, b) => (a.pattern.match(/\[/g)?.length ?? 0) - (b.pattern.match(/\[/g)?.length ?? 0))[0] ?? null;
}

/** The `Allow` header for a route. */
export function allowedMethods(route: RouteEntry): string[] {
  return [...route.methods.flatMap((method) => (method === "GET" ? ["GET", "HEAD"] : [method])), "OPTIONS"];
}
