// The HTTP front on a real socket, with a stand-in where Next.js would be: what it answers itself,
// what it hands on, and the headers every response carries.
import { createServer, request, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect } from "node:net";
import { createGzip, gunzipSync } from "node:zlib";
import { answerClientError, createFront, NOT_FOUND_PATH } from "@/lib/http/front";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/request-target";
import { noteDatabaseError } from "@/lib/db/unavailable";

type Seen = { url?: string; address?: string; body?: string };

async function start(trustedProxyHops: number, https = false) {
  const seen: Seen = {};
  const refusals: string[] = [];
  const server = createServer(
    createFront({
      https,
      trustedProxyHops,
      log: (message) => refusals.push(message),
      logError: () => {},
      handle: async (req, res) => {
        seen.url = req.url;
        seen.address = req.headers[CLIENT_ADDRESS_HEADER] as string;
        if (req.method === "POST") {
          const chunks: Buffer[] = [];
          for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
          seen.body = Buffer.concat(chunks).toString("utf8");
        }
        if (req.url === "/explode") throw new Error("boom");
        res.statusCode = req.url === NOT_FOUND_PATH ? 404 : 200;
        res.end("from next");
      },
    }),
  );
  server.on("clientError", answerClientError({ https }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, seen, refusals, port: (server.address() as AddressInfo).port };
}

/** A raw request: the target is sent exactly as given, as a hostile client would. */
function send(port: number, method: string, target: string, headers: Record<string, string> = {}, body?: string | Buffer) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path: target, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

function expectSecurityHeaders(headers: IncomingHttpHeaders) {
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
}

describe("the HTTP front", () => {
  let front: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    front = await start(0);
  });
  afterAll(() => new Promise<void>((resolve) => front.server.close(() => resolve())));

  it.each(["/claims/%zz", "/claims/%ED%A0%80", "/entities/%", "/claims/%/feed.xml", "/invite/%ED%A0%80", "/desk/claims/%", "/claims/%00"])(
    "sends %s to the app's 404 page instead of letting Next fail to decode it",
    async (target) => {
      const response = await send(front.port, "GET", target);
      expect(response.status).toBe(404);
      expect(front.seen.url).toBe(NOT_FOUND_PATH);
      expectSecurityHeaders(response.headers);
    },
  );

  it.each([
    ["TRACE", "/feeds/changes.xml", "GET, HEAD, OPTIONS"],
    ["TRACE", "/claims/x/feed.xml", "GET, HEAD, OPTIONS"],
    ["TRACE", "/sitemap.xml", "GET, HEAD, OPTIONS"],
    ["TRACE", "/api/health", "GET, HEAD, OPTIONS"],
    ["PUT", "/", "GET, HEAD, OPTIONS"],
    ["DELETE", "/desk", "GET, HEAD, POST, OPTIONS"],
    ["POST", "/claims/x", "GET, HEAD, OPTIONS"],
  ])("answers %s %s with 405 and Allow: %s", async (method, target, allow) => {
    const response = await send(front.port, method, target);
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe(allow);
    expect(response.body).toContain("Method not allowed");
    expectSecurityHeaders(response.headers);
  });

  it("answers POST, PUT, PATCH and DELETE to an unknown or malformed path with 404 itself", async () => {
    for (const [method, target] of [["POST", "/nowhere"], ["POST", "/desk/claims/100%/evidence/new"], ["PUT", "/nowhere"], ["DELETE", "/claims/%zz"]] as const) {
      const response = await send(front.port, method, target, { rsc: "1", "next-action": "x" });
      expect(response.status, `${method} ${target}`).toBe(404);
      expectSecurityHeaders(response.headers);
    }
    const unknown = await send(front.port, "PROPFIND", "/nowhere");
    expect(unknown.status).toBe(405);
    expect(unknown.headers.allow).toBe("GET, HEAD, OPTIONS");
  });

  it("lets any site frame an embed, and nothing else", async () => {
    const embed = await send(front.port, "GET", "/embed/claims/x");
    expect(embed.status).toBe(200);
    expect(embed.headers["x-frame-options"]).toBeUndefined();
    expect(embed.headers["content-security-policy"]).toContain("frame-ancestors *");
    expect(embed.headers["content-security-policy"]).not.toContain("script-src");
    expect(embed.headers["cross-origin-resource-policy"]).toBe("cross-origin");
    expect(embed.headers["x-content-type-options"]).toBe("nosniff");
    // The page it links to, and what the front answers itself on an embed's path, stay unframeable.
    expectSecurityHeaders((await send(front.port, "GET", "/claims/x")).headers);
    expectSecurityHeaders((await send(front.port, "GET", "/embed/claims/%zz")).headers);
    expectSecurityHeaders((await send(front.port, "TRACE", "/embed/claims/x")).headers);
  });

  it("answers OPTIONS * and OPTIONS on a route with what is allowed", async () => {
    const star = await send(front.port, "OPTIONS", "*");
    expect(star.status).toBe(204);
    expect(star.headers.allow).toBe("GET, HEAD, POST, OPTIONS");
    const route = await send(front.port, "OPTIONS", "/sign-in");
    expect(route.status).toBe(204);
    expect(route.headers.allow).toBe("GET, HEAD, POST, OPTIONS");
    expectSecurityHeaders(star.headers);
  });

  it("refuses a form post or server action from a null, unparseable or foreign Origin with 403, as a logged refusal", async () => {
    for (const origin of ["null", "::not a url::", "https://evil.example", `http://127.0.0.1:${front.port}.evil.example`]) {
      const response = await send(front.port, "POST", "/sign-in", { origin, "next-action": "0".repeat(42) });
      expect(response.status, origin).toBe(403);
      expectSecurityHeaders(response.headers);
    }
    expect(front.refusals).toHaveLength(4);
    expect(front.refusals.every((line) => line.startsWith("Refused a form post to /sign-in"))).toBe(true);
    expect((await send(front.port, "POST", "/sign-in", { origin: `http://127.0.0.1:${front.port}` })).status).toBe(200);
  });

  it("answers a multipart form post that cannot be parsed with 400, and hands a good one on intact", async () => {
    const origin = `http://127.0.0.1:${front.port}`;
    const broken = await send(front.port, "POST", "/desk/claims/new", { origin, "content-type": "multipart/form-data; boundary=x" }, "not multipart at all");
    expect(broken.status).toBe(400);
    expectSecurityHeaders(broken.headers);

    const form = "--x\r\nContent-Disposition: form-data; name=\"statement\"\r\n\r\nTrump spoke with Putin\r\n--x--\r\n";
    const good = await send(front.port, "POST", "/desk/claims/new", { origin, "content-type": "multipart/form-data; boundary=x" }, form);
    expect(good.status).toBe(200);
    expect(front.seen.body).toBe(form);

    const huge = await send(front.port, "POST", "/desk/claims/new", { origin, "content-type": "multipart/form-data; boundary=x" }, Buffer.alloc(1024 * 1024 + 10, 97));
    expect(huge.status).toBe(413);
  });

  it("serves an absolute-form target as its path and refuses a bad Host", async () => {
    expect((await send(front.port, "GET", "http://elsewhere.example/claims/x?y=1")).status).toBe(200);
    expect(front.seen.url).toBe("/claims/x?y=1");
    expect((await send(front.port, "GET", "/", { host: "a b" })).status).toBe(400);
  });

  it("puts the reader policy on reader pages and the data policy on feeds and on desk paths it answers itself", async () => {
    expect((await send(front.port, "GET", "/claims/x")).headers["content-security-policy"]).toContain("script-src 'self' 'unsafe-inline'");
    expect((await send(front.port, "GET", "/feeds/changes.xml")).headers["content-security-policy"]).toContain("default-src 'none'");
    expect((await send(front.port, "GET", "/desk")).headers["content-security-policy"]).toContain("default-src 'none'");
  });

  it("turns a failure inside the handler into a 500 page with every header", async () => {
    const response = await send(front.port, "GET", "/explode");
    expect(response.status).toBe(500);
    expect(response.body).not.toContain("boom");
    expectSecurityHeaders(response.headers);
  });

  it("answers what Node's own parser refuses with our page and headers, not a bare 400", async () => {
    for (const [raw, status] of [
      ["GET /a b c HTTP/1.1\r\nHost: x\r\n\r\n", "400"],
      ["GET / HTTP/1.1\r\nHost: x\r\nBad\u0000Header: 1\r\n\r\n", "400"],
      [`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`, "431"],
    ] as const) {
      const reply = await new Promise<string>((resolve, reject) => {
        const socket = connect(front.port, "127.0.0.1", () => socket.end(raw));
        let data = "";
        socket.setEncoding("utf8");
        socket.on("data", (chunk) => (data += chunk));
        socket.on("end", () => resolve(data));
        socket.on("error", reject);
      });
      expect(reply.startsWith(`HTTP/1.1 ${status} `), reply.slice(0, 40)).toBe(true);
      expect(reply).toContain("X-Content-Type-Options: nosniff");
      expect(reply).toContain("Content-Security-Policy: default-src 'none'");
    }
  });

  it("with no trusted proxy, records the socket's address whatever X-Forwarded-For says", async () => {
    await send(front.port, "GET", "/", { "x-forwarded-for": "6.6.6.6", [CLIENT_ADDRESS_HEADER]: "7.7.7.7" });
    expect(front.seen.address).toBe("127.0.0.1");
  });
});

describe("the HTTP front behind one trusted proxy", () => {
  it("records the address the proxy appended, not what the client wrote before it", async () => {
    const front = await start(1, true);
    try {
      await send(front.port, "GET", "/", { "x-forwarded-for": "6.6.6.6, 203.0.113.9", [CLIENT_ADDRESS_HEADER]: "7.7.7.7" });
      expect(front.seen.address).toBe("203.0.113.9");
      const response = await send(front.port, "GET", "/");
      expect(response.headers["strict-transport-security"]).toMatch(/max-age=/);
    } finally {
      await new Promise<void>((resolve) => front.server.close(() => resolve()));
    }
  });
});

/** Gzips the body through wrappers set on the response object itself, as the `compression` module does. */
function compressLikeNext(res: ServerResponse) {
  const write = res.write.bind(res) as (chunk: unknown) => boolean;
  const end = res.end.bind(res) as () => void;
  const gzip = createGzip();
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    res.setHeader("Content-Encoding", "gzip");
  };
  gzip.on("data", (chunk: Buffer) => write(chunk));
  gzip.on("end", () => end());
  Object.assign(res, {
    write: (chunk: string | Buffer) => (start(), gzip.write(chunk)),
    end: (chunk?: string | Buffer | (() => void)) => {
      start();
      if (chunk && typeof chunk !== "function") gzip.write(chunk);
      gzip.end();
      return res;
    },
  });
}

function sendRaw(port: number, target: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method: "GET", path: target, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the HTTP front while the database is unreachable", () => {
  // What the data layer's observer sees when PostgreSQL refuses the connection (shape captured by
  // tests/integration/database-unavailable.test.ts).
  const refused = () => Object.assign(new Error("Can't reach database server at 127.0.0.1:5432"), { code: "P1001" });
  let port: number;
  let server: ReturnType<typeof createServer>;
  beforeAll(async () => {
    server = createServer(
      createFront({
        https: false,
        trustedProxyHops: 0,
        logError: () => {},
        // Stand-ins for the ways Next answers a 500, each after the database failed it or not.
        handle: async (req, res) => {
          const [, kind, how] = (req.url ?? "").split("/");
          if (kind === "outage") noteDatabaseError(refused());
          // "direct": the error reaches the front without the data layer having counted it.
          if (how === "throw") throw kind === "bug" ? new Error("a bug") : refused();
          if (req.headers["accept-encoding"] === "gzip") compressLikeNext(res);
          if (how === "fine") {
            res.statusCode = 200;
            res.write("stale ");
            await new Promise((resolve) => setTimeout(resolve, 5));
            res.end("but fine");
            return;
          }
          res.setHeader("Cache-Control", "private, no-cache, no-store");
          res.setHeader("X-Powered-By", "Next.js");
          if (how === "writehead") {
            res.writeHead(500, { "Content-Type": "text/html" });
            res.end("<html>Internal Server Error</html>");
          } else if (how === "stream") {
            res.statusCode = 500;
            res.write("<html>");
            await new Promise((resolve) => setTimeout(resolve, 5));
            res.write("Internal Server Error");
            res.end("</html>", () => undefined);
          } else if (how === "flush") {
            res.statusCode = 500;
            res.flushHeaders();
            res.end("Internal Server Error");
          } else {
            res.statusCode = 500;
            res.end("Internal Server Error");
          }
        },
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it.each(["writehead", "end", "stream", "flush", "throw"])(
    "turns a 500 (%s) into the app's 503 page with Retry-After and every header when the database failed the request",
    async (how) => {
      const response = await send(port, "GET", `/outage/${how}`);
      expect(response.status).toBe(503);
      expect(response.headers["retry-after"]).toBe("10");
      expect(response.headers["cache-control"]).toBe("no-store");
      expect(response.headers["x-powered-by"]).toBeUndefined();
      expect(response.body).toContain("Claimtrail can&#39;t reach its database right now");
      expect(response.body).toContain("Nothing you entered was lost");
      expect(response.body).not.toContain("Internal Server Error");
      expectSecurityHeaders(response.headers);
    },
  );

  it("turns an unreachable-database error thrown up to the front into the 503 page", async () => {
    const response = await send(port, "GET", "/direct/throw");
    expect(response.status).toBe(503);
    expect(response.headers["retry-after"]).toBe("10");
  });

  it("answers HEAD with the same status and no body", async () => {
    const response = await send(port, "HEAD", "/outage/writehead");
    expect(response.status).toBe(503);
    expect(response.body).toBe("");
  });

  it("answers 503 for a reader page that fails seconds after the database did: it may have shared that render", async () => {
    noteDatabaseError(refused());
    const response = await send(port, "GET", "/claims/writehead");
    expect(response.status).toBe(503);
    expect(response.headers["retry-after"]).toBe("10");
  });

  it("leaves a 500 alone when the database did not fail that request, even just after an outage", async () => {
    noteDatabaseError(refused());
    for (const how of ["writehead", "end", "stream", "flush"]) {
      const response = await send(port, "GET", `/bug/${how}`);
      expect(response.status, how).toBe(500);
      expect(response.body, how).toContain("Internal Server Error");
    }
    const thrown = await send(port, "GET", "/bug/throw");
    expect(thrown.status).toBe(500);
    expect(thrown.body).toContain("Something went wrong on our side");
  });

  it("works under a compression layer that wraps the response's methods, as Next's does", async () => {
    const fine = await sendRaw(port, "/outage/fine", { "accept-encoding": "gzip" });
    expect(fine.status).toBe(200);
    expect(fine.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(fine.body).toString("utf8")).toBe("stale but fine");
    for (const how of ["end", "stream", "writehead"]) {
      const failed = await sendRaw(port, `/outage/${how}`, { "accept-encoding": "gzip" });
      expect(failed.status, how).toBe(503);
      expect(failed.headers["content-encoding"], how).toBeUndefined();
      expect(failed.body.toString("utf8"), how).toContain("Claimtrail can&#39;t reach its database right now");
    }
  });

  it("leaves a page that was served anyway (from a cache) alone", async () => {
    const response = await send(port, "GET", "/outage/fine");
    expect(response.status).toBe(200);
    expect(response.body).toBe("stale but fine");
  });
});
