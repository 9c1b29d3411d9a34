import { test as base, expect, type Page } from "@playwright/test";
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
