import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { expect, logClaim, signIn, test } from "./fixtures";

const FIGURES = ["Open claims by status", "Review queue by time waiting", "Verdicts per week", "Outlets that appear most", "Speakers who appear most"];

/** Opens a chart's "Show as table" and returns the table's body rows as text cells. */
async function tableOf(figure: Locator, name: string): Promise<string[][]> {
  await figure.getByText("Show as table").click();
  const table = figure.getByRole("table", { name });
  await expect(table).toBeVisible();
  return table.locator("tbody tr").evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll("th, td")].map((cell) => cell.textContent?.trim() ?? "")));
}

const count = (text: string | undefined) => Number((text ?? "").replace(/,/g, ""));

/** The value of one of the key numbers at the top of the desk home. */
async function keyNumber(page: Page, term: string): Promise<number> {
  const value = page.locator("dl > div").filter({ has: page.locator("dt", { hasText: new RegExp(`^${term}$`) }) }).locator("dd").first();
  return count((await value.textContent()) ?? "");
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

test("an editor's desk home is the newsroom dashboard: each chart named by its numbers, the same numbers in its table, no axe violations", async ({ page }) => {
  test.slow();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/desk");
  await signIn(page, "editor");
  await expect(page).toHaveURL(/\/desk$/);
  await expect(page.getByRole("heading", { level: 1, name: "Desk" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Log a claim" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Open the review queue" })).toHaveCount(0);
  for (const title of FIGURES) await expect(page.getByRole("figure", { name: title })).toBeVisible();

  // The demo story's evidence is from 2024, outside the 90 days: a report linked now puts its
  // outlet on the chart.
  const claimPath = await logClaim(page, "The dashboard counts the outlets on recent evidence");
  await page.goto(`${claimPath}/evidence/new`);
  await page.getByLabel("Web address").fill("https://www.reuters.com/world/dashboard-outlets");
  await page.getByLabel("Headline").fill("A report the dashboard counts");
  await page.getByRole("group", { name: "Which way does it point?" }).getByLabel("Reports it").check();
  await page.getByRole("group", { name: "How is it sourced?" }).getByLabel("Anonymous source").check();
  await page.getByLabel("Or an anonymous source, described").fill("a source familiar with the matter");
  await page.getByRole("button", { name: "Link evidence" }).click();
  await expect(page.getByText("Evidence linked.")).toBeVisible();
  await page.goto("/desk");

  // The demo story has open claims and evidence from the last 90 days: those charts are drawn.
  const open = page.getByRole("figure", { name: "Open claims by status" });
  const openRows = await tableOf(open, "Open claims by status");
  expect(openRows.map((row) => row[0])).toEqual(["Unverified", "Corroborated", "Disputed"]);
  const openTotal = openRows.reduce((sum, row) => sum + count(row[3]), 0);
  expect(openTotal).toBeGreaterThan(0);
  for (const row of openRows) expect(count(row[1]) + count(row[2])).toBe(count(row[3]));
  // One image per chart: the axis labels inside it are not images of their own.
  await expect(open.getByRole("img")).toHaveCount(1);
  await expect(open.getByRole("img")).toHaveAccessibleName(new RegExp(`^${openTotal.toLocaleString("en-GB")} open claims?: `));
  expect(await keyNumber(page, "Open claims")).toBe(openTotal);
  // A row of the table leads to the claims it counts.
  await expect(open.getByRole("link", { name: "Unverified" })).toHaveAttribute("href", "/desk/claims?status=unverified");

  const outlets = page.getByRole("figure", { name: "Outlets that appear most" });
  const outletRows = await tableOf(outlets, "Outlets that appear most");
  expect(outletRows.length).toBeGreaterThan(0);
  expect(count(outletRows.find((row) => row[0] === "Reuters")?.[1])).toBeGreaterThanOrEqual(1);
  const [topOutlet] = outletRows;
  await expect(outlets.getByRole("img")).toHaveAccessibleName(new RegExp(`^Outlets that appear most: ${escape(topOutlet![0]!)}, ${topOutlet![1]}[;.]`));
  const counts = outletRows.map((row) => count(row[1]));
  expect(counts).toEqual([...counts].sort((a, b) => b - a));

  // Every other chart is either drawn with a table, or says why it is empty.
  for (const title of ["Review queue by time waiting", "Verdicts per week", "Speakers who appear most"]) {
    const figure = page.getByRole("figure", { name: title });
    if ((await figure.getByRole("img").count()) === 0) await expect(figure.getByText(/^No|^Nothing/).last()).toBeVisible();
    else expect((await tableOf(figure, title)).length).toBeGreaterThan(0);
  }

  await page.screenshot({ path: "test-results/dashboard-1280.png", fullPage: true });
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(results.violations).toEqual([]);
});

test("a fact-checker's verdict shows on the dashboard: this week's count and the open corroborated drafts", async ({ browser }) => {
  test.slow();
  const checker = await browser.newPage();
  await signIn(checker, "fact_checker", { from: "/sign-in" });
  // The fact-checker's desk home is the dashboard too, with the queue one click away and no editor's button.
  await expect(checker.getByRole("heading", { level: 1, name: "Desk" })).toBeVisible();
  await expect(checker.getByRole("link", { name: "Open the review queue" })).toBeVisible();
  await expect(checker.getByRole("link", { name: "Log a claim" })).toHaveCount(0);
  const before = await keyNumber(checker, "Verdicts this week");

  const editor = await browser.newPage();
  await signIn(editor, "editor", { from: "/sign-in" });
  const claimPath = await logClaim(editor, "The dashboard counts a verdict given this week");
  await editor.close();

  await checker.goto(claimPath);
  const verification = checker.getByRole("region", { name: "Verification", exact: true });
  await verification.getByLabel(/^Corroborated/).check();
  await verification.getByLabel("Rationale").fill("Two independent outlets report it.");
  await verification.getByRole("button", { name: "Record the move" }).click();
  await expect(checker.getByText("Status changed.")).toBeVisible();

  await checker.goto("/desk");
  // Other tests share the server and may give verdicts meanwhile: at least this one more.
  expect(await keyNumber(checker, "Verdicts this week")).toBeGreaterThanOrEqual(before + 1);
  const verdicts = checker.getByRole("figure", { name: "Verdicts per week" });
  await expect(verdicts.getByRole("img")).toHaveAccessibleName(/verdicts? in the last 12 weeks, [\d,]+ this week/);
  const weeks = await tableOf(verdicts, "Verdicts per week");
  expect(weeks).toHaveLength(12);
  expect(count(weeks.at(-1)?.[1])).toBeGreaterThanOrEqual(1);
  const open = await tableOf(checker.getByRole("figure", { name: "Open claims by status" }), "Open claims by status");
  expect(count(open.find((row) => row[0] === "Corroborated")?.[2])).toBeGreaterThanOrEqual(1);
  await checker.close();
});

test("an admin sees the dashboard without the editor's and the fact-checker's buttons", async ({ page }) => {
  await signIn(page, "admin", { from: "/sign-in" });
  await page.goto("/desk");
  await expect(page.getByRole("heading", { level: 1, name: "Desk" })).toBeVisible();
  for (const title of FIGURES) await expect(page.getByRole("figure", { name: title })).toBeVisible();
  await expect(page.getByRole("link", { name: "Log a claim" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Open the review queue" })).toHaveCount(0);
});

test("the claim list's old address keeps its filters, and the desk home's search goes to the list", async ({ page }) => {
  await signIn(page, "editor", { from: "/sign-in" });
  await page.goto("/desk?q=Vladimir&status=unverified");
  await expect(page).toHaveURL(/\/desk\/claims\?status=unverified&q=Vladimir$/);
  await expect(page.getByRole("heading", { level: 1, name: "Claims" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Claims" }).getByRole("link", { name: /Vladimir Putin/ }).first()).toBeVisible();

  await page.goto("/desk");
  await page.getByRole("searchbox", { name: "Search claims" }).fill("Zelenskyy");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/desk\/claims\?q=Zelenskyy$/);
});
