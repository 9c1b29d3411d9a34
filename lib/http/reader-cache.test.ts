// The front's HTTP caching of reader responses, on a real socket with a stand-in for Next.js that
// writes its answer the ways Next does (writeHead, several writes, a streamed end).
import { createServer, request, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFront } from "@/lib/http/front";
import { CACHE_CONTROL, etagMatches } from "@/lib/http/reader-cache";

let port = 0;
let body = "<p>the claim</p>";
const server = createServer(
  createFront({
    https: false,
    trustedProxyHops: 0,
    log: () => {},
    logError: () => {},
    handle: async (req, res) => {
      if (req.url?.startsWith("/claims/missing")) {
        res.writeHead(404, { "Content-Type": "text/html", "Cache-Control": "s-maxage=3600, stale-while-revalidate=31532400" });
        res.end("<p>not found</p>");
        return;
      }
      if (req.url?.startsWith("/claims/")) {
        // Next's ISR answers: its own validator, already set.
        res.setHeader("ETag", '"from-next"');
        res.setHeader("Set-Cookie", "tracking=1");
        res.statusCode = 200;
        res.end(body);
        return;
      }
      res.writeHead(200, "OK", { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-cache, no-store" });
      res.write(body.slice(0, 5));
      res.write(Buffer.from(body.slice(5)), () => {});
      res.end();
    },
  }),
);

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function get(path: string, headers: Record<string, string> = {}, method = "GET") {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; text: string }>((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("reader responses", () => {
  it("are public for a CDN, carry a validator, and answer a matching If-None-Match with 304", async () => {
    const first = await get("/");
    expect(first.status).toBe(200);
    expect(first.text).toBe(body);
    expect(first.headers["cache-control"]).toBe(CACHE_CONTROL.reader);
    expect(first.headers["content-length"]).toBe(String(Buffer.byteLength(body)));
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"[\w-]+"$/);

    const again = await get("/", { "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(again.text).toBe("");
    expect(again.headers.etag).toBe(etag);

    // A changed page has a new validator: the old one no longer matches.
    body = "<p>the claim, disputed</p>";
    const changed = await get("/", { "If-None-Match": etag });
    expect(changed.status).toBe(200);
    expect(changed.text).toBe(body);
    expect(changed.headers.etag).not.toBe(etag);
  });

  it("keep Next's validator, and never set a cookie", async () => {
    const page = await get("/claims/trump-spoke-with-putin");
    expect(page.headers.etag).toBe('"from-next"');
    expect(page.headers["set-cookie"]).toBeUndefined();
    expect((await get("/claims/trump-spoke-with-putin", { "If-None-Match": 'W/"from-next"' })).status).toBe(304);
  });

  it("search is cached briefly; a not-found answer is not cached at all", async () => {
    expect((await get("/search?q=x")).headers["cache-control"]).toBe(CACHE_CONTROL.search);
    const missing = await get("/claims/missing-claim");
    expect(missing.status).toBe(404);
    expect(missing.headers["cache-control"]).toBe("no-store");
  });

  it("HEAD gets the headers without a body", async () => {
    const head = await get("/", {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.text).toBe("");
    expect(head.headers.etag).toMatch(/^W\//);
  });

  it("desk pages are left alone", async () => {
    const desk = await get("/desk");
    expect(desk.headers["cache-control"]).toBe("private, no-cache, no-store");
    expect(desk.headers.etag).toBeUndefined();
  });
});

describe("etagMatches", () => {
  it("compares weakly, in lists, and with *", () => {
    expect(etagMatches('"a"', 'W/"a"')).toBe(true);
    expect(etagMatches('W/"b", W/"a"', '"a"')).toBe(true);
    expect(etagMatches("*", '"a"')).toBe(true);
    expect(etagMatches('"b"', '"a"')).toBe(false);
    expect(etagMatches(undefined, '"a"')).toBe(false);
  });
});
