// A fresh nonce and a strict Content-Security-Policy for the desk, sign-in and invitation pages,
// as the Next.js 16 CSP guide shows: Next reads the nonce from the request's policy header and puts
// it on every script it renders. Reader pages are left alone (they are served from a cache, where
// a per-request nonce cannot exist; their policy is set by scripts/server.ts). Not a security
// boundary: authorization happens inside every page, action and route.
import { type NextRequest, NextResponse } from "next/server";
import { siteConfig } from "@/lib/env";
import { contentSecurityPolicy, createNonce } from "@/lib/http/security-headers";

export function proxy(request: NextRequest) {
  const nonce = createNonce();
  const policy = contentSecurityPolicy("desk", {
    nonce,
    dev: process.env.NODE_ENV === "development",
    https: siteConfig().url.startsWith("https:"),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: ["/desk", "/desk/:path*", "/sign-in", "/invite/:path*"],
};
