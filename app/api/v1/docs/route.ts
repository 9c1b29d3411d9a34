import { ApiReference } from "@scalar/nextjs-api-reference";
import { scalarBundleUrl } from "@/lib/api/docs";
import { apiReferencePolicy, createNonce, NONCE_HEADER } from "@/lib/http/security-headers";

// The API's human reference (Scalar), reading /api/v1/openapi.json. Scalar's bundle is served from
// this site (/api/v1/docs/scalar.js), not a CDN. The HTTP front sets the page's policy
// (apiReferencePolicy: this site's scripts and this response's nonced start-up script) and hands
// the nonce over in NONCE_HEADER; without the front (next dev alone), the page makes its own.
// Scalar's telemetry, web fonts, request proxy and AI agent are off, so nothing leaves the site.
export function GET(request: Request) {
  const nonce = request.headers.get(NONCE_HEADER) ?? createNonce();
  const page = ApiReference({
    url: "/api/v1/openapi.json",
    pageTitle: "Claimtrail API reference",
    cdn: scalarBundleUrl(),
    nonce,
    withDefaultFonts: false,
    telemetry: false,
    hideClientButton: true,
    showDeveloperTools: "never",
    agent: { disabled: true },
    mcp: { disabled: true },
  } as Parameters<typeof ApiReference>[0])();
  page.headers.set("Content-Type", "text/html; charset=utf-8");
  page.headers.set("Cache-Control", "no-store");
  page.headers.set("Content-Security-Policy", apiReferencePolicy(nonce));
  return page;
}
