import AxeBuilder from "@axe-core/playwright";
import type { Browser, Locator, Page } from "@playwright/test";
import { expect, logClaim, test } from "./fixtures";

// The browser runs in Kathmandu (UTC+5:45); the e2e server's newsroom is in New York
// (tests/e2e/server.ts). A fresh editor of this test's own, so that the demo accounts keep the
// newsroom's zone for every other spec.
test.use({ timezoneId: "Asia/Kathmandu" });

const unique = () => Math.random().toString(36).slice(2, 8);

/** Every visible control of a form by name (as in forms-keep-input.spec.ts). */
function snapshot(form: Locator): Promise<Record<string, string | string[] | boolean>> {
  return form.evaluate((element) => {
    const values: Record<string, string | string[] | boolean> = {};
    for (const control of Array.from((element as HTMLFormElement).elements)) {
      if (control instanceof HTMLSelectElement) values[control.name] = Array.from(control.selectedOptions, (option) => option.value);
      else if (control instanceof HTMLTextAreaElement) values[control.name] = control.value;
      else if (control instanceof HTMLInputElement && control.type !== "hidden" && control.name) {
        if (control.type === "checkbox" || control.type === "radio") values[`${control.name}=${control.value}`] = control.checked;
        else values[control.name] = control.value;
      }
    }
    return values;
  });
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(results.violations).toEqual([]);
}

/** An admin invites a new editor; the editor sets a password and signs in on `page`. */
async function signInNewEditor(browser: Browser, page: Page) {
  const email = `tz-editor-${unique()}@newsroom.example`;
  const password = `a long kathmandu passphrase ${unique()}`;
  const admin = await browser.newPage();
  await admin.goto("/sign-in");
  await admin.getByLabel("Email").fill("admin@newsroom.example");
  await admin.getByLabel("Password").fill("demo-admin-pass");
  await admin.getByRole("button", { name: "Sign in" }).click();
  await expect(admin).not.toHaveURL(/\/sign-in/, { timeout: 15_000 });
  await admin.goto("/desk/accounts");
  await admin.getByLabel("Name").fill("Kathmandu Editor");
  await admin.getByLabel("Email").fill(email);
  await admin.getByRole("button", { name: "Create account and invitation link" }).click();
  const link = (await admin.getByLabel("Invitation link").textContent())!.trim();
  await admin.close();

  await page.goto(link);
  await page.getByLabel("New password").fill(password);
  await page.getByLabel("The same password again").fill(password);
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page).toHaveURL(/\/sign-in\?invited=1/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 15_000 });
}

test("an editor takes their device's zone, enters a time in it, and readers see the newsroom's", async ({ page, browser }) => {
  test.slow();
  await signInNewEditor(browser, page);
  const desk = page.getByRole("navigation", { name: "Desk" });
  // Until they choose, the desk runs on the newsroom's zone.
  await expect(desk.getByRole("link", { name: /Kathmandu Editor · Editor · New York time/ })).toBeVisible();
  await desk.getByRole("link", { name: /Kathmandu Editor/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(page.getByLabel("Your time zone")).toHaveValue("");

  // The browser's zone is offered in one click (Chromium may name it Asia/Katmandu).
  const detected = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  expect(detected).toMatch(/^Asia\/Kath?mandu$/);
  await expect(page.getByText(`This device is set to ${detected}.`)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: `Use ${detected}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved:" })).toHaveText(`Saved: the desk shows and takes times in ${detected}.`);
  await expect(page.getByLabel("Your time zone")).toHaveValue(detected);
  await expect(desk.getByRole("link", { name: /Kath?mandu time/ })).toBeVisible();
  await expect(page.getByText(`This device is set to`)).toHaveCount(0);

  // The form asks for the time in that zone, says so, and the desk shows it back in it.
  const claimPath = await logClaim(page, `The Kathmandu bureau filed after midnight ${unique()}`);
  await page.goto(`${claimPath}/evidence/new`);
  const published = page.getByLabel(`Published (${detected}, UTC+5:45)`);
  await expect(published).toBeVisible();
  await expectNoAxeViolations(page);
  // The outlet is suggested from the address (Associated Press).
  await page.getByLabel("Web address").fill(`https://apnews.com/article/kathmandu-${unique()}`);
  await page.getByLabel("Headline").fill("Filed after midnight in Kathmandu");
  await published.fill("2024-11-11T01:00");
  await page.getByRole("group", { name: "Which way does it point?" }).getByLabel("Reports it").check();
  await page.getByRole("group", { name: "How is it sourced?" }).getByLabel("Anonymous source").check();
  await page.getByRole("button", { name: "Link evidence" }).click();
  await expect(page.getByText("Evidence linked.")).toBeVisible();
  const card = page.getByRole("region", { name: /^Evidence/ }).getByRole("article").filter({ hasText: "Filed after midnight in Kathmandu" });
  await expect(card).toContainText(/11 Nov 2024, 01:00 \(Kath?mandu time, UTC\+5:45\)/);

  // Editing shows the stored instant on the editor's clock again.
  await card.getByRole("link", { name: /^Edit evidence/ }).click();
  await expect(page.getByLabel(`Published (${detected}, UTC+5:45)`)).toHaveValue("2024-11-11T01:00");
  await page.goto(claimPath);

  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published: readers can see this claim now.")).toBeVisible();
  const publicHref = (await page.getByRole("link", { name: "Public page ↗" }).getAttribute("href"))!;

  // 01:00 on 11 Nov in Kathmandu was 14:15 on 10 Nov in New York: readers see the newsroom's day,
  // and the zone is named wherever a time is shown.
  const reader = await browser.newPage();
  await reader.goto(publicHref);
  const readerCard = reader.getByRole("region", { name: /^Reports/ }).getByRole("article").filter({ hasText: "Filed after midnight in Kathmandu" });
  await expect(readerCard).toContainText("10 Nov 2024");
  await expect(readerCard).not.toContainText("11 Nov 2024");
  await expect(reader.getByText(/Last updated \d{1,2} \w{3} \d{4}, \d{2}:\d{2} \(New York time, UTC\u2212[45]\)/)).toBeVisible();
  await reader.close();
});

test("a time the clocks skip is refused on the field, and the form keeps everything", async ({ page, browser }) => {
  test.slow();
  await signInNewEditor(browser, page);
  await page.goto("/desk/account");
  await page.getByLabel("Your time zone").selectOption("America/New_York");
  await page.getByRole("button", { name: "Save time zone" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved:" })).toHaveText("Saved: the desk shows and takes times in America/New_York.");

  const claimPath = await logClaim(page, `Clocks went forward in New York ${unique()}`);
  await page.goto(`${claimPath}/evidence/new`);
  const published = page.getByLabel("Published (America/New_York, UTC\u22125, UTC\u22124 in summer time)");
  await page.getByLabel("Web address").fill(`https://apnews.com/article/new-york-${unique()}`);
  await page.getByLabel("Headline").fill("Filed in the hour that never was");
  await published.fill("2024-03-10T02:30");
  await page.getByRole("group", { name: "Which way does it point?" }).getByLabel("Denies it").check();
  await page.getByRole("group", { name: "How is it sourced?" }).getByLabel("On the record").check();
  await page.getByLabel("Quote").fill("No such call took place.");
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Link evidence" }) });
  const before = await snapshot(form);

  await page.getByRole("button", { name: "Link evidence" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "did not happen in America/New_York" });
  await expect(summary).toBeFocused();
  await expect(page.getByText("2024-03-10 02:30 did not happen in America/New_York: the clocks went forward past it.").last()).toBeVisible();
  expect(await snapshot(form)).toEqual(before);

  await published.fill("2024-03-10T03:30");
  await page.getByRole("button", { name: "Link evidence" }).click();
  await expect(page.getByText("Evidence linked.")).toBeVisible();
  const card = page.getByRole("region", { name: /^Evidence/ }).getByRole("article").filter({ hasText: "Filed in the hour that never was" });
  await expect(card).toContainText("10 Mar 2024, 03:30 (New York time, UTC\u22124)");
});
