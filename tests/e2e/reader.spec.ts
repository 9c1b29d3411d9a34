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
  await expect(verdict).toContainText("denied on the record");

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
  expect(await response.json()).toEqual({ status: "ok", database: "reachable" });
});

test("the claim page fits a 360 px phone and starts with a skip link", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/claims/trump-spoke-with-putin");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
  await page.screenshot({ path: "test-results/claim-page-phone.png", fullPage: true });
});
