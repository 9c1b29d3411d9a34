// Evidence archiving end to end: an editor links a source on the desk, the app's job worker
// fetches it from a local news site this test runs, the desk shows "Archived …, sha256 …", the
// archived copy opens sandboxed (the article's own script does not run), and readers of the
// published claim see "archived copy".
import { createHash } from "node:crypto";
import { articleHtml, type ArticleServer, startArticleServer } from "@/tests/support/article-server";
import { createEntityInline, expect, signIn, test } from "./fixtures";

const PARAGRAPHS = [
  "The two ministers met secretly in Geneva on Thursday, two officials said, speaking on condition of anonymity because they were not authorised to speak.",
  "The ministry's spokeswoman called the report false. The embassy declined to comment when reached by telephone on Friday morning.",
  "Talks on a prisoner exchange have stalled for months, according to diplomats familiar with the negotiations between the two governments.",
];
// Were scripts to run in the archived copy, this one would rewrite the headline.
const ARTICLE = articleHtml("Ministers met in Geneva", PARAGRAPHS, `<script>document.getElementById("headline").textContent = "SCRIPT RAN"</script>`);

let site: ArticleServer;
test.beforeAll(async () => {
  site = await startArticleServer();
  site.set("/world/geneva-talks", { kind: "html", body: ARTICLE });
});
test.afterAll(async () => {
  await site.close();
});

// The desk's evidence card links the outlet's public page, which Next prefetches; for an outlet
// that no published claim names yet, that page is a 404 (a pre-existing desk behaviour, not the
// archive's). Nothing else may log an error.
test.use({ allowedConsoleErrors: [/Failed to load resource: the server responded with a status of 404/] });

test("a linked source is archived with its hash, opens sandboxed, and readers see its archived copy", async ({ page, context }) => {
  test.slow();
  const port = new URL(site.origin).port;
  // The evidence form takes domain names only: gazette.localhost is 127.0.0.1 (tests/support/localhost-dns.cjs).
  const url = `http://gazette.localhost:${port}/world/geneva-talks`;

  await signIn(page, "editor", { from: "/sign-in?next=/desk" });
  await page.goto("/desk/claims/new");
  await page.getByLabel("Statement").fill(`Ministers met secretly in Geneva, run ${Date.now()}`);
  await page.getByRole("button", { name: "Log claim as draft" }).click();
  await expect(page.getByText("Claim logged as a draft.")).toBeVisible({ timeout: 30_000 });
  const claimPath = new URL(page.url()).pathname;
  await page.getByRole("link", { name: "Link evidence" }).click();
  await page.getByLabel("Web address").fill(url);
  await createEntityInline(page, "Outlet", { name: "The Test Gazette", domain: "gazette.localhost" });
  await page.getByLabel("Headline").fill("Ministers met in Geneva");
  await page.getByRole("group", { name: "Which way does it point?" }).getByLabel("Reports").check();
  await page.getByRole("group", { name: "How is it sourced?" }).getByLabel("Anonymous").check();
  await page.getByRole("button", { name: "Link evidence" }).click();
  await expect(page.getByText("Evidence linked.")).toBeVisible({ timeout: 30_000 });

  // The worker archives in the background: reload until the desk says so.
  const status = page.getByTestId("archive-status");
  await expect(async () => {
    await page.reload();
    await expect(status).toContainText(/Archived .*, sha256 [0-9a-f]{12}…/, { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  const sha256 = createHash("sha256").update(ARTICLE).digest("hex");
  await expect(status.locator("code")).toHaveAttribute("title", sha256);
  expect(site.hits("/world/geneva-talks")).toBe(1);

  // The archived copy, in a page of its own: a foreign page whose blocked script the browser
  // reports, which the console guard of `page` (our own pages) must not count.
  const href = await status.getByRole("link", { name: /^archived copy/ }).getAttribute("href");
  const copy = await context.newPage();
  const response = await copy.goto(href!);
  expect(response?.status()).toBe(200);
  expect(response?.headers()["content-security-policy"]).toMatch(/^sandbox; default-src 'none'/);
  await expect(copy.getByRole("heading", { level: 1 })).toHaveText("Ministers met in Geneva");
  await expect(copy.getByText("SCRIPT RAN")).toHaveCount(0);
  // An opaque origin: the copy cannot see the desk's cookies (nor anything of this site's).
  expect(await copy.evaluate(() => window.origin)).toBe("null");
  const text = await copy.goto(`${href}/text`);
  expect(text?.headers()["content-type"]).toBe("text/plain; charset=utf-8");
  await expect(copy.locator("body")).toContainText(PARAGRAPHS[0]!);
  await copy.close();

  // Published, the claim's reader page offers the archived copy next to the source.
  await page.goto(claimPath);
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText("Published: readers can see this claim now.")).toBeVisible();
  const slugLink = await page.getByRole("link", { name: "Public page ↗" }).getAttribute("href");
  const reader = await context.browser()!.newContext();
  const readerPage = await reader.newPage();
  await readerPage.goto(slugLink!);
  const archived = readerPage.getByRole("link", { name: "archived copy of “Ministers met in Geneva”" });
  await expect(archived).toHaveAttribute("href", href!);
  // Readers may open it too, signed out.
  expect((await readerPage.request.get(href!)).status()).toBe(200);
  await reader.close();
});
