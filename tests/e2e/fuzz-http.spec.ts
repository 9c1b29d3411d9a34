// Property-based fuzzing of every route over HTTP, against the production build: hostile path
// segments, query parameters, methods and headers, signed out and signed in. Whatever is sent,
// the answer is below 500, carries every security header, and shows no stack trace, SQL or file
// path. The route list is lib/http/routes.ts, which a unit test keeps equal to the app/ tree.
//
// `npm test` runs a bounded number of requests with a fixed seed; `npm run fuzz -- 10000` runs
// more (FUZZ_RUNS, FUZZ_SEED) and prints the count of answers by status.
import { readFileSync } from "node:fs";
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import path from "node:path";
import { ROUTES, type RouteEntry } from "@/lib/http/routes";
import { fc, fuzzParameters, hostileReply, hostileString, percentGarbage } from "@/tests/fuzz/arbitraries";
import { expect, signIn, test } from "./fixtures";

const DEFAULT_RUNS = 300;

const LEAK =
  /\n\s+at [\w.<>]+ \(|\/work\/|\/home\/|node_modules\/|PrismaClient|Invalid `prisma|ERROR: |syntax error at or near|violates (unique|foreign key|check) constraint|relation "[^"]+" does not exist|invalid byte sequence/;
const { seed, numRuns } = fuzzParameters(DEFAULT_RUNS);

type Answer = { status: number; headers: IncomingHttpHeaders; body: string };

/** Sends exactly these bytes as the request target: no client-side URL normalisation. */
function send(base: URL, method: string, target: string, headers: Record<string, string>, body?: string | Uint8Array): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      // Browsers accept far larger answers than Node's 16 KB default (a redirect may echo a
      // long query in Location); read what a browser would.
      { host: base.hostname, port: base.port, method, path: target, headers: { host: base.host, ...headers }, timeout: 30_000, maxHeaderSize: 256 * 1024 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`timed out: ${method} ${target.slice(0, 200)}`)));
    req.on("error", reject);
    req.end(body);
  });
}

/**
 * A hostile value as it would travel in a URL: percent-encoded as UTF-8 (a lone surrogate as the
 * bytes a sloppy encoder writes), or left raw when it is %-garbage already.
 */
function urlEncoded(value: string, style: "utf8" | "wtf8" | "raw"): string {
  if (style === "raw") return value.replace(/[^\x21-\x7e]|[#?/]/g, (char) => encodeURIComponent(char.isWellFormed() ? char : "\ufffd"));
  let out = "";
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) {
      out += style === "wtf8" ? `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}` : "%EF%BF%BD";
    } else out += encodeURIComponent(char);
  }
  return out;
}

const encodingStyle = fc.constantFrom<"utf8" | "wtf8" | "raw">("utf8", "utf8", "wtf8", "raw");
const segmentValue = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(hostileString.map((value) => value.slice(0, 3_000)), encodingStyle).map(([value, style]) => urlEncoded(value, style)) },
  { weight: 1, arbitrary: percentGarbage },
);
const method = fc.oneof(
  { weight: 6, arbitrary: fc.constant("GET") },
  { weight: 2, arbitrary: fc.constantFrom("HEAD", "POST", "OPTIONS") },
  { weight: 1, arbitrary: fc.constantFrom("PUT", "DELETE", "PATCH", "TRACE", "PROPFIND", "M-SEARCH", "FOO") },
);
// Header values must be latin-1 without CR, LF or NUL, or Node refuses to send them.
const headerValue = hostileString.map((value) => value.slice(0, 2_000).replace(/[^\x20-\x7e\x80-\xff\t]/g, "?"));
// Zero to three headers a hostile or careless client might add, each as likely as the others.
const headerPair = fc.oneof(
  fc.tuple(fc.constant("origin"), fc.oneof(fc.constant("null"), fc.constant("https://evil.example"), headerValue)),
  fc.tuple(fc.constant("next-action"), fc.oneof(fc.constant("7f".repeat(21)), headerValue)),
  fc.tuple(fc.constant("rsc"), fc.constant("1")),
  fc.tuple(fc.constant("next-router-state-tree"), headerValue),
  fc.tuple(fc.constant("next-router-prefetch"), fc.constant("1")),
  fc.tuple(fc.constant("accept"), fc.oneof(fc.constant("text/x-component"), headerValue)),
  fc.tuple(fc.constant("content-type"), fc.constantFrom("multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "text/plain", "application/json")),
  fc.tuple(fc.constant("if-none-match"), headerValue),
  fc.tuple(fc.constant("accept-language"), headerValue),
  fc.tuple(fc.constant("x-forwarded-host"), headerValue),
  fc.tuple(fc.constant("x-forwarded-for"), headerValue),
  fc.tuple(fc.constant("cookie"), headerValue),
  fc.tuple(fc.constant("range"), headerValue),
);
const extraHeaders = fc.array(headerPair, { maxLength: 3 }).map((pairs) => Object.fromEntries(pairs));

function pathFor(route: RouteEntry, segments: string[], real: Record<string, string>): string {
  let index = 0;
  return route.pattern.replace(/\[(\.\.\.)?([^\]]+)\]/g, (_match, _rest, name: string) => {
    const value = segments[index++];
    return value === undefined ? (real[name] ?? "x") : value;
  });
}

test("no request gets a 5xx, a stack trace or a missing security header", async ({ page, baseURL }) => {
  test.setTimeout(60_000 + numRuns * 1_000);
  const base = new URL(baseURL!);

  // Real values, so that fuzzing reaches past "not found" as well as into it.
  const sitemap = await (await page.request.get("/sitemap.xml")).text();
  const slug = /\/claims\/([^<\/]+)<\/loc>/.exec(sitemap)?.[1] ?? "trump-spoke-with-putin";
  const entity = /\/entities\/([0-9a-f-]{36})/.exec(sitemap)?.[1] ?? "00000000-0000-4000-8000-000000000000";
  await signIn(page, "editor", { from: "/sign-in" });
  const desk = await (await page.request.get("/desk/claims")).text();
  const claimId = /\/desk\/claims\/([0-9a-f-]{36})/.exec(desk)?.[1] ?? entity;
  const real: Record<string, string> = { slug, id: claimId, evidenceId: claimId, token: "x".repeat(43), path: "static/none.js" };
  const session = (await page.context().cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");

  const byStatus = new Map<number, number>();
  const routes = fc.constantFrom(...ROUTES);
  await fc.assert(
    fc.asyncProperty(
      routes,
      fc.array(fc.option(segmentValue, { nil: undefined, freq: 3 }), { maxLength: 3 }),
      fc.array(fc.tuple(fc.oneof(fc.constantFrom("q", "page", "status", "tag", "about", "outlet", "next"), segmentValue), segmentValue), { maxLength: 4 }),
      method,
      extraHeaders,
      fc.boolean(),
      fc.option(hostileString.map((value) => value.slice(0, 5_000)), { nil: undefined }),
      async (route, segments, extraQuery, verb, headers, signedIn, body) => {
        const queryNames = [...route.query];
        const query = extraQuery.map(([name, value], index) => `${queryNames[index] ?? name}=${value}`).join("&");
        const target = `${pathFor(route, segments.filter((value): value is string => value !== undefined), real)}${query ? `?${query}` : ""}`;
        const requestHeaders: Record<string, string> = { ...headers };
        if (signedIn) requestHeaders.cookie = session;
        const answer = await send(base, verb, target, requestHeaders, verb === "POST" || verb === "PUT" ? (body ?? "") : undefined);
        byStatus.set(answer.status, (byStatus.get(answer.status) ?? 0) + 1);
        if (process.env.FUZZ_DEBUG) console.log(answer.status, verb, signedIn, route.pattern, target.slice(0, 80), answer.headers.location?.slice(0, 80));
        const where = `${verb} ${target.slice(0, 300)}`;
        expect(answer.status, where).toBeLessThan(500);
        // Every answer carries our headers, even those to requests Node's parser refused.
        expect(answer.headers["x-content-type-options"], where).toBe("nosniff");
        // Only the embeddable cards may be framed, and then X-Frame-Options must not forbid it.
        if (answer.headers["content-security-policy"]?.includes("frame-ancestors *")) {
          expect(route.pattern, where).toBe("/embed/claims/[slug]");
          expect(answer.headers["x-frame-options"], where).toBeUndefined();
          expect(answer.headers["content-security-policy"], where).toContain("default-src 'none'");
        } else {
          expect(answer.headers["content-security-policy"], where).toContain("frame-ancestors 'none'");
          expect(answer.headers["x-frame-options"], where).toBe("DENY");
        }
        // What the server itself would say if it leaked: a stack frame, a file path, Prisma's or
        // PostgreSQL's own words. (SQL the client sent may be echoed back, escaped, in a search box.)
        expect(answer.body, where).not.toMatch(LEAK);
      },
    ),
    {
      seed,
      numRuns,
      endOnFailure: true,
      // The default report prints the whole counterexample, 100 KB strings included.
      reporter: (details) => {
        if (!details.failed) return;
        const example = JSON.stringify(details.counterexample, (_key, value: unknown) =>
          typeof value === "string" && value.length > 300 ? `${value.slice(0, 300)}…(${value.length} chars)` : value,
        );
        throw new Error(`HTTP fuzz failed (seed ${details.seed}, path "${details.counterexamplePath}"): ${String(details.errorInstance)}\nCounterexample: ${example}`);
      },
    },
  );
  const summary = [...byStatus].sort(([a], [b]) => a - b).map(([status, count]) => `${status}: ${count}`).join(", ");
  console.log(`HTTP fuzz: ${numRuns} requests, seed ${seed}; by status: ${summary}`);
});

/** The build's server actions, each with a path of a page that serves it. */
function serverActions(real: Record<string, string>): { id: string; path: string; name: string }[] {
  const manifest = JSON.parse(readFileSync(path.join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; exportedName?: string }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers)[0] ?? "app/page";
    const route = worker
      .replace(/^app/, "")
      .replace(/\/page$/, "")
      .replace(/\/\([^)]+\)/g, "")
      .replace(/\[([^\]]+)\]/g, (_match, name: string) => real[name] ?? "x");
    return { id, path: route || "/", name: entry.exportedName ?? id };
  });
}

test("a server action given any body answers below 500, whoever sends it", async ({ page, baseURL }) => {
  test.setTimeout(60_000 + numRuns * 1_000);
  const base = new URL(baseURL!);
  await signIn(page, "editor", { from: "/sign-in" });
  const desk = await (await page.request.get("/desk/claims")).text();
  const claimId = /\/desk\/claims\/([0-9a-f-]{36})/.exec(desk)?.[1] ?? "00000000-0000-4000-8000-000000000000";
  const real = { id: claimId, evidenceId: claimId, token: "x".repeat(43) };
  const session = (await page.context().cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
  const actions = serverActions(real);
  expect(actions.length).toBeGreaterThan(10);

  const byStatus = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...actions),
      hostileReply,
      // A fetch from the page's script (Next-Action header), or a form posted without script ($ACTION_ID_ field).
      fc.constantFrom("fetch", "fetch", "no-script"),
      fc.boolean(),
      async (action, reply, style, signedIn) => {
        const headers: Record<string, string> = { origin: base.origin };
        if (signedIn) headers.cookie = session;
        let body: string | Uint8Array;
        if (style === "fetch") headers["next-action"] = action.id;
        if (typeof reply === "string" && style === "fetch") {
          headers["content-type"] = "text/plain;charset=UTF-8";
          body = reply;
        } else {
          const form = new FormData();
          if (style === "no-script") form.append(`$ACTION_ID_${action.id}`, "");
          for (const [name, value] of typeof reply === "string" ? [["$ACTION_1:0", reply] as [string, string]] : reply) form.append(name, value);
          const encoded = new Response(form);
          headers["content-type"] = encoded.headers.get("content-type")!;
          body = new Uint8Array(await encoded.arrayBuffer());
        }
        const answer = await send(base, "POST", action.path, headers, body);
        byStatus.set(answer.status, (byStatus.get(answer.status) ?? 0) + 1);
        const where = `${style} ${action.name} at ${action.path}: ${JSON.stringify(reply).slice(0, 300)}`;
        expect(answer.status, where).toBeLessThan(500);
        expect(answer.headers["x-content-type-options"], where).toBe("nosniff");
        expect(answer.body, where).not.toMatch(LEAK);
      },
    ),
    { seed, numRuns, endOnFailure: true },
  );
  const summary = [...byStatus].sort(([a], [b]) => a - b).map(([status, count]) => `${status}: ${count}`).join(", ");
  console.log(`Server action fuzz: ${numRuns} requests, seed ${seed}; by status: ${summary}`);
});
