// The route table must name every page and route handler of app/, with the methods each handler
// exports: derived from the tree, so a new route cannot be left out of the front or the fuzz suite.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { allowedMethods, matchRoute, ROUTES } from "@/lib/http/routes";

const APP = path.resolve(import.meta.dirname, "../../app");

type Found = { pattern: string; methods: string[] };

function walk(dir: string, segments: string[]): Found[] {
  const found: Found[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      // Route groups "(public)" and private folders "_components" add no path segment.
      if (entry.name.startsWith("_")) continue;
      found.push(...walk(full, entry.name.startsWith("(") ? segments : [...segments, entry.name]));
      continue;
    }
    const pattern = `/${segments.join("/")}`;
    if (entry.name === "page.tsx") found.push({ pattern, methods: ["GET"] });
    if (entry.name === "route.ts") {
      const source = readFileSync(full, "utf8");
      const methods = [...source.matchAll(/export (?:async function|const|function) (GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/g)].map((match) => match[1]!);
      found.push({ pattern, methods });
    }
    if (segments.length === 0 && entry.name === "robots.ts") found.push({ pattern: "/robots.txt", methods: ["GET"] });
    if (segments.length === 0 && entry.name === "sitemap.ts") found.push({ pattern: "/sitemap.xml", methods: ["GET"] });
    if (segments.length === 0 && /^(icon\.(svg|png|ico)|favicon\.ico)$/.test(entry.name)) found.push({ pattern: `/${entry.name}`, methods: ["GET"] });
  }
  return found;
}

describe("the route table", () => {
  const found = walk(APP, []);

  it("lists exactly the routes of the app/ tree", () => {
    const listed = ROUTES.filter((route) => route.kind !== "asset").map((route) => route.pattern).sort();
    expect(listed).toEqual(found.map((route) => route.pattern).sort());
  });

  it("gives each route handler the methods it exports", () => {
    for (const route of found.filter((entry) => ROUTES.find((r) => r.pattern === entry.pattern)?.kind === "handler")) {
      expect(ROUTES.find((r) => r.pattern === route.pattern)?.methods, route.pattern).toEqual(route.methods);
    }
  });

  it("matches static segments before dynamic ones", () => {
    expect(matchRoute("/desk/claims/new")?.pattern).toBe("/desk/claims/new");
    expect(matchRoute("/desk/claims/0b7c…")?.pattern).toBe("/desk/claims/[id]");
    expect(matchRoute("/claims/x/feed.xml")?.pattern).toBe("/claims/[slug]/feed.xml");
    expect(matchRoute("/_next/static/chunks/a.js")?.pattern).toBe("/_next/[...path]");
    expect(matchRoute("/nowhere")).toBeNull();
  });

  it("allows HEAD with GET and OPTIONS everywhere", () => {
    expect(allowedMethods(matchRoute("/")!)).toEqual(["GET", "HEAD", "OPTIONS"]);
    expect(allowedMethods(matchRoute("/sign-in")!)).toEqual(["GET", "HEAD", "POST", "OPTIONS"]);
  });
});
