// The front's copies of reader answers, on a real socket: what is kept, for whom, and that any
// expired tag drops them all.
import { createServer, request, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createFront } from "@/lib/http/front";
import { createResponseCache } from "@/lib/http/response-cache";

let port = 0;
let rendered = 0;
let version = "first";
const page = () => `<main>${"The claim, its evidence and its history. ".repeat(60)}${version}</main>`;
const server = createServer(
  createFront({
    https: false,
    trustedProxyHops: 0,
    log: () => {},
    logError: () => {},
    responseCache: createResponseCache({ maxBytes: 1024 * 1024, ttlMs: 60_000 }),
    handle: async (req, res) => {
      rendered += 1;
      if (req.url?.startsWith("/claims/missing")) {
        res.statusCode = 404;
        res.end("not found");
        return;
      }
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.statusCode = 200;
      res.end(page());
    },
  }),
);

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  // Every test starts from an empty cache: an expiry drops everything.
  (globalThis as { __claimtrailCacheGeneration?: number }).__claimtrailCacheGeneration = Math.random();
  rendered = 0;
});

function get(path: string, headers: Record<string, string> = {}, method = "GET") {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the front's response cache", () => {
  it("answers a reader page again without the app, with the same bytes and headers", async () => {
    const first = await get("/claims/a");
    const second = await get("/claims/a");
    expect(rendered).toBe(1);
    expect(first.headers["x-claimtrail-cache"]).toBeUndefined();
    expect(second.headers["x-claimtrail-cache"]).toBe("HIT");
    expect(second.body.equals(first.body)).toBe(true);
    for (const name of ["etag", "cache-control", "content-security-policy", "x-content-type-options", "content-type"]) {
      expect(second.headers[name], name).toBe(first.headers[name]);
    }
    const revalidated = await get("/claims/a", { "If-None-Match": first.headers.etag as string });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers["x-claimtrail-cache"]).toBe("HIT");
    const head = await get("/claims/a", {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body).toHaveLength(0);
    expect(rendered).toBe(1);
  });

  it("forgets everything when a tag is expired", async () => {
    await get("/claims/a");
    version = "after a write";
    (globalThis as { __claimtrailCacheGeneration?: number }).__claimtrailCacheGeneration! += 1;
    const after = await get("/claims/a");
    expect(after.body.toString()).toContain("after a write");
    expect(rendered).toBe(2);
  });

  it("keeps compressed and plain answers apart", async () => {
    const gzip = await get("/claims/a", { "Accept-Encoding": "gzip" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    const plain = await get("/claims/a");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    const again = await get("/claims/a", { "Accept-Encoding": "gzip" });
    expect(gunzipSync(again.body).toString()).toBe(plain.body.toString());
    expect(rendered).toBe(2);
  });

  it("leaves to the app: the client router's requests, not-found answers, search, the desk", async () => {
    await get("/claims/a", { RSC: "1" });
    await get("/claims/a", { RSC: "1" });
    await get("/claims/missing");
    await get("/claims/missing");
    await get("/search?q=x");
    await get("/search?q=x");
    await get("/desk");
    await get("/desk");
    expect(rendered).toBe(8);
  });
});
