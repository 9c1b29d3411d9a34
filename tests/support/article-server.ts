// A local web server standing in for news sites, for the archive's tests (integration and e2e):
// articles, redirects, 404s and 410s, a page slower than the fetch timeout, a page larger than the
// size cap, and pages whose answer the test changes between fetches. Every page is
// `/<path>` → a route the test sets; unknown paths answer 404.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Route =
  | { kind: "html"; body: string; status?: number }
  | { kind: "redirect"; to: string; status?: 301 | 302 | 307 }
  | { kind: "status"; status: number; body?: string }
  | { kind: "slow"; afterMs: number; body: string };

export function articleHtml(headline: string, paragraphs: readonly string[], extra = ""): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${headline}</title></head><body>
<nav><a href="/">Home</a> · <a href="/world">World</a></nav>
<article><h1 id="headline">${headline}</h1>
${paragraphs.map((text) => `<p>${text}</p>`).join("\n")}
</article>${extra}
<footer>© The Test Gazette. All rights reserved.</footer></body></html>`;
}

export type ArticleServer = {
  origin: string;
  /** Sets (or replaces) what `path` answers. */
  set: (path: string, route: Route) => void;
  /** How many requests each path received. */
  hits: (path: string) => number;
  close: () => Promise<void>;
};

export async function startArticleServer(): Promise<ArticleServer> {
  const routes = new Map<string, Route>();
  const counts = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    counts.set(path, (counts.get(path) ?? 0) + 1);
    const route = routes.get(path);
    if (!route) {
      res.writeHead(404, { "Content-Type": "text/html; charset=utf-8" });
      res.end("<html><body><p>Page not found</p></body></html>");
      return;
    }
    switch (route.kind) {
      case "html":
        res.writeHead(route.status ?? 200, { "Content-Type": "text/html; charset=utf-8" });
        res.end(route.body);
        return;
      case "redirect":
        res.writeHead(route.status ?? 301, { Location: route.to });
        res.end();
        return;
      case "status":
        res.writeHead(route.status, { "Content-Type": "text/html; charset=utf-8" });
        res.end(route.body ?? `<html><body><p>Error ${route.status}</p></body></html>`);
        return;
      case "slow": {
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
        res.write("<html><body>");
        const timer = setTimeout(() => {
          timers.delete(timer);
          res.end(route.body);
        }, route.afterMs);
        timers.add(timer);
        req.on("close", () => clearTimeout(timer));
        return;
      }
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    set: (path, route) => routes.set(path, route),
    hits: (path) => counts.get(path) ?? 0,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
