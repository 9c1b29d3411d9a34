// What link previews, crawlers and fact-check aggregators read, from the production build with a
// running APP_URL (tests/e2e/server.ts sets http://127.0.0.1:<E2E_PORT>) that the build never saw.
import type { APIRequestContext, Page } from "@playwright/test";
import { describeIssues, validateJsonLd } from "@/tests/setup/structured-data";
import { chooseEntity, expect, signIn, test } from "./fixtures";

const meta = (page: Page, key: string) => page.locator(`meta[property="${key}"], meta[name="${key}"]`).first().getAttribute("content");

/** The card's bytes, after checking it is a real PNG of the card's size. */
async function card(request: APIRequestContext, url: string) {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/png");
  const body = await response.body();
  expect(body.subarray(1, 4).toString()).toBe("PNG");
  expect([body.readUInt32BE(16), body.readUInt32BE(20)]).toEqual([1200, 630]);
  expect(body.length).toBeGreaterThan(10_000);
  return { body, headers: response.headers() };
}

test("a claim page's link preview: short title, its own card with alt text, absolute URLs on the running address", async ({ page, request, baseURL }) => {
  await page.goto("/claims/trump-spoke-with-putin");
  const url = `${baseURL}/claims/trump-spoke-with-putin`;
  expect(await meta(page, "og:url")).toBe(url);
  expect(await meta(page, "og:type")).toBe("article");
  const title = (await meta(page, "og:title"))!;
  expect(title.length).toBeLessThanOrEqual(70);
  expect(title).toMatch(/^Disputed: Donald Trump spoke with Vladimir Putin/);
  const statement = (await page.getByRole("heading", { level: 1 }).textContent())!;
  expect(await page.title()).toContain(statement);
  expect(await meta(page, "og:image")).toBe(`${url}/card.png`);
  expect(await meta(page, "og:image:width")).toBe("1200");
  expect(await meta(page, "og:image:height")).toBe("630");
  const independence = (await page.getByRole("region", { name: "Current status" }).locator("p.font-serif").textContent())!;
  expect(await meta(page, "og:image:alt")).toBe(`Status: Disputed. ${statement} ${independence}. Claimtrail Demo Newsroom.`);
  expect(await meta(page, "twitter:card")).toBe("summary_large_image");
  expect(await meta(page, "twitter:image")).toBe(`${url}/card.png`);

  const first = await card(request, `${url}/card.png`);
  console.log(`card ${url}/card.png: ${first.body.length} bytes, ${first.headers["cache-control"]}`);
  expect(first.headers["cache-control"]).toMatch(/public, .*s-maxage=60/);
  // Kept like the page: a later request comes from the front's copy or from Next's cache.
  await expect
    .poll(async () => {
      const headers = (await card(request, `${url}/card.png`)).headers;
      return headers["x-claimtrail-cache"] ?? headers["x-nextjs-cache"];
    })
    .toBe("HIT");
  // Drafts and made-up claims have no card, and answer without being kept.
  for (const slug of ["musk-joined-trump-zelenskyy-call", "no-such-claim"]) {
    const missing = await request.get(`/claims/${slug}/card.png`);
    expect(missing.status(), slug).toBe(404);
    expect(missing.headers()["cache-control"]).toBe("no-store");
  }
});

test("home and entity pages say what they are and where they live; robots.txt names the running sitemap", async ({ page, request, baseURL }) => {
  await page.goto("/");
  expect(await meta(page, "og:type")).toBe("website");
  expect(await meta(page, "og:url")).toBe(baseURL);
  expect(await meta(page, "og:image")).toBe(`${baseURL}/card.png`);
  expect(await meta(page, "og:image:alt")).toMatch(/^Claimtrail: Claimtrail Demo Newsroom tracks claims/);
  await card(request, `${baseURL}/card.png`);

  // Loaded as a crawler loads it, not through the client router.
  await page.goto("/claims/trump-spoke-with-putin");
  const personPath = (await page.getByRole("link", { name: "Vladimir Putin" }).first().getAttribute("href"))!;
  await page.goto(personPath);
  await expect(page.getByRole("heading", { level: 1, name: "Vladimir Putin" })).toBeVisible();
  expect(await meta(page, "og:type")).toBe("profile");
  expect(await meta(page, "og:url")).toBe(`${baseURL}${personPath}`);
  expect(await meta(page, "og:image")).toBe(`${baseURL}/card.png`);

  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
});

test("a verdict page's ClaimReview passes schema.org's vocabulary and Google's ClaimReview properties", async ({ page, baseURL }) => {
  for (const slug of ["congress-174-billion-ukraine", "trump-end-war-in-a-day"]) {
    await page.goto(`/claims/${slug}`);
    const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
    const items = scripts.map((text) => JSON.parse(text) as Record<string, unknown>);
    expect(items.map((item) => item["@type"])).toEqual(["ClaimReview"]);
    const review = items[0]!;
    expect(review.url).toBe(`${baseURL}/claims/${slug}`);
    expect(review.claimReviewed).toBe(await page.getByRole("heading", { level: 1 }).textContent());
    const issues = await validateJsonLd(items);
    console.log(describeIssues(`${baseURL}/claims/${slug} (the page's own JSON-LD)`, issues));
    expect(issues).toEqual([]);
  }
});

test("a status move draws the claim's card afresh on the next request", async ({ browser, request }) => {
  test.setTimeout(180_000);
  const unique = Math.random().toString(36).slice(2, 7);
  const editor = await browser.newPage();
  await signIn(editor, "editor", { from: "/sign-in" });
  await editor.goto("/desk/claims/new");
  await editor.getByLabel("Statement").fill(`The port of Odesa ${unique} reopened to grain ships this week`);
  await editor.getByRole("button", { name: "Log claim as draft" }).click();
  const similar = editor.getByLabel("This is a different claim: log it anyway");
  await expect(editor.getByText("Claim logged as a draft.").or(similar)).toBeVisible({ timeout: 15_000 });
  if (await similar.isVisible()) {
    await similar.check();
    await editor.getByRole("button", { name: "Log claim as draft" }).click();
    await expect(editor.getByText("Claim logged as a draft.")).toBeVisible({ timeout: 15_000 });
  }
  const claimPath = new URL(editor.url()).pathname;
  // A claim is published with at least one piece of evidence.
  await editor.goto(`${claimPath}/evidence/new`);
  await editor.getByLabel("Web address").fill(`https://example.com/odesa-${unique}`);
  await chooseEntity(editor, "Outlet", "reuters", "Reuters");
  await editor.getByLabel("Headline").fill(`Grain ships return to Odesa ${unique}`);
  await editor.getByRole("group", { name: "Which way does it point?" }).getByLabel("Reports it").check();
  await editor.getByRole("group", { name: "How is it sourced?" }).getByLabel("Anonymous source").check();
  await editor.getByLabel("Or an anonymous source, described").fill("two shipping agents");
  await editor.getByRole("button", { name: "Link evidence" }).click();
  await expect(editor.getByText("Evidence linked.")).toBeVisible({ timeout: 15_000 });
  await editor.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(editor.getByText("Published: readers can see this claim now.")).toBeVisible();
  const publicPath = (await editor.getByRole("link", { name: /Public page/ }).getAttribute("href"))!;
  await editor.close();

  const before = await card(request, `${publicPath}/card.png`);
  await expect.poll(async () => (await card(request, `${publicPath}/card.png`)).headers["x-claimtrail-cache"] ?? "").toBe("HIT");

  const checker = await browser.newPage();
  await signIn(checker, "fact_checker", { from: "/sign-in" });
  await checker.goto(claimPath);
  const verification = checker.getByRole("region", { name: "Verification", exact: true });
  await verification.getByLabel(/^Corroborated/).check();
  await verification.getByLabel("Rationale").fill("Port authority and two shipping agents report it.");
  await verification.getByRole("button", { name: "Record the move" }).click();
  await expect(checker.getByText("Status changed.")).toBeVisible({ timeout: 15_000 });
  await checker.close();

  const after = await card(request, `${publicPath}/card.png`);
  expect(after.headers["x-claimtrail-cache"]).toBeUndefined();
  expect(after.body.equals(before.body)).toBe(false);
  console.log(`card after the move: ${before.body.length} → ${after.body.length} bytes, new image`);
});
