// A database outage is not a 500 (issue 9, docs/decisions/0009-database-outage.md). This spec
// starts its own app server (the production build through scripts/server.ts) on its own embedded
// PostgreSQL, migrated and seeded like tests/e2e/server.ts, then stops that PostgreSQL, checks what
// every kind of page and form answers, and starts it again on the same directory and port to check
// that the app recovers by itself.
//
// Reader pages may answer 200 from the reader cache while the database is down (stale is fine) or
// 503; anything that has to reach the database (a claim never loaded before, the desk, a form
// post, the health check) must answer 503 with Retry-After. Nothing may answer 500.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import type { APIRequestContext, APIResponse, Page } from "@playwright/test";
import pg from "pg";
import { DEMO_ACCOUNTS } from "@/prisma/seed";
import { freePort, type RunningPostgres, startEmbeddedPostgres } from "@/scripts/lib/embedded-postgres";
import { serverCommand } from "@/scripts/lib/next-build";
import { expect, test } from "./fixtures";
import { startSeededPostgres } from "./support/servers";

// A stopped database makes the browser log the 503s it gets, and the similar-claims lookup too.
// (One pattern: Playwright reads a two-element array here as [value, options].)
test.use({ allowedConsoleErrors: [/status of 503/] });
test.describe.configure({ mode: "serial" });

const CLAIM_SLUG = "trump-spoke-with-putin";
const FORM_MESSAGE = "The database is unreachable; nothing was saved. Try again in a moment.";

let postgres: RunningPostgres;
let dataDir: string;
let url: string;
let app: ChildProcess;
let base: string;
let appLog = "";

async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  ({ postgres, url } = await startSeededPostgres());
  dataDir = postgres.dataDir;

  // Its own port, next to the suite's (E2E_PORT 3400 → 3450).
  const port = await freePort(Number(process.env.E2E_PORT ?? 3100) + 50);
  base = `http://127.0.0.1:${port}`;
  app = spawn(process.execPath, serverCommand({ port, hostname: "127.0.0.1" }), {
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      DATABASE_URL: url,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      APP_URL: base,
      NEWSROOM_TIME_ZONE: "America/New_York",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  // Keep the tail of the server's output for a failure's message; never let the pipe fill.
  const keep = (chunk: Buffer) => (appLog = (appLog + chunk.toString("utf8")).slice(-4000));
  app.stdout?.on("data", keep);
  app.stderr?.on("data", keep);
  await expect
    .poll(async () => (await fetch(`${base}/api/health`).catch(() => null))?.status ?? 0, { timeout: 90_000, message: "the outage test's app server starts" })
    .toBe(200);
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach("app server output (tail)", { body: appLog, contentType: "text/plain" });
});

test.afterAll(async () => {
  app?.kill("SIGTERM");
  await postgres?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

function expectSecurityHeaders(response: APIResponse, where: string) {
  const headers = response.headers();
  expect(headers["x-content-type-options"], where).toBe("nosniff");
  expect(headers["referrer-policy"], where).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"], where).toBe("DENY");
  expect(headers["permissions-policy"], where).toContain("camera=()");
  expect(headers["cross-origin-opener-policy"], where).toBe("same-origin");
  expect(headers["content-security-policy"] ?? "", where).toContain("frame-ancestors 'none'");
}

/** The outage answer: 503, Retry-After, the app's own page, every security header. */
async function expectOutagePage(response: APIResponse, where: string) {
  expect(response.status(), where).toBe(503);
  const retryAfter = Number(response.headers()["retry-after"]);
  expect(retryAfter, where).toBeGreaterThanOrEqual(5);
  expect(retryAfter, where).toBeLessThanOrEqual(30);
  expectSecurityHeaders(response, where);
  if (response.headers()["content-type"]?.startsWith("text/html")) {
    const body = await response.text();
    expect(body, where).toContain("Claimtrail can&#39;t reach its database right now");
    expect(body, where).toContain("Nothing you entered was lost");
    expect(body, where).not.toMatch(/Internal Server Error|at [\w.]+ \(|\/work\/|node_modules|SELECT |prisma|ECONNREFUSED/i);
  }
}

async function get(request: APIRequestContext, target: string): Promise<APIResponse> {
  return request.get(`${base}${target}`, { maxRedirects: 0 });
}

async function signInAt(page: Page) {
  const { email, password } = DEMO_ACCOUNTS.find((account) => account.role === "editor")!;
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 15_000 });
}

test("while PostgreSQL is down nothing answers 500, and the app recovers by itself when it is back", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const [claim] = await query<{ id: string }>(`SELECT id FROM claims WHERE slug = '${CLAIM_SLUG}'`);
  const [entity] = await query<{ id: string }>("SELECT id FROM entities ORDER BY name LIMIT 1");
  const readerPages = ["/", `/claims/${CLAIM_SLUG}`, `/entities/${entity!.id}`, "/search?q=Peskov", "/feeds/changes.xml", `/claims/${CLAIM_SLUG}/feed.xml`, "/sitemap.xml"];
  const deskPages = ["/desk", "/desk/claims", `/desk/claims/${claim!.id}`, `/desk/claims/${claim!.id}/edit`, "/desk/entities", "/api/desk/entities?q=Pu"];

  // Up: the reader pages and the desk (signed in) answer, and the edit form is filled in.
  await signInAt(page);
  for (const target of [...readerPages, ...deskPages]) expect((await get(page.request, target)).status(), target).toBe(200);
  await page.goto(`${base}/desk/claims/${claim!.id}/edit`);
  const typed = { context: `Typed during the outage ${randomUUID()}`, tags: "outage-test, kremlin" };
  await page.getByLabel("Context").fill(typed.context);
  await page.getByLabel("Tags").fill(typed.tags);
  // A visitor with the sign-in form open.
  const visitor = await browser.newPage();
  await visitor.goto(`${base}/sign-in`);

  // Down.
  await postgres.stop({ keepData: true });

  await expectOutagePage(await get(page.request, "/api/health"), "/api/health");
  // A claim nobody has loaded, and every desk page and handler: 503.
  await expectOutagePage(await get(page.request, `/claims/never-loaded-${randomUUID()}`), "a claim never loaded");
  for (const target of deskPages) await expectOutagePage(await get(page.request, target), target);
  // The API answers in its own terms: problem JSON, 503, Retry-After (docs/api.md).
  for (const target of [`/api/v1/claims/${randomUUID()}`, `/api/v1/claims?tag=never-loaded-${randomUUID().slice(0, 8)}`]) {
    const response = await get(page.request, target);
    expect(response.status(), target).toBe(503);
    expect(response.headers()["content-type"], target).toBe("application/problem+json");
    expect(response.headers()["retry-after"], target).toBe("10");
    expect((await response.json()).status, target).toBe(503);
  }
  // Reader pages: from the cache (200) or 503.
  for (const target of readerPages) {
    const response = await get(page.request, target);
    expect([200, 503], target).toContain(response.status());
    if (response.status() === 503) await expectOutagePage(response, target);
    else expectSecurityHeaders(response, target);
  }
  // A desk form: the message, in the error summary, and every field as typed.
  await page.getByRole("button", { name: "Save changes" }).click();
  const summary = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "There is a problem" }) });
  await expect(summary).toContainText(FORM_MESSAGE);
  await expect(page.getByLabel("Context")).toHaveValue(typed.context);
  await expect(page.getByLabel("Tags")).toHaveValue(typed.tags);
  // Sign-in says the service is unavailable, not that the password is wrong.
  const { email, password } = DEMO_ACCOUNTS.find((account) => account.role === "fact_checker")!;
  await visitor.getByLabel("Email").fill(email);
  await visitor.getByLabel("Password").fill(password);
  await visitor.getByRole("button", { name: "Sign in" }).click();
  await expect(visitor.getByRole("alert").filter({ hasText: /database is unreachable/ })).toBeVisible({ timeout: 15_000 });
  await expect(visitor.getByText("do not match")).toHaveCount(0);
  await expect(visitor.getByLabel("Email")).toHaveValue(email);

  // A burst across all of them: 200 requests, 10 at a time.
  const targets = ["/api/health", `/claims/never-loaded-${randomUUID()}`, ...readerPages, ...deskPages];
  const counts: Record<number, number> = {};
  const byTarget: Record<string, Set<number>> = {};
  let next = 0;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (next < 200) {
        const target = targets[next++ % targets.length]!;
        const status = (await get(page.request, target)).status();
        counts[status] = (counts[status] ?? 0) + 1;
        (byTarget[target.replace(/never-loaded-.*/, "never-loaded-…")] ??= new Set()).add(status);
      }
    }),
  );
  console.log(`While PostgreSQL was down, 200 requests answered: ${JSON.stringify(counts)}`);
  for (const [target, statuses] of Object.entries(byTarget)) console.log(`  ${target}: ${[...statuses].join(", ")}`);
  test.info().annotations.push({ type: "statuses while down", description: JSON.stringify(counts) });
  expect(counts[500] ?? 0).toBe(0);
  expect(Object.keys(counts).every((status) => status === "200" || status === "503"), JSON.stringify(counts)).toBe(true);

  // Back: the same directory and port, and no restart of the app.
  postgres = await startEmbeddedPostgres({ dataDir, port: postgres.port, ephemeral: true });
  await expect.poll(async () => (await get(page.request, "/api/health")).status(), { timeout: 30_000 }).toBe(200);
  for (const target of [...readerPages, ...deskPages]) expect((await get(page.request, target)).status(), target).toBe(200);
  // The form, still holding what was typed, now saves.
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(new RegExp(`/desk/claims/${claim!.id}\\?saved=1$`), { timeout: 15_000 });
  await expect(page.getByText("Changes saved.")).toBeVisible();
  const [saved] = await query<{ context: string }>(`SELECT context FROM claims WHERE id = '${claim!.id}'`);
  expect(saved!.context).toBe(typed.context);
  // The password is never sent back to the form: typed again.
  await visitor.getByLabel("Password").fill(password);
  await visitor.getByRole("button", { name: "Sign in" }).click();
  await expect(visitor).not.toHaveURL(/\/sign-in/, { timeout: 15_000 });
  await visitor.close();
});
