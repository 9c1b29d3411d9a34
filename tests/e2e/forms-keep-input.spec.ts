import type { BrowserContext, Locator, Page } from "@playwright/test";
import { expect, logClaim, signIn, type StaffRole, test } from "./fixtures";

// Every desk form keeps every field after every kind of rejection. React 19 resets a form after
// its action; selects once went back to their first option there, and the next submit saved that.

type Snapshot = Record<string, string | string[] | boolean>;

/** Every visible control of a form by name: selects (multiple too) as their chosen values. */
function snapshot(form: Locator): Promise<Snapshot> {
  return form.evaluate((element) => {
    const values: Record<string, string | string[] | boolean> = {};
    for (const control of Array.from((element as HTMLFormElement).elements)) {
      if (control instanceof HTMLSelectElement) values[control.name] = Array.from(control.selectedOptions, (option) => option.value);
      else if (control instanceof HTMLTextAreaElement) values[control.name] = control.value;
      else if (control instanceof HTMLInputElement && control.type !== "hidden" && control.name) {
        if (control.type === "checkbox" || control.type === "radio") values[`${control.name}=${control.value}`] = control.checked;
        else if (control.type !== "password") values[control.name] = control.value;
      }
    }
    return values;
  });
}

/** The form that holds the button named `submit`. */
function formOf(page: Page, submit: string | RegExp): Locator {
  return page.locator("form").filter({ has: page.getByRole("button", { name: submit, exact: typeof submit === "string" }) });
}

/** Ends the session from another tab of the same browser, then returns a way to sign in again. */
async function signOutElsewhere(context: BrowserContext, role: StaffRole) {
  const other = await context.newPage();
  await other.goto("/desk");
  await other.getByRole("button", { name: "Sign out" }).click();
  await expect(other.getByText("You are signed out.")).toBeVisible();
  return async () => {
    await signIn(other, role, { from: "/sign-in" });
    await other.close();
  };
}

async function expectErrorSummary(page: Page, text: string | RegExp) {
  // A page can hold several forms, each with its own summary: this is the one that says `text`.
  const summary = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "There is a problem" }) }).filter({ hasText: text });
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(summary).toBeInViewport();
  return summary;
}

/** A fresh claim of this test's own, so that nothing here changes what other specs count. */
const unique = () => Math.random().toString(36).slice(2, 8);

test("Log a claim keeps the precision and every chosen entity after a field error and the similar-claims warning", async ({ page }) => {
  await signIn(page, "editor", { from: "/sign-in" });
  await page.goto("/desk/claims/new");
  const suffix = unique();
  await page.getByLabel("Statement").fill("Trump spoke with Putin");
  await page.getByLabel("Context").fill("Reported by two outlets citing unnamed sources.");
  await page.getByLabel("When it allegedly happened").fill("2024-11-07");
  await page.getByLabel("How precise is that date?").selectOption({ label: "Some time that month" });
  await page.getByLabel("Tags").fill("Not A Tag!");
  await page
    .getByLabel("Existing people and organisations")
    .selectOption([{ label: "Donald Trump — US president-elect" }, { label: "Kremlin — Office of the President of Russia" }, { label: "Vladimir Putin — President of Russia" }]);
  await page.getByLabel("New people").fill(`Anna Aide ${suffix}`);
  await page.getByLabel("New organisations").fill(`Call Watchers ${suffix}`);
  const form = formOf(page, "Log claim as draft");
  const before = await snapshot(form);
  expect(before.eventDatePrecision).toEqual(["month"]);
  expect(before.entityIds).toHaveLength(3);

  await page.getByRole("button", { name: "Log claim as draft" }).click();
  const summary = await expectErrorSummary(page, "Tags use lower-case letters");
  expect(await snapshot(form)).toEqual(before);
  await summary.getByRole("link", { name: /Tags use lower-case letters/ }).click();
  await expect(page.getByLabel("Tags")).toBeFocused();

  await page.getByLabel("Tags").fill("us-politics");
  const fixed = await snapshot(form);
  await page.getByRole("button", { name: "Log claim as draft" }).click();
  const similar = page.getByRole("region", { name: "Already on the desk?" });
  await expect(similar).toContainText("Donald Trump spoke with Vladimir Putin");
  await expectErrorSummary(page, "These claims look similar");
  expect(await snapshot(form)).toMatchObject(fixed);

  await similar.getByLabel("This is a different claim: log it anyway").check();
  await page.getByRole("button", { name: "Log claim as draft" }).click();
  await expect(page.getByText("Claim logged as a draft.")).toBeVisible();
  await expect(page.getByText(/alleged event November 2024/)).toBeVisible();
  await expect(page.getByText(/^About: /)).toHaveText(
    new RegExp(`^About: (?=.*Donald Trump)(?=.*Kremlin)(?=.*Vladimir Putin)(?=.*Anna Aide ${suffix})(?=.*Call Watchers ${suffix})`),
  );
});

test("Edit claim keeps every field after a field error and after a conflict", async ({ page, browser }) => {
  await signIn(page, "editor", { from: "/sign-in" });
  const claimPath = await logClaim(page, `Zelenskyy met Musk in a hangar ${unique()}`);
  await page.goto(`${claimPath}/edit`);
  await page.getByLabel("Context").fill("Mine.");
  await page.getByLabel("When it allegedly happened").fill("2024-11-09");
  await page.getByLabel("How precise is that date?").selectOption({ label: "Some time that year" });
  await page.getByLabel("Existing people and organisations").selectOption([{ label: "Volodymyr Zelenskyy — President of Ukraine" }, { label: "Elon Musk — Businessman and Trump ally" }]);
  await page.getByLabel("Tags").fill("Bad Tag");
  const form = formOf(page, /^Save/);
  const before = await snapshot(form);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expectErrorSummary(page, "Tags use lower-case letters");
  expect(await snapshot(form)).toEqual(before);

  // Someone else saves first.
  const other = await browser.newPage();
  await signIn(other, "editor", { from: "/sign-in" });
  await other.goto(`${claimPath}/edit`);
  await other.getByLabel("Context").fill("Theirs.");
  await other.getByRole("button", { name: "Save changes" }).click();
  await expect(other.getByText(/saved/i).first()).toBeVisible();
  await other.close();

  await page.getByLabel("Tags").fill("ukraine-war");
  const fixed = await snapshot(form);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expectErrorSummary(page, /changed|saved/i);
  await expect(page.getByText("Saved now by someone else:").first()).toBeVisible();
  expect(await snapshot(form)).toEqual(fixed);
});

test("Link evidence keeps the outlet, the speaker and every choice after errors, and saves the speaker", async ({ page, context }) => {
  await signIn(page, "editor", { from: "/sign-in" });
  const claimPath = await logClaim(page, `Peskov commented on a phone call ${unique()}`);
  await page.goto(`${claimPath}/evidence/new`);
  await page.getByLabel("Web address").fill("https://apnews.com/article/kremlin-no-comment");
  await page.getByLabel("Outlet", { exact: true }).selectOption({ label: "Associated Press (apnews.com)" });
  await page.getByLabel(/^Published \(/).fill("2024-11-10T14:00");
  await page.getByRole("group", { name: "Which way does it point?" }).getByLabel("Declines to comment").check();
  await page.getByRole("group", { name: "How is it sourced?" }).getByLabel("On the record").check();
  await page.getByLabel("A named speaker").selectOption({ label: "Dmitry Peskov — Kremlin spokesman" });
  await page.getByLabel("Quote").fill("We have nothing to add.");
  const form = formOf(page, "Link evidence");
  const before = await snapshot(form);
  expect(before.speakerId).not.toEqual([""]);
  expect(before.outletId).not.toEqual([""]);

  // Scrolled to the bottom, as after filling the form in.
  await page.getByRole("button", { name: "Link evidence" }).click();
  const summary = await expectErrorSummary(page, /headline/i);
  expect(await snapshot(form)).toEqual(before);
  await summary.getByRole("link", { name: /headline/i }).click();
  await expect(page.getByLabel("Headline")).toBeFocused();

  await page.getByLabel("Headline").fill("Kremlin declines to comment on the call");
  const filled = await snapshot(form);
  const signInAgain = await signOutElsewhere(context, "editor");
  await page.getByRole("button", { name: "Link evidence" }).click();
  await expectErrorSummary(page, "You are signed out");
  expect(await snapshot(form)).toEqual(filled);

  await signInAgain();
  await page.getByRole("button", { name: "Link evidence" }).click();
  await expect(page.getByText("Evidence linked.")).toBeVisible();
  const linked = page.getByRole("region", { name: /^Evidence/ }).getByRole("article").filter({ hasText: "Kremlin declines to comment on the call" });
  await expect(linked).toContainText("Dmitry Peskov, Kremlin spokesman");
  await expect(linked).toContainText("Associated Press");
});

test("Add and edit a person or organisation, and merge, keep every field after errors", async ({ page, context }) => {
  await signIn(page, "editor", { from: "/sign-in" });
  const name = `Ceasefire Monitors ${unique()}`;
  await page.goto("/desk/entities/new");
  await page.getByLabel("Kind").selectOption({ label: "Organisation (outlets are organisations with a domain)" });
  await page.getByLabel("Description").fill("A monitoring group");
  await page.getByLabel("Affiliation").selectOption({ label: "Kremlin" });
  await page.getByLabel("Web domain (outlets only)").fill("monitors.example");
  const form = formOf(page, "Add");
  const before = await snapshot(form);
  expect(before.kind).toEqual(["organisation"]);
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expectErrorSummary(page, /name/i);
  expect(await snapshot(form)).toEqual(before);
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page).toHaveURL(/\/desk\/entities\?created=1/);

  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await page.getByLabel("Affiliation").selectOption({ label: "Trump transition team" });
  await page.getByLabel("Kind").selectOption({ label: "Person" });
  await page.getByLabel("Web domain (outlets only)").fill("not a domain");
  const editForm = formOf(page, "Save");
  const edited = await snapshot(editForm);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expectErrorSummary(page, "Enter a domain such as reuters.com");
  expect(await snapshot(editForm)).toEqual(edited);

  await page.getByLabel("Merge this duplicate into").selectOption({ label: "Reuters — International news agency" });
  const mergeForm = formOf(page, "Merge");
  const merging = await snapshot(mergeForm);
  const signInAgain = await signOutElsewhere(context, "editor");
  await page.getByRole("button", { name: "Merge", exact: true }).click();
  await expectErrorSummary(page, "You are signed out");
  expect(await snapshot(mergeForm)).toEqual(merging);
  await signInAgain();
});

test("Record a status move keeps the chosen status and the cited evidence after a field error", async ({ page }) => {
  await signIn(page, "fact_checker", { from: "/sign-in" });
  await page.goto("/desk/claims");
  await page.getByRole("link", { name: "Donald Trump spoke with Vladimir Putin" }).first().click();
  const verification = page.getByRole("region", { name: "Verification" });
  await verification.getByRole("radio").first().check();
  const evidence = verification.getByRole("group", { name: "Evidence cited" }).getByRole("checkbox");
  await evidence.first().check();
  const form = formOf(page, "Record the move");
  const before = await snapshot(form);
  expect(Object.values(before).filter((value) => value === true)).toHaveLength(2);
  await verification.getByRole("button", { name: "Record the move" }).click();
  const summary = await expectErrorSummary(page, /rationale/i);
  expect(await snapshot(form)).toEqual(before);
  await summary.getByRole("link", { name: /rationale/i }).click();
  await expect(verification.getByLabel("Rationale")).toBeFocused();
});

test("Accounts keep the typed name, email and chosen role after errors", async ({ page, context }) => {
  await signIn(page, "admin", { from: "/sign-in" });
  await page.goto("/desk/accounts");
  await page.getByLabel("Name").fill("Nadia Newcomer");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Fact-checker" });
  const form = formOf(page, "Create account and invitation link");
  const before = await snapshot(form);
  expect(before.role).toEqual(["fact_checker"]);
  await page.getByRole("button", { name: "Create account and invitation link" }).click();
  await expectErrorSummary(page, /email/i);
  expect(await snapshot(form)).toEqual(before);

  const roleOfEditor = page.getByLabel("Role of Elena Editor");
  await roleOfEditor.selectOption({ label: "Admin" });
  const signInAgain = await signOutElsewhere(context, "admin");
  await page.getByRole("listitem").filter({ has: roleOfEditor }).getByRole("button", { name: "Change role" }).click();
  await expect(page.getByText("You are signed out").first()).toBeVisible();
  await expect(roleOfEditor).toHaveValue("admin");
  await signInAgain();
});

test("Sign in keeps the email after a wrong password, and the summary says what went wrong", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("nobody@newsroom.example");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expectErrorSummary(page, "That email and password do not match an active account.");
  await expect(page.getByLabel("Email")).toHaveValue("nobody@newsroom.example");
});
