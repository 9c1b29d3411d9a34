import { ApiReference } from "@scalar/nextjs-api-reference";
import { scalarBundleUrl } from "@/lib/api/docs";
import { createNonce } from "@/lib/http/security-headers";

// The API's human reference (Scalar), reading /api/v1/openapi.json. Scalar's bundle is served from
// this site (/api/v1/docs/scalar.js), not a CDN: the page's policy lets only this site's scripts
// and its own nonced start-up script run, and connect only here. Scalar's injected styles and
// style attributes need 'unsafe-inline' for styles (they cannot run code). Its telemetry, web
// fonts, proxy and AI agent are off, so nothing leaves the site.
export function GET() {
  const nonce = createNonce();
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
  const policy = [
    "default-src 'none'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join("; ");
  page.headers.set("Content-Type", "text/html; charset=utf-8");
  page.headers.set("Cache-Control", "no-store");
  page.headers.set("Content-Security-Policy", policy);
  return page;
}
