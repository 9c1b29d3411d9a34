// Regression tests for what was found by probing the production build from outside: each request
// that used to answer 500, the open redirect, and the security headers and Content-Security-Policy
// of every kind of response. Requests go to the real server (scripts/server.ts + next start's
// build) over HTTP.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import type { APIResponse } from "@playwright/test";
import { freePort } from "@/scripts/lib/embedded-postgres";
import { serverCommand } from "@/scripts/lib/next-build";
import { OPEN_REDIRECT_ATTEMPTS } from "@/tests/fixtures/open-redirects";
import { expect, signIn, test } from "./fixtures";

function expectSecurityHeaders(response: APIResponse, where: string) {
  const headers = response.headers();
  expect(headers["x-content-type-options"], where).toBe("nosniff");
  expect(headers["referrer-policy"], where).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"], where).toBe("DENY");
  expect(headers["permissions-policy"], where).toContain("camera=()");
  expect(headers["cross-origin-opener-policy"], where).toBe("same-origin");
  const policy = headers["content-security-policy"] ?? "";
  expect(policy, where).toContain("frame-ancestors 'none'");
  expect(policy, where).not.toContain("unsafe-eval");
  return policy;
}

function expectAppPage(body: string, where: string) {
  expect(body, where).toContain("Claimtrail");
  expect(body, where).not.toMatch(/Internal Server Error|at [\w.]+ \(|\/work\/|node_modules|SELECT |prisma/i);
}

test.describe("requests that used to answer 500", () => {
  for (const path of ["/claims/%zz", "/claims/%ED%A0%80", "/entities/%", "/claims/%/feed.xml", "/invite/%ED%A0%80", "/desk/claims/%", "/claims/%00", "/claims/%00/feed.xml"]) {
    test(`GET ${path} is the app's 404 page`, async ({ request }) => {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status()).toBe(404);
      expectAppPage(await response.text(), path);
      expectSecurityHeaders(response, path);
    });
  }

  test("GET /?tag=%00 ignores the bad filter", async ({ request }) => {
    const response = await request.get("/?tag=%00");
    expect(response.status()).toBe(200);
    expectSecurityHeaders(response, "/?tag=%00");
  });

  for (const path of ["/feeds/changes.xml", "/claims/trump-spoke-with-putin/feed.xml", "/sitemap.xml", "/api/health", "/"]) {
    test(`TRACE ${path} is 405 with Allow`, async ({ request }) => {
      const response = await request.fetch(path, { method: "TRACE" });
      expect(response.status()).toBe(405);
      expect(response.headers().allow).toBe("GET, HEAD, OPTIONS");
      expectSecurityHeaders(response, path);
    });
  }

  test("server actions from a null, unparseable or foreign Origin are refused with 403", async ({ request }) => {
    for (const origin of ["null", "::not a url::", "https://evil.example"]) {
      const response = await request.post("/sign-in", {
        headers: { origin, "next-action": "7f".repeat(21), "content-type": "text/plain;charset=UTF-8" },
        data: "[]",
      });
      expect(response.status(), origin).toBe(403);
      expectSecurityHeaders(response, origin);
    }
  });
});

test.describe("Content-Security-Policy of every kind of response", () => {
  test("reader HTML: no nonce, no eval, no foreign script origin, nothing framed", async ({ request }) => {
    const policy = expectSecurityHeaders(await request.get("/claims/trump-spoke-with-putin"), "reader");
    expect(policy).toContain("script-src 'self' 'unsafe-inline'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'none'");
    expect(policy).not.toContain("nonce-");
  });

  test("desk HTML: a fresh nonce on every response, carried by every script", async ({ request }) => {
    const first = await request.get("/sign-in");
    const policy = expectSecurityHeaders(first, "sign-in");
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(policy).toContain("'strict-dynamic'");
    expect(nonce).toBeTruthy();
    const scripts = [...(await first.text()).matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
    const second = expectSecurityHeaders(await request.get("/sign-in"), "sign-in again");
    expect(second).not.toContain(nonce);
  });

  test("feed, API, 404 and 405", async ({ request }) => {
    expect(expectSecurityHeaders(await request.get("/feeds/changes.xml"), "feed")).toContain("default-src 'none'");
    expect(expectSecurityHeaders(await request.get("/api/health"), "api")).toContain("default-src 'none'");
    const missing = await request.get("/claims/no-such-claim");
    expect(missing.status()).toBe(404);
    expectSecurityHeaders(missing, "404");
    const refused = await request.fetch("/", { method: "PUT" });
    expect(refused.status()).toBe(405);
    expectSecurityHeaders(refused, "405");
  });

  test("embed: framed by any site, nothing runs, no cookie; its 404 too; nothing else is frameable", async ({ request }) => {
    for (const [path, status] of [["/embed/claims/trump-spoke-with-putin", 200], ["/embed/claims/no-such-claim", 404]] as const) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(status);
      const headers = response.headers();
      expect(headers["x-frame-options"], path).toBeUndefined();
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["set-cookie"], path).toBeUndefined();
      const policy = headers["content-security-policy"] ?? "";
      for (const directive of ["default-src 'none'", "frame-ancestors *", "base-uri 'none'", "form-action 'none'"]) expect(policy, path).toContain(directive);
      expect(policy, path).not.toMatch(/script-src|unsafe-eval/);
      expect(await response.text(), path).not.toMatch(/<script/i);
    }
    // The oEmbed answer and the claim page it names are not frameable.
    expectSecurityHeaders(await request.get("/api/oembed?url=x"), "oembed");
    expectSecurityHeaders(await request.get("/claims/trump-spoke-with-putin"), "claim page");
  });

  test("503: a server that cannot reach its database answers its own page with Retry-After and every header", async ({ request }) => {
    // A second server on the same build, pointed at a port where no database listens; its own port
    // next to the suite's (E2E_PORT 3400 → 3490).
    const port = await freePort(Number(process.env.E2E_PORT ?? 3100) + 90);
    const server: ChildProcess = spawn(process.execPath, serverCommand({ port, hostname: "127.0.0.1" }), {
      stdio: "ignore",
      env: {
        ...process.env,
        DATABASE_URL: "postgresql://nobody@127.0.0.1:9/nothing",
        AUTH_SECRET: randomBytes(32).toString("base64url"),
        APP_URL: `http://127.0.0.1:${port}`,
        NEXT_TELEMETRY_DISABLED: "1",
      },
    });
    try {
      const base = `http://127.0.0.1:${port}`;
      await expect.poll(async () => (await request.get(`${base}/api/health`).catch(() => null))?.status() ?? 0, { timeout: 30_000 }).toBe(503);
      const failed = await request.get(`${base}/`);
      expect(failed.status()).toBe(503);
      expect(failed.headers()["retry-after"]).toBe("10");
      expectAppPage(await failed.text(), "503");
      expectSecurityHeaders(failed, "503");
    } finally {
      server.kill("SIGTERM");
    }
  });
});

test.describe("the open redirect after sign-in is closed", () => {
  test("a signed-in visitor sent to /sign-in?next=… stays on this site for every cheat-sheet variant", async ({ page }) => {
    await signIn(page, "editor", { from: "/sign-in" });
    const origin = new URL(page.url()).origin;
    for (const next of OPEN_REDIRECT_ATTEMPTS) {
      const response = await page.request.get(`/sign-in?next=${encodeURIComponent(next)}`, { maxRedirects: 0 });
      expect(response.status(), next).toBe(307);
      const location = response.headers().location ?? "";
      expect(new URL(location, origin).origin, `${next} → ${location}`).toBe(origin);
      expect(location.startsWith("/") && !location.startsWith("//"), `${next} → ${location}`).toBe(true);
    }
  });

  test("the sign-in form's redirect stays on this site", async ({ page }) => {
    await page.goto(`/sign-in?next=${encodeURIComponent("/..//evil.example")}`);
    await signIn(page, "fact_checker");
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/desk$/);
  });
});
