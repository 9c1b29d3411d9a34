import AxeBuilder from "@axe-core/playwright";
import { expect, signIn, test } from "./fixtures";

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

// Pasted text states no publication date, so "on Thursday" stays in the statement.
const STATEMENT = "The foreign ministers of Russia and Chile met secretly in Geneva on Thursday";
const ARTICLE = `Ministers met secretly in Geneva, newspaper says

The foreign ministers of Russia and Chile met secretly in Geneva on Thursday, a newspaper reported, citing two officials who were not authorised to speak.

Kremlin spokesman Dmitri Peskov denied that any meeting had taken place. The embassy declined to comment.`;

test("an editor pastes an article, accepts a proposed claim and its evidence, and finds the claim on the desk", async ({ page }) => {
  // Reading, two accepts and two axe runs on a busy 2-core machine.
  test.setTimeout(90_000);
  await signIn(page, "editor", { from: "/desk/intake" });
  await expect(page.getByRole("heading", { name: "New from article" })).toBeVisible();

  await page.getByLabel("The article's web address").fill("https://www.reuters.com/world/geneva-ministers-2024-11-08/");
  await page.getByLabel("Or paste the article").fill(ARTICLE);
  await page.getByRole("button", { name: "Read the article" }).click();

  // compromise's first load in a fresh server takes a few seconds on a busy machine.
  await expect(page.getByRole("heading", { name: "Proposals" })).toBeVisible({ timeout: 20_000 });
  // The form keeps what was pasted; the claim's sentence is marked in the article.
  await expect(page.getByLabel("Or paste the article")).toHaveValue(ARTICLE);
  await expect(page.locator("mark", { hasText: "met secretly in Geneva on Thursday, a newspaper reported" })).toBeVisible();
  expect((await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations).toEqual([]);

  const claim = page.getByRole("region", { name: "Claim 1" });
  await expect(claim.getByText(STATEMENT, { exact: true })).toBeVisible();
  // "Dmitri Peskov" is Dmitry Peskov, already on the desk (whose people other specs in the
  // same run may have added to: entity-picker.spec.ts creates a "Dmitri Peskov" of its own).
  const denial = claim.getByRole("form", { name: /^Evidence: Denies it, Dmitri Peskov/ });
  await expect(claim.getByText(/“Dmitri Peskov” is (probably )?Dmitr[iy] Peskov — .+ on the desk/)).toBeVisible();
  await expect(claim.getByText("Accept the claim first, or add the evidence to a claim already on the desk.").first()).toBeVisible();

  // Accept the claim from the keyboard (past the similar-claims question, if the seed has one).
  const different = claim.getByLabel("This is a different claim: log it anyway");
  if (await different.isVisible()) await different.check();
  await claim.getByRole("button", { name: "Accept claim" }).focus();
  await page.keyboard.press("Enter");
  await expect(claim.getByText("Claim 1 logged as a draft:")).toBeVisible({ timeout: 15_000 });

  // The denial, as proposed.
  await denial.getByRole("button", { name: "Accept evidence" }).click();
  await expect(claim.getByText("Linked: Denies it (Dmitri Peskov, Kremlin spokesman).")).toBeVisible({ timeout: 15_000 });
  // The embassy's refusal: ignored.
  await claim.getByRole("listitem").filter({ has: page.getByRole("form", { name: /^Evidence: Declines to comment/ }) }).getByRole("button", { name: "Ignore this evidence" }).click();
  await expect(claim.getByText("Declines to comment: ignored.")).toBeVisible();
  expect((await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations).toEqual([]);

  // The claim opens in a new tab, so that the other proposals stay.
  const [claimPage] = await Promise.all([page.context().waitForEvent("page"), claim.getByRole("link", { name: STATEMENT, exact: true }).click()]);
  await claimPage!.waitForLoadState();
  await expect(claimPage!.getByRole("heading", { name: STATEMENT, exact: true })).toBeVisible();
  await expect(claimPage!.getByRole("heading", { name: "Evidence (1)" })).toBeVisible();
  await expect(claimPage!.getByRole("main")).toContainText(/Dmitr[iy] Peskov/);
  await page.goto("/desk/claims");
  await expect(page.getByRole("link", { name: STATEMENT, exact: true })).toBeVisible();
});

// The cloud metadata address is refused even though the test server allows private addresses (for
// its local receivers): OUTBOUND_ALLOW_PRIVATE never opens link-local ranges (lib/net/outbound.ts).
test("a web address that cannot be fetched says why, and keeps what was typed", async ({ page }) => {
  await signIn(page, "editor", { from: "/desk/intake" });
  await page.getByLabel("The article's web address").fill("http://169.254.169.254/latest/meta-data/");
  await page.getByRole("button", { name: "Read the article" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("That address points inside a private network, which we do not fetch.");
  await expect(page.getByLabel("The article's web address")).toHaveValue("http://169.254.169.254/latest/meta-data/");
});
