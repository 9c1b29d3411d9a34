import path from "node:path";
import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  typedRoutes: true,
  experimental: { authInterrupts: true },
  // Reader pages and their data are cached by tag in one store: a bounded in-memory LRU, or Redis
  // when REDIS_URL is set (lib/cache/handler.mjs; decision 0008). Next's own memory cache is off
  // so that the handler is the only one, and nothing is cached on disk.
  cacheHandler: path.resolve(process.cwd(), "lib/cache/handler.mjs"),
  cacheMaxMemorySize: 0,
  // Next hashes every HTML answer in JavaScript to make its ETag (a third of a cached page's CPU,
  // measured); the front makes one with native SHA-1 instead (lib/http/reader-cache.ts).
  generateEtags: false,
  // The front compresses (lib/http/front.ts), after reader pages have their validator.
  compress: false,
  // Security headers and the Content-Security-Policy are set on every response by the HTTP front
  // (scripts/server.ts) and proxy.ts, so that Next's own error answers carry them too.
};

export default nextConfig;
