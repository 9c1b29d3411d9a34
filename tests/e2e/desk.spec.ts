import type { Page } from "@playwright/test";
import { DEMO_ACCOUNTS } from "@/prisma/seed";
import { expect, logClaim, signIn, test } from "./fixtures";

const editorEmail = DEMO_ACCOUNTS.find((demo) => demo.role === "editor")!.email;

async function linkEvidence(
  page: Page,
  evidence: {
    url: string;
    headline: string;
    stance: string;
    sourcing: string;
    speaker?: string;
    anonymous?: string;
    quote?: string;
    republishes?: RegExp;
    newOutlet?: { name: string; domain: string };
  },
) {
  await page.getByRole("link", { name: "Link evidence" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Link evidence" })).toBeVisible();
  await page.getByLabel("Web address").fill(evidence.url);
  if (evidence.newOutlet) {
    await page.getByLabel("New outlet").fill(evidence.newOutlet.name);
    await page.getByLabel("Its domain").fill(evidence.newOutlet.domain);
  }
  await page.getByLabel("Headline").fill(evidence.headline);
  await page.getByLabel(/^Published \(/).fill("2024-11-10T14:00");
  await page.getByRole("group", { name: "Which way does it point?" }).getByLabel(evidence.stance).check();
  await page.getByRole("group", { name: "How is it sourced?" }).getByLabel(evidence.sourcing).check();
  if (evidence.speaker) await page.getByLabel("A named speaker").selectOption({ label: evidence.speaker });
  if (evidence.anonymous) await page.getByLabel("Or an anonymous source, described").fill(evidence.anonymous);
  if (evidence.quote) await page.getByLabel("Quote").fill(evidence.quote);
  if (evidence.republishes) {
    const options = await page.getByLabel("The evidence it copies or cites").locator("option").allTextContents();
    const label = options.find((text) => evidence.republishes!.test(text));
    await page.getByLabel("The evidence it copies or cites").selectOption({ label: label! });
    await page.getByLabel(/Republishes it/).check();
  }
  await page.getByRole("button", { name: "Link evidence" }).click();
  await expect(page.getByText("Evidence linked.")).toBeVisible();
}

test("an editor logs a breaking claim with its reports and responses, publishes it, and a reader sees it", async ({ page, browser }) => {
  // The longest journey (two sessions, five pieces of evidence): more than 30 s on a busy 2-core machine.
  test.slow();
  await page.goto("/desk");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fdesk$/);
  await signIn(page, "editor");
  await expect(page.getByRole("heading", { level: 1, name: "Desk" })).toBeVisible();

  await page.getByRole("link", { name: "Log a claim" }).click();
  await page.getByLabel("Statement").fill("Trump spoke with Putin");
  // Warned while typing, before anything is saved.
  await expect(page.getByRole("status").filter({ hasText: "Looks like claims already on the desk" })).toContainText(
    "Donald Trump spoke with Vladimir Putin",
  );
  await page.getByLabel("Context").fill("Reported on 10 November 2024 by two outlets citing unnamed sources.");
  await page.getByLabel("When it allegedly happened").fill("2024-11-07");
  await page.getByLabel("How precise is that date?").selectOption({ label: "Around that date" });
  await page.getByLabel("Tags").fill("us-politics, russia");
  await page.getByLabel("Existing people and organisations").selectOption([{ label: "Donald Trump — US president-elect" }, { label: "Vladimir Putin — President of Russia" }]);
  await page.getByRole("button", { name: "Log claim as draft" }).click();

  // The seeded story already has a claim like this one: the desk says so before saving a duplicate.
  const similar = page.getByRole("region", { name: "Already on the desk?" });
  await expect(similar).toContainText("Donald Trump spoke with Vladimir Putin");
  await expect(page.getByLabel("Statement")).toHaveValue("Trump spoke with Putin");
  await similar.getByLabel("This is a different claim: log it anyway").check();
  await page.getByRole("button", { name: "Log claim as draft" }).click();
  await expect(page.getByText("Claim logged as a draft.")).toBeVisible();

  await linkEvidence(page, {
    url: "https://www.washingtonpost.com/world/2024/11/10/trump-putin-call/",
    headline: "Trump advised Putin not to escalate in Ukraine, people familiar with the call say",
    stance: "Reports it",
    sourcing: "Anonymous source",
    anonymous: "people familiar with the call",
  });
  await linkEvidence(page, {
    url: "https://www.reuters.com/world/us/trump-putin-call/",
    headline: "Trump and Putin discussed Ukraine, source says",
    stance: "Reports it",
    sourcing: "Anonymous source",
    anonymous: "a source familiar with the conversation",
  });
  await linkEvidence(page, {
    url: "https://www.cbc.ca/news/world/trump-putin-call",
    headline: "Trump and Putin discussed Ukraine, source says",
    stance: "Reports it",
    sourcing: "Anonymous source",
    anonymous: "a source familiar with the conversation",
    republishes: /^Reuters:/,
  });
  await linkEvidence(page, {
    url: "https://apnews.com/article/kremlin-denies-trump-putin-call",
    headline: "Kremlin denies Trump and Putin spoke",
    stance: "Denies it",
    sourcing: "On the record",
    speaker: "Dmitry Peskov — Kremlin spokesman",
    quote: "This is pure fiction.",
  });
  await linkEvidence(page, {
    url: "https://www.washingtonpost.com/world/2024/11/10/trump-putin-call/#cheung",
    headline: "Trump spokesman will not discuss private calls",
    stance: "Declines to comment",
    sourcing: "On the record",
    speaker: "Steven Cheung — Trump's communications director",
  });

  // Grouped by stance as readers see it: CBC's copy sits under the Reuters report it republishes.
  const evidence = page.getByRole("region", { name: /^Evidence/ });
  await expect(evidence.getByRole("article")).toHaveCount(4);
  await expect(evidence.getByRole("region", { name: /^Reports/ }).getByRole("article").filter({ hasText: "Reuters" }).getByRole("link", { name: "CBC News" })).toBeVisible();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published: readers can see this claim now.")).toBeVisible();
  const publicHref = await page.getByRole("link", { name: "Public page ↗" }).getAttribute("href");
  expect(publicHref).toMatch(/^\/claims\/trump-spoke-with-putin-2$/);

  const reader = await browser.newPage();
  await reader.goto(publicHref!);
  await expect(reader.getByRole("heading", { level: 1, name: "Trump spoke with Putin" })).toBeVisible();
  const reports = reader.getByRole("region", { name: /^Reports/ });
  await expect(reports.getByRole("article")).toHaveCount(2);
  await expect(reports.getByRole("article").filter({ hasText: "Reuters" }).getByRole("link", { name: "CBC News" })).toBeVisible();
  await expect(reader.getByRole("region", { name: /^Denials and disputes/ })).toContainText("Dmitry Peskov");
  await expect(reader.getByRole("region", { name: /^Declined to comment/ })).toContainText("Steven Cheung");
  await reader.close();
});

test.describe("refusals", () => {
  // The browser logs every 403 page it loads.
  test.use({ allowedConsoleErrors: [/status of 403/] });

  test("an editor cannot reach the admin screens", async ({ page }) => {
    await page.goto("/sign-in");
    await signIn(page, "editor");
    const deskNav = page.getByRole("navigation", { name: "Desk" });
    await expect(deskNav.getByRole("link", { name: "Claims" })).toBeVisible();
    await expect(deskNav.getByRole("link", { name: "Accounts" })).toHaveCount(0);
    const response = await page.goto("/desk/accounts");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Your role does not give access to this page" })).toBeVisible();
  });

  test("refusals answer 403 to a signed-in member and 401 to a signed-out visitor who gets a page", async ({ page, request }) => {
    // Signed out: the desk's pages send the visitor to sign-in; the refusal page itself says 401.
    const signedOut = await request.get("/desk/forbidden", { maxRedirects: 0 });
    expect(signedOut.status()).toBe(401);
    expect(await signedOut.text()).toContain("Sign in to see this page");
    expect((await request.get("/desk/accounts", { maxRedirects: 0 })).status()).toBe(307);

    await signIn(page, "editor", { from: "/sign-in" });
    for (const path of ["/desk/accounts", "/desk/review", "/desk/forbidden"]) {
      const response = await page.request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(403);
      expect(await response.text(), path).toContain("Your role does not give access to this page");
    }
    expect((await page.request.get("/desk", { maxRedirects: 0 })).status()).toBe(200);
  });
});

test("unpublishing asks first, and can be done with the keyboard alone", async ({ page }) => {
  await signIn(page, "editor", { from: "/sign-in" });
  await logClaim(page, `Musk joined a call about Ukraine ${Math.random().toString(36).slice(2, 8)}`);
  await linkEvidence(page, {
    url: "https://www.axios.com/2024/11/12/musk-call-ukraine",
    headline: "Musk joined the call, sources say",
    stance: "Reports it",
    sourcing: "Anonymous source",
    anonymous: "two people familiar with the call",
  });
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText("Published: readers can see this claim now.")).toBeVisible();

  // One click only opens the question: nothing is unpublished yet.
  const ask = page.getByText("Unpublish…");
  await ask.click();
  await expect(page.getByText("Unpublish this claim?")).toBeVisible();
  await ask.click();
  await expect(page.getByText("Unpublish this claim?")).toBeHidden();
  await page.reload();
  await expect(page.getByRole("link", { name: "Public page ↗" })).toBeVisible();

  // The keyboard: focus the question, open it, move to the button, confirm.
  await ask.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Unpublish this claim?")).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Unpublish", exact: true })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Unpublished: readers no longer see this claim.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Public page ↗" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Publish", exact: true })).toBeVisible();
});

test("a signed-out visitor is sent to sign-in and brought back; outside addresses are ignored", async ({ page }) => {
  await page.goto("/desk/claims/new");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fdesk%2Fclaims%2Fnew$/);
  await signIn(page, "editor");
  await expect(page).toHaveURL(/\/desk\/claims\/new$/);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByText("You are signed out.")).toBeVisible();
  await page.goto("/sign-in?next=//evil.example/steal");
  await signIn(page, "fact_checker");
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/desk$/);
});

test("a wrong password gets the same answer as an unknown email, and keeps the email typed", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(editorEmail);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  const message = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(message).toContainText("That email and password do not match an active account.");
  await expect(page.getByLabel("Email")).toHaveValue(editorEmail);

  await page.getByLabel("Email").fill("nobody@newsroom.example");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(message).toContainText("That email and password do not match an active account.");
});

test.describe("the verification panel on the Trump–Putin claim", () => {
  async function openDemoClaim(page: Page) {
    await signIn(page, "fact_checker", { from: "/sign-in" });
    // The demo story's claim, with its five pieces of evidence (other tests log shorter look-alikes).
    await page.goto("/desk/claims?q=Vladimir");
    await page.getByRole("list", { name: "Claims" }).getByRole("link", { name: /^Donald Trump spoke with Vladimir Putin/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^Donald Trump spoke with Vladimir Putin/ })).toBeVisible();
  }

  test("beside the evidence on a desktop screen: the move form's first control is in view on load", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await openDemoClaim(page);
    const firstChoice = page.getByRole("region", { name: "Verification", exact: true }).getByRole("group", { name: "Move to" }).getByRole("radio").first();
    await expect(firstChoice).toBeInViewport();
    await expect(page.getByRole("link", { name: /Jump to verification/ })).toBeHidden();
  });

  test("on a phone, the sticky jump link takes focus to the panel", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openDemoClaim(page);
    const panel = page.getByRole("region", { name: "Verification", exact: true });
    await expect(panel).not.toBeInViewport();
    await page.getByRole("link", { name: /Jump to verification/ }).click();
    await expect(panel).toBeFocused();
    await expect(panel.getByRole("group", { name: "Move to" })).toBeInViewport();
  });
});
