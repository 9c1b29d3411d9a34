// The API over real HTTP, through the front and the production build (docs/api.md): CORS, ETag
// and 304, the reference page under its own policy, and the CMS journey: an admin makes a token on
// the desk, a program logs a claim and links evidence with it, the desk's history names the token,
// and a revoked token is refused.
import AxeBuilder from "@axe-core/playwright";
import { expect, signIn, test } from "./fixtures";

test("reads answer with CORS, an ETag and 304, and the preflight allows reads only", async ({ request }) => {
  const first = await request.get("/api/v1/claims?limit=2", { headers: { Origin: "https://partner.example" } });
  expect(first.status()).toBe(200);
  expect(first.headers()["access-control-allow-origin"]).toBe("*");
  expect(first.headers()["cache-control"]).toMatch(/^public, max-age=0, s-maxage=60/);
  expect(first.headers()["content-security-policy"]).toMatch(/default-src 'none'/);
  const body = await first.json();
  expect(body.data).toHaveLength(2);
  const etag = first.headers().etag!;
  const again = await request.get("/api/v1/claims?limit=2", { headers: { "If-None-Match": etag } });
  expect(again.status()).toBe(304);

  const preflight = await request.fetch("/api/v1/claims", {
    method: "OPTIONS",
    headers: { Origin: "https://partner.example", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "authorization" },
  });
  expect(preflight.status()).toBe(204);
  expect(preflight.headers()["access-control-allow-origin"]).toBe("*");
  expect(preflight.headers()["access-control-allow-methods"]).toBe("GET, HEAD, OPTIONS");

  const bad = await request.get("/api/v1/claims?limit=1000");
  expect(bad.status()).toBe(400);
  expect(bad.headers()["content-type"]).toBe("application/problem+json");
});

test("the reference page renders the document under its own policy, loading nothing from elsewhere", async ({ page }) => {
  // Scalar's bundle is 3.5 MB of JavaScript to parse, on a busy machine.
  test.setTimeout(90_000);
  const foreign: string[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith("http://127.0.0.1")) foreign.push(request.url());
  });
  const response = await page.goto("/api/v1/docs");
  expect(response?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-/);
  await expect(page.getByRole("heading", { name: "Claimtrail API", level: 1 })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("List published claims").first()).toBeVisible({ timeout: 30_000 });
  expect(foreign).toEqual([]);
});

test("an admin makes a token; the CMS logs a claim and links evidence with it; history names it; revoked, it is refused", async ({ page, request }) => {
  // Signing in (Argon2) and four desk pages on a busy 2-core machine.
  test.setTimeout(120_000);
  await signIn(page, "admin", { from: "/desk/api-tokens" });
  await expect(page.getByRole("heading", { name: "API tokens", level: 1 })).toBeVisible();
  await page.getByLabel("Name").fill("CMS journey");
  await page.getByLabel("Scope").selectOption("editor");
  await page.getByRole("button", { name: "Create token" }).click();
  const secretBox = page.getByLabel("New API token");
  await expect(secretBox).toBeVisible();
  const secret = (await secretBox.textContent())!.trim();
  expect(secret).toMatch(/^ct_[\w-]{43}$/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(results.violations).toEqual([]);

  const auth = { Authorization: `Bearer ${secret}` };
  const created = await request.post("/api/v1/claims", {
    headers: auth,
    data: { statement: "The harbour bridge closed for repairs on Sunday.", tags: ["transport"], confirmNotDuplicate: true },
  });
  expect(created.status()).toBe(201);
  expect(created.headers()["access-control-allow-origin"]).toBeUndefined();
  const claim = await created.json();
  // An outlet readers know, found through the API itself.
  const outlets = await (await request.get("/api/v1/entities?q=Reuters")).json();
  const linked = await request.post(`/api/v1/claims/${claim.id}/evidence`, {
    headers: auth,
    data: { url: "https://www.reuters.com/world/bridge-closure", headline: "Bridge shut for repairs", stance: "reports", sourcing: "document", outletId: outlets.data[0].id },
  });
  expect(linked.status(), await linked.text()).toBe(201);

  await page.goto(`/desk/claims/${claim.id}`);
  await expect(page.getByText("Bridge shut for repairs").first()).toBeVisible();
  await expect(page.getByText(/through the API token “CMS journey” logged the claim/)).toBeVisible();

  await page.goto("/desk/api-tokens");
  await expect(page.getByText(/last used/).first()).toBeVisible();
  await page.getByRole("button", { name: "Revoke CMS journey" }).click();
  await expect(page.getByText(/revoked by Ada Admin/)).toBeVisible();
  const refused = await request.post("/api/v1/claims", { headers: auth, data: { statement: "Another claim entirely, logged late." } });
  expect(refused.status()).toBe(401);
  expect(refused.headers()["www-authenticate"]).toMatch(/^Bearer/);
});
