import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { addressAllowed, OutboundError, outboundFetch, outboundUrl } from "./outbound";

let server: Server;
let base: string;
const routes = new Map<string, RequestListener>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const route = routes.get(new URL(req.url ?? "/", "http://x").pathname);
    if (route) route(req, res);
    else res.writeHead(404).end("missing");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  delete process.env.OUTBOUND_ALLOW_PRIVATE;
});

async function refusal(promise: Promise<unknown>): Promise<OutboundError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(OutboundError);
  return error as OutboundError;
}

describe("the SSRF guard", () => {
  routes.set("/ok", (_req, res) => res.writeHead(200, { "content-type": "text/plain" }).end("hello"));

  it.each([
    "http://127.0.0.1:9/",
    "http://localhost:9/",
    "http://[::1]:9/",
    "http://169.254.169.254/latest/meta-data/",
    "http://10.0.0.1/",
    "http://192.168.1.1/",
    "http://0.0.0.0:9/",
    "http://[::ffff:127.0.0.1]:9/",
  ])("refuses %s by default", async (url) => {
    expect((await refusal(outboundFetch(url, { timeoutMs: 3_000 }))).code).toBe("blocked-address");
  });

  it("refuses a local server that is really listening, and reaches it once private addresses are allowed", async () => {
    expect((await refusal(outboundFetch(`${base}/ok`))).code).toBe("blocked-address");
    process.env.OUTBOUND_ALLOW_PRIVATE = "1";
    const answer = await outboundFetch(`${base}/ok`);
    expect(answer.status).toBe(200);
    expect(answer.body.toString()).toBe("hello");
    expect(answer.url).toBe(`${base}/ok`);
  });

  it.each(["http://169.254.169.254/latest/meta-data/", "http://[::ffff:169.254.169.254]/", "http://[fe80::1]:9/", "http://0.0.0.0:9/"])(
    "refuses link-local and unspecified addresses such as %s even when private addresses are allowed",
    async (url) => {
      process.env.OUTBOUND_ALLOW_PRIVATE = "1";
      expect((await refusal(outboundFetch(url, { timeoutMs: 3_000 }))).code).toBe("blocked-address");
    },
  );

  it("states the same rule for checks made before connecting", () => {
    expect(["93.184.215.14", "2606:4700::1111"].map(addressAllowed)).toEqual([true, true]);
    expect(["127.0.0.1", "10.1.2.3", "::1", "169.254.169.254", "0.0.0.0", "not an address"].map(addressAllowed)).toEqual([false, false, false, false, false, false]);
    process.env.OUTBOUND_ALLOW_PRIVATE = "1";
    expect(["127.0.0.1", "10.1.2.3", "::1", "169.254.169.254", "::ffff:169.254.169.254", "fe80::1", "0.0.0.0"].map(addressAllowed)).toEqual([true, true, true, false, false, false, false]);
  });

  it.each(["file:///etc/passwd", "ftp://example.org/", "javascript:alert(1)", "gopher://example.org/", "not a url", "http://user:pass@example.org/"])(
    "does not fetch %s",
    (url) => {
      expect(() => outboundUrl(url)).toThrow(OutboundError);
    },
  );
});

describe("outboundFetch", () => {
  routes.set("/hop1", (_req, res) => res.writeHead(302, { location: "/hop2" }).end());
  routes.set("/hop2", (_req, res) => res.writeHead(301, { location: "/ok" }).end());
  routes.set("/loop", (_req, res) => res.writeHead(302, { location: "/loop" }).end());
  routes.set("/to-file", (_req, res) => res.writeHead(302, { location: "file:///etc/passwd" }).end());
  routes.set("/big", (_req, res) => res.writeHead(200).end(Buffer.alloc(64 * 1024, 97)));
  routes.set("/gzip", (_req, res) => res.writeHead(200, { "content-encoding": "gzip" }).end(gzipSync("compressed words")));
  routes.set("/slow", (_req, res) => {
    res.writeHead(200);
    res.write("a little");
    const timer = setTimeout(() => res.end("too late"), 5_000);
    res.on("close", () => clearTimeout(timer));
  });
  routes.set("/echo", (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => res.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify({ method: req.method, ua: req.headers["user-agent"], body: Buffer.concat(chunks).toString() })));
  });

  it("follows redirects, recording each hop", async () => {
    process.env.OUTBOUND_ALLOW_PRIVATE = "1";
    const answer = await outboundFetch(`${base}/hop1`);
    expect(answer.status).toBe(200);
    expect(answer.url).toBe(`${base}/ok`);
    expect(answer.redirects).toEqual([`${base}/hop1`, `${base}/hop2`]);
  });

  it("returns the redirect itself when told not to follow", async () => {
    process.env.OUTBOUND_ALLOW_PRIVATE = "1";
    const answer = await outboundFetch(`${base}/hop1`, { maxRedirects: 0 });
    expect(answer.status).toBe(302);
    expect(answer.headers.location).toBe("/hop2");
  });

  it("stops a redirect loop and a redirect to another scheme", async () => {
    process.env.OUTBOUND_ALLOW_PRIVATE = "1";
    expect((await refusal(outboundFetch(`${base}/loop`))).code).toBe("too-many-redirects");
    expect((await refusal(outboundFetch(`${base}/to-file`))).code).toBe("bad-url");
  });

  it("caps the body: fails, or keeps the first bytes when asked to truncate", async () => {
    process.env.OUTBOUND_ALLOW_PRIVATE = "1";
    expect((await refusal(outboundFetch(`${base}/big`, { maxBytes: 1024 }))).code).toBe("too-large");
    const cut = await outboundFetch(`${base}/big`, { maxBytes: 1024, truncate: true });
    expect(cut.truncated).toBe(true);
    expect(cut.body.length).toBe(1024);
  });

  it("decompresses gzip", async () => {
    process.env.OUTBOUND_ALLOW_PRIVATE = "1";
    expect((await outboundFetch(`${base}/gzip`)).body.toString()).toBe("compressed words");
  });

  it("gives up on a slow answer at the time limit", async () => {
    process.env.OUTBOUND_ALLOW_PRIVATE = "1";
    expect((await refusal(outboundFetch(`${base}/slow`, { timeoutMs: 300 }))).code).toBe("timeout");
  });

  it("posts a body with Claimtrail's User-Agent, and does not follow redirects of a POST", async () => {
    process.env.OUTBOUND_ALLOW_PRIVATE = "1";
    const answer = await outboundFetch(`${base}/echo`, { method: "POST", body: '{"a":1}', headers: { "content-type": "application/json" } });
    expect(answer.status).toBe(201);
    expect(JSON.parse(answer.body.toString())).toMatchObject({ method: "POST", body: '{"a":1}', ua: expect.stringMatching(/^Claimtrail\//) });
    expect((await outboundFetch(`${base}/hop1`, { method: "POST", body: "" })).status).toBe(302);
  });

  it("says a closed port refused the connection", async () => {
    process.env.OUTBOUND_ALLOW_PRIVATE = "1";
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect((await refusal(outboundFetch(`http://127.0.0.1:${port}/`))).code).toBe("network");
  });
});
