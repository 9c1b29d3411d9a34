import { expect, test } from "./fixtures";

test("a reader finds the Trump–Putin claim, sees it is disputed, and why", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Claims we are tracking" })).toBeVisible();
  const list = page.getByRole("list", { name: "Published claims" });
  await expect(list.getByRole("listitem")).not.toHaveCount(0);

  await list.getByRole("link", { name: /Donald Trump spoke with Vladimir Putin/ }).click();
  await expect(page).toHaveURL(/\/claims\/trump-spoke-with-putin$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Donald Trump spoke with Vladimir Putin");

  const verdict = page.getByRole("region", { name: "Current status" });
  await expect(verdict.getByText("Disputed", { exact: true })).toBeVisible();
  await expect(verdict).toContainText("2 independent reports, both anonymous; 1 denial or dispute, on the record; 1 declined to comment");
  await expect(verdict).toContainText("denied on the record");

  // For / Against / No comment: the strongest piece on each side, CBC's copy never among them.
  const sides = verdict.getByRole("list", { name: "Strongest evidence on each side" }).getByRole("listitem");
  await expect(sides).toHaveCount(3);
  await expect(sides.nth(0)).toContainText("For");
  await expect(sides.nth(0)).toContainText("The Washington Post");
  await expect(sides.nth(0)).toContainText("Anonymous source");
  await expect(sides.nth(0)).toContainText("10 Nov 2024");
  await expect(sides.nth(0)).toContainText("and 1 more report");
  await expect(sides.nth(1)).toContainText("Against");
  await expect(sides.nth(1)).toContainText("On the record");
  await expect(sides.nth(1)).toContainText("11 Nov 2024");
  await expect(sides.nth(2)).toContainText("No comment");
  await expect(sides.nth(2)).toContainText("Steven Cheung");
  await expect(verdict).not.toContainText("CBC");

  // The summary links down to the evidence it names.
  await sides.nth(1).getByRole("link", { name: /Dmitry Peskov/ }).click();
  await expect(page).toHaveURL(/#evidence-/);
  const target = page.locator(":target");
  await expect(target).toHaveText(/Kremlin says report of Putin–Trump call/);
  await expect(target).toBeInViewport();

  const reports = page.getByRole("region", { name: /^Reports/ });
  await expect(reports.getByRole("article")).toHaveCount(2);
  await expect(reports.getByRole("article").filter({ hasText: "The Washington Post" })).toContainText("Anonymous source");
  const reuters = reports.getByRole("article").filter({ hasText: "Reuters" });
  await expect(reuters).toContainText("a source familiar with the conversation");
  await expect(reuters).toContainText("Republished by");
  await expect(reuters.getByRole("link", { name: "CBC News" })).toBeVisible();

  const denials = page.getByRole("region", { name: /^Denials and disputes/ });
  await expect(denials).toContainText("Dmitry Peskov");
  await expect(denials).toContainText("pure fiction");
  await expect(denials).toContainText("On the record");

  await expect(page.getByRole("region", { name: /^Declined to comment/ })).toContainText("Steven Cheung");

  const history = page.getByRole("region", { name: "History of this verdict" });
  await expect(history.getByRole("listitem")).toHaveCount(2);
  await expect(history.getByRole("listitem").first()).toContainText("11 Nov 2024");
  await expect(history.getByRole("listitem").first()).toContainText("The Kremlin, a party to the alleged call, denied on the record");
  await expect(history.getByRole("listitem").last()).toContainText("Logged on 10 Nov 2024 as unverified");
  await expect(history).not.toContainText(/by (editor|fact-checker)/);
});

test.describe("unpublished and missing claims", () => {
  test.use({ allowedConsoleErrors: [/status of 404/] });

  test("a draft claim's URL answers 404, like a claim that does not exist", async ({ page }) => {
    for (const slug of ["musk-joined-trump-zelenskyy-call", "no-such-claim"]) {
      const response = await page.goto(`/claims/${slug}`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
      await expect(page.getByText("Elon Musk joined")).toHaveCount(0);
    }
  });

  test("the home page never lists a draft", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByText("Elon Musk joined")).toHaveCount(0);
    await expect(page.getByText("would never have invaded")).toHaveCount(0);
  });
});

test("the health check reports a reachable database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: "reachable", cache: { store: "memory" } });
});

// The five-second test: the status, the independence line and the denial all show before any
// scrolling on a laptop screen.
test("at 1280 × 900 the status, the independence line and the Peskov denial are above the fold", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/claims/trump-spoke-with-putin");
  const verdict = page.getByRole("region", { name: "Current status" });
  const denial = verdict.getByRole("list", { name: "Strongest evidence on each side" }).getByRole("listitem").filter({ hasText: "Dmitry Peskov" });
  for (const [what, locator] of [
    ["status badge", verdict.getByText("Disputed", { exact: true })],
    ["independence line", verdict.getByText(/^2 independent reports/)],
    ["Peskov denial", denial],
  ] as const) {
    const box = await locator.boundingBox();
    expect(box, what).not.toBeNull();
    expect(box!.y, what).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height, `${what} ends within the first 900 px`).toBeLessThanOrEqual(900);
  }
  await expect(denial).toContainText("On the record");
  await page.screenshot({ path: "test-results/claim-page-1280x900.png" });
});

test("the claim page fits a 360 px phone and starts with a skip link", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/claims/trump-spoke-with-putin");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  // The header's links stay on one line each, and readers get no desk link there.
  const header = page.getByRole("banner");
  const links = header.getByRole("navigation", { name: "Main" }).getByRole("link");
  await expect(links).toHaveText(["All claims", "Search"]);
  for (const link of await links.all()) {
    const { height, lineHeight } = await link.evaluate((element) => ({
      height: element.getBoundingClientRect().height,
      lineHeight: parseFloat(getComputedStyle(element).lineHeight),
    }));
    expect(height, await link.textContent() ?? "").toBeLessThan(lineHeight * 1.5);
  }
  await expect(header.getByRole("link", { name: "Newsroom desk" })).toHaveCount(0);
  await expect(page.getByRole("contentinfo").getByRole("link", { name: "Staff sign-in" })).toHaveAttribute("href", "/sign-in");
  await page.screenshot({ path: "test-results/claim-page-360.png" });

  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
  await page.screenshot({ path: "test-results/claim-page-phone.png", fullPage: true });
});
