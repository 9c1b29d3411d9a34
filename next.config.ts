import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  typedRoutes: true,
  experimental: { authInterrupts: true },
  // Security headers and the Content-Security-Policy are set on every response by the HTTP front
  // (scripts/server.ts) and proxy.ts, so that Next's own error answers carry them too.
};

export default nextConfig;
