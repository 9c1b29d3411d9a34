import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, logClaim, signIn, test } from "./fixtures";

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

/** The values of the hidden fields named `name` in the form that holds the picker. */
const hidden = (page: Page, name: string) => page.locator(`input[type=hidden][name="${name}"]`).evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));

test("the entity picker works with the keyboard alone: type, arrow down, Enter, and remove a choice", async ({ page }) => {
  await signIn(page, "editor", { from: "/sign-in" });
  await page.goto("/desk/claims/new");
  const picker = page.getByRole("combobox", { name: "People and organisations" });
  const chosen = page.getByRole("list", { name: "Chosen: People and organisations" });

  await page.getByLabel("Tags").focus();
  await page.keyboard.press("Tab");
  await expect(picker).toBeFocused();
  await page.keyboard.type("putin");
  await expect(page.getByRole("option", { name: /Vladimir Putin/ })).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await expect(picker).toHaveAttribute("aria-activedescendant", /.+/);
  await page.keyboard.press("Enter");
  await expect(chosen).toContainText("Vladimir Putin — President of Russia");
  await expect(picker).toHaveValue("");
  await expect(picker).toBeFocused();

  await page.keyboard.type("Trump");
  // Enter before a suggestion is highlighted does not submit the form.
  await page.keyboard.press("Enter");
  await expect(page.getByRole("option", { name: /Donald Trump/ })).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(chosen.getByRole("listitem")).toHaveCount(2);
  expect(await hidden(page, "entityIds")).toHaveLength(2);

  // Backspace in the empty input takes back the last choice; the remove button of the other is
  // one Shift+Tab away and works with Enter.
  await page.keyboard.press("Backspace");
  await expect(chosen.getByRole("listitem")).toHaveCount(1);
  await expect(chosen).not.toContainText("Trump");
  await page.keyboard.press("Shift+Tab");
  await expect(page.getByRole("button", { name: "Remove Vladimir Putin — President of Russia" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(chosen).toBeHidden();
  await expect(picker).toBeFocused();
  expect(await hidden(page, "entityIds")).toEqual([]);
});

test("axe finds nothing on the claim and evidence forms with a picker open", async ({ page }) => {
  // Three axe runs and a claim logged in between: slow on a shared 2-core machine.
  test.slow();
  await signIn(page, "editor", { from: "/sign-in" });
  await page.goto("/desk/claims/new");
  await page.getByRole("combobox", { name: "People and organisations" }).fill("pe");
  await expect(page.getByRole("listbox", { name: "People and organisations: suggestions" })).toBeVisible();
  expect((await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations).toEqual([]);

  // The create panel, with its own picker for the affiliation, open too.
  await page.getByRole("combobox", { name: "People and organisations" }).fill("Kremlin spokesperson office");
  await page.getByRole("option", { name: "Create “Kremlin spokesperson office”…" }).click();
  await page.getByRole("group", { name: "New: Kremlin spokesperson office" }).getByRole("combobox", { name: "Affiliation" }).fill("Krem");
  await expect(page.getByRole("listbox", { name: "Affiliation: suggestions" })).toBeVisible();
  expect((await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations).toEqual([]);

  const claimPath = await logClaim(page, `Axe checks the evidence form ${Math.random().toString(36).slice(2, 8)}`);
  await page.goto(`${claimPath}/evidence/new`);
  await page.getByRole("combobox", { name: "A named speaker" }).fill("Pesk");
  await expect(page.getByRole("listbox", { name: "A named speaker: suggestions" })).toBeVisible();
  expect((await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations).toEqual([]);
});

test("a speaker created inline with a role and affiliation is saved with them; a near-duplicate is named first", async ({ page }) => {
  test.slow();
  await signIn(page, "editor", { from: "/sign-in" });
  const claimPath = await logClaim(page, `The Kremlin commented on a call ${Math.random().toString(36).slice(2, 8)}`);
  await page.goto(`${claimPath}/evidence/new`);
  await page.getByLabel("Web address").fill("https://apnews.com/article/kremlin-comment");
  await page.getByLabel("Headline").fill("Kremlin comments on the call");
  const speaker = page.getByRole("combobox", { name: "A named speaker" });
  await speaker.fill("Dmitri Peskov");
  await expect(page.getByRole("status").filter({ hasText: "Did you mean Dmitry Peskov — Kremlin spokesman?" })).toBeVisible();
  await page.getByRole("option", { name: "Create “Dmitri Peskov”…" }).click();
  const panel = page.getByRole("group", { name: "New: Dmitri Peskov" });
  await panel.getByLabel("Description").fill("Deputy press secretary");
  await panel.getByRole("combobox", { name: "Affiliation" }).fill("Kreml");
  await panel.getByRole("option", { name: /^Kremlin/ }).click();
  await panel.getByRole("button", { name: "Add Dmitri Peskov" }).click();
  await expect(page.getByRole("list", { name: "Chosen: A named speaker" })).toContainText("Dmitri Peskov — Deputy press secretary (new, of Kremlin");

  // Submitted without confirming: the server names the existing entity and keeps everything.
  await page.getByRole("button", { name: "Link evidence" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "“Dmitri Peskov” looks like Dmitry Peskov — Kremlin spokesman" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Chosen: A named speaker" })).toContainText("Dmitri Peskov — Deputy press secretary");
  expect(await hidden(page, "newSpeakerAffiliationId")).toHaveLength(1);
  await page.getByLabel("This is someone else: add it as new").check();
  await page.getByRole("button", { name: "Link evidence" }).click();
  await expect(page.getByText("Evidence linked.")).toBeVisible();
  await expect(page.getByRole("article", { name: "Kremlin comments on the call" })).toContainText("Dmitri Peskov, Deputy press secretary");
});

test("the new-entity page warns about a name that looks like an existing one, and adds it once confirmed", async ({ page }) => {
  await signIn(page, "editor", { from: "/sign-in" });
  await page.goto("/desk/entities/new");
  await page.getByLabel("Name").fill("Stephen Cheung");
  await expect(page.getByRole("status").filter({ hasText: "Did you mean Steven Cheung — Trump's communications director?" })).toBeVisible();
  await page.getByLabel("Description").fill("Not the communications director");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "“Stephen Cheung” looks like Steven Cheung" })).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue("Stephen Cheung");
  await expect(page.getByLabel("Description")).toHaveValue("Not the communications director");
  await page.getByLabel("This is someone else: add it as new").check();
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page).toHaveURL(/\/desk\/entities\?created=1/);
});
