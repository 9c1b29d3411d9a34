import { test as base, expect, type Locator, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS } from "@/prisma/seed";

/**
 * `test` that fails when the page logs an unexpected console error or throws. A test that expects
 * some (a 404 logs "Failed to load resource") lists them in `allowedConsoleErrors`. A
 * Content-Security-Policy violation always fails, whatever is allowed: every page of every journey
 * must run under its policy.
 */
export const test = base.extend<{ allowedConsoleErrors: RegExp[]; consoleGuard: void }>({
  allowedConsoleErrors: [[], { option: true }],
  consoleGuard: [
    async ({ page, allowedConsoleErrors }, use) => {
      const errors: string[] = [];
      page.on("console", (message) => {
        if (/Content[ -]Security[ -]Policy/i.test(message.text())) errors.push(message.text());
        else if (message.type() === "error" && !allowedConsoleErrors.some((pattern) => pattern.test(message.text()))) {
          errors.push(message.text());
        }
      });
      page.on("pageerror", (error) => errors.push(error.message));
      await use();
      expect(errors, "unexpected console errors").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export type StaffRole = (typeof DEMO_ACCOUNTS)[number]["role"];

/** Signs in with a demo account from the page the browser is on, or from /sign-in. */
export async function signIn(page: Page, role: StaffRole, options: { from?: string } = {}) {
  const { email, password } = DEMO_ACCOUNTS.find((account) => account.role === role)!;
  if (options.from) await page.goto(options.from);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Argon2 verification is deliberately slow, and slower still on a busy 2-core machine.
  await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 15_000 });
}

/** Logs a draft claim (past the similar-claims warning, if any) and returns its desk path. */
export async function logClaim(page: Page, statement: string): Promise<string> {
  await page.goto("/desk/claims/new");
  await page.getByLabel("Statement").fill(statement);
  await page.getByRole("button", { name: "Log claim as draft" }).click();
  const similar = page.getByLabel("This is a different claim: log it anyway");
  await expect(page.getByText("Claim logged as a draft.").or(similar)).toBeVisible();
  if (await similar.isVisible()) {
    await similar.check();
    await page.getByRole("button", { name: "Log claim as draft" }).click();
  }
  await expect(page.getByText("Claim logged as a draft.")).toBeVisible();
  return new URL(page.url()).pathname;
}

/**
 * Chooses an entity in the type-to-search picker labelled `label`: types `query`, then clicks the
 * suggestion whose text contains `option`, and waits for it to show among the chosen ones.
 */
export async function chooseEntity(scope: Page | Locator, label: string | RegExp, query: string, option: string | RegExp) {
  const input = scope.getByRole("combobox", { name: label });
  await input.fill(query);
  await scope.getByRole("option", { name: option }).first().click();
  await expect(input).toHaveValue("");
  await expect(scope.getByRole("list", { name: typeof label === "string" ? `Chosen: ${label}` : /^Chosen: / }).first()).toContainText(option);
}

/** Creates a new entity from the picker labelled `label` ("Create “name”…"), with what the panel asks. */
export async function createEntityInline(
  scope: Page | Locator,
  label: string,
  entity: { name: string; kind?: "Person" | "Organisation"; description?: string; domain?: string; affiliation?: { query: string; option: string } },
) {
  const input = scope.getByRole("combobox", { name: label });
  await input.fill(entity.name);
  await scope.getByRole("option", { name: `Create “${entity.name}”…` }).click();
  const panel = scope.getByRole("group", { name: `New: ${entity.name}` });
  if (entity.kind) await panel.getByRole("group", { name: "Kind" }).getByLabel(entity.kind).check();
  if (entity.description) await panel.getByLabel("Description").fill(entity.description);
  if (entity.domain) await panel.getByLabel("Web domain").fill(entity.domain);
  if (entity.affiliation) await chooseEntity(panel, "Affiliation", entity.affiliation.query, entity.affiliation.option);
  await panel.getByRole("button", { name: `Add ${entity.name}` }).click();
  await expect(scope.getByRole("list", { name: `Chosen: ${label}` })).toContainText(`${entity.name}`);
}
