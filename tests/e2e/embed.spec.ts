// Live embeds (docs/embeds.md): the card at /embed/claims/<slug> framed by an article on another
// origin, served by a tiny HTTP server of this spec's own; oEmbed and its discovery link; a status
// move seen on the card's next load; the desk's Embed panel.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import AxeBuilder from "@axe-core/playwright";
import type { Frame, Page, Request } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

const SLUG = "trump-spoke-with-putin";
const STATEMENT = "Donald Trump spoke with Vladimir Putin by phone after the 2024 election and urged him not to escalate the war in Ukraine.";

/** A news site on another origin (localhost, another port) whose article holds `html`. */
async function startArticleSite(): Promise<{ server: Server; origin: string; setArticle: (html: string) => void }> {
  let article = "";
  const server = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>An article</title></head><body><main><h1>An article</h1>${article}<p>The end.</p></main></body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://localhost:${port}`, setArticle: (html) => (article = html) };
}

async function oEmbed(page: Page, query: string) {
  return page.request.get(`/api/oembed?${query}`);
}

/** The card's frame in the article, once it has loaded. */
async function cardFrame(page: Page): Promise<Frame> {
  const frame = page.frameLocator("iframe");
  await expect(frame.getByRole("heading", { level: 1 })).toBeVisible();
  const found = page.frames().find((candidate) => candidate.url().includes("/embed/claims/"));
  expect(found).toBeTruthy();
  return found!;
}

test.describe("the embedded card", () => {
  // Playwright's own probes into the sandboxed frame (the snippet allows no script) are refused
  // with this message. It is Playwright's, not the card's: the card has no script (checked below
  // in the frame and over HTTP), and any CSP violation still fails the test.
  test.use({ allowedConsoleErrors: [/^Blocked script execution in '[^']*\/embed\/claims\/[^']*' because the document's frame is sandboxed/] });
  let site: Awaited<ReturnType<typeof startArticleSite>>;
  test.beforeAll(async () => {
    site = await startArticleSite();
  });
  test.afterAll(() => new Promise<void>((resolve) => site.server.close(() => resolve())));

  test("shows the claim inside another site's article, loading nothing but itself and setting no cookie", async ({ page, baseURL }) => {
    const claimUrl = `${baseURL}/claims/${SLUG}`;
    const answer = await oEmbed(page, `url=${encodeURIComponent(claimUrl)}&format=json`);
    expect(answer.status()).toBe(200);
    const { html } = (await answer.json()) as { html: string };
    site.setArticle(html);

    const requests: Request[] = [];
    page.on("request", (request) => requests.push(request));
    const cookies: string[] = [];
    page.on("response", async (response) => {
      const setCookie = await response.headerValue("set-cookie");
      if (setCookie) cookies.push(`${response.url()}: ${setCookie}`);
    });
    await page.goto(site.origin);
    const frame = page.frameLocator("iframe");
    await expect(frame.getByRole("heading", { level: 1 })).toHaveText(STATEMENT);
    await expect(frame.getByText("Disputed", { exact: true })).toBeVisible();
    await expect(frame.getByText(/independent report/)).toBeVisible();
    await expect(frame.getByText(/^Updated \d{1,2} \w{3} \d{4}/)).toBeVisible();
    const link = frame.getByRole("link", { name: /See the evidence/ });
    await expect(link).toHaveAttribute("href", claimUrl);
    await expect(link).toHaveAttribute("target", "_blank");
    await expect(link).toHaveAttribute("rel", "noopener");
    await expect(frame.locator("script")).toHaveCount(0);

    // The article's page, then the card: no script, no stylesheet, no image, no font, no cookie.
    const appRequests = requests.filter((request) => request.url().startsWith(baseURL!));
    expect(appRequests.map((request) => `${request.resourceType()} ${request.url()}`)).toEqual([`document ${baseURL}/embed/claims/${SLUG}`]);
    expect(requests.filter((request) => request.resourceType() === "script")).toEqual([]);
    expect(cookies).toEqual([]);
    expect(await page.context().cookies(baseURL)).toEqual([]);

    // The link opens the claim page in a new tab, out of the frame's sandbox.
    const [claimPage] = await Promise.all([page.context().waitForEvent("page"), link.click()]);
    await expect(claimPage).toHaveURL(claimUrl);
    await expect(claimPage.getByRole("heading", { level: 1 })).toHaveText(STATEMENT);
    await claimPage.close();
  });

  for (const width of [320, 600]) {
    test(`fits its frame without scrolling at ${width} px, in light and dark`, async ({ page, baseURL }) => {
      const answer = await oEmbed(page, `url=${encodeURIComponent(`${baseURL}/claims/${SLUG}`)}&maxwidth=${width}`);
      const embed = (await answer.json()) as { html: string; width: number; height: number };
      expect(embed.width).toBe(width);
      site.setArticle(`<div style="width:${width}px">${embed.html}</div>`);
      for (const colorScheme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme });
        await page.goto(site.origin);
        const frame = await cardFrame(page);
        const size = await frame.evaluate(() => ({
          width: document.documentElement.clientWidth,
          scrollWidth: document.documentElement.scrollWidth,
          height: document.documentElement.clientHeight,
          scrollHeight: document.documentElement.scrollHeight,
          background: getComputedStyle(document.body).backgroundColor,
        }));
        expect(size.width, colorScheme).toBe(width);
        expect(size.scrollWidth, `${colorScheme}: no sideways scrolling`).toBeLessThanOrEqual(size.width);
        expect(size.scrollHeight, `${colorScheme}: the whole card shows`).toBeLessThanOrEqual(size.height);
        expect(size.background, colorScheme).toBe(colorScheme === "dark" ? "rgb(23, 25, 29)" : "rgb(255, 255, 255)");
        await page.locator("iframe").screenshot({ path: `test-results/embed-${width}-${colorScheme}.png` });
      }
    });
  }

  test("has no accessibility violations, light or dark, and neither has its not-found card", async ({ page }) => {
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto(`/embed/claims/${SLUG}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(STATEMENT);
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
      expect(results.violations, colorScheme).toEqual([]);
    }
  });

  test.describe("not found", () => {
    test.use({ allowedConsoleErrors: [/Failed to load resource: the server responded with a status of 404/] });
    test("a draft or missing claim is a small frameable 404 card", async ({ page }) => {
      const response = await page.goto("/embed/claims/no-such-claim");
      expect(response?.status()).toBe(404);
      expect(response?.headers()["cache-control"]).toBe("no-store");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("This claim is not available");
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
      expect(results.violations).toEqual([]);
    });
  });

  test("shows a fact-checker's status move on its next load", async ({ browser, page, baseURL }) => {
    test.setTimeout(180_000);
    const unique = Math.random().toString(36).slice(2, 7);
    // Near the longest statement the desk takes (500 characters), so that the snippet's height is
    // checked where it matters most: in a 320 px column.
    const statement =
      `The port of Odesa ${unique} reopened to grain ships on Monday after a three-week closure, ` +
      "with the first convoy of eleven bulk carriers leaving under naval escort, according to port officials who " +
      "spoke on condition of anonymity and to shipping trackers that showed the vessels moving south along the " +
      "coast towards the Bosphorus, while the ministry of infrastructure declined to confirm the departures.";

    const editor = await browser.newPage();
    await signIn(editor, "editor", { from: "/sign-in" });
    await editor.goto("/desk/claims/new");
    await editor.getByLabel("Statement").fill(statement);
    await editor.getByRole("button", { name: "Log claim as draft" }).click();
    const similar = editor.getByLabel("This is a different claim: log it anyway");
    await expect(editor.getByText("Claim logged as a draft.").or(similar)).toBeVisible({ timeout: 15_000 });
    if (await similar.isVisible()) {
      await similar.check();
      await editor.getByRole("button", { name: "Log claim as draft" }).click();
      await expect(editor.getByText("Claim logged as a draft.")).toBeVisible({ timeout: 15_000 });
    }
    const claimPath = new URL(editor.url()).pathname;
    await editor.goto(`${claimPath}/evidence/new`);
    await editor.getByLabel("Web address").fill(`https://example.com/odesa-${unique}`);
    await editor.getByRole("combobox", { name: "Outlet" }).fill("reuters");
    await editor.getByRole("option", { name: /Reuters/ }).first().click();
    await editor.getByLabel("Headline").fill(`Odesa reopens ${unique}, officials say`);
    await editor.getByRole("group", { name: "Which way does it point?" }).getByLabel("Reports it").check();
    await editor.getByRole("group", { name: "How is it sourced?" }).getByLabel("Anonymous source").check();
    await editor.getByLabel("Or an anonymous source, described").fill("port officials");
    await editor.getByRole("button", { name: "Link evidence" }).click();
    await expect(editor.getByText("Evidence linked.")).toBeVisible({ timeout: 15_000 });
    await editor.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(editor.getByText("Published: readers can see this claim now.")).toBeVisible();
    const publicPath = (await editor.getByRole("link", { name: /Public page/ }).getAttribute("href"))!;
    await editor.close();
    const embedPath = publicPath.replace(/^\/claims\//, "/embed/claims/");

    // Proven cached first, so that the new verdict below comes from the expiry, not from no cache.
    await expect
      .poll(async () => (await page.request.get(embedPath)).headers()["x-claimtrail-cache"], { intervals: [0, 250, 500], timeout: 20_000 })
      .toBe("HIT");
    const embed = await oEmbed(page, `url=${encodeURIComponent(`${baseURL}${publicPath}`)}`);
    expect(embed.status()).toBe(200);
    site.setArticle(`<div style="width:320px">${((await embed.json()) as { html: string }).html}</div>`);
    await page.goto(site.origin);
    await expect(page.frameLocator("iframe").getByText("Unverified", { exact: true })).toBeVisible();

    const checker = await browser.newPage();
    await signIn(checker, "fact_checker", { from: "/sign-in" });
    await checker.goto(claimPath);
    const verification = checker.getByRole("region", { name: "Verification", exact: true });
    await verification.getByLabel(/^Corroborated/).check();
    await verification.getByLabel("Rationale").fill("A second outlet reports it independently.");
    await verification.getByRole("button", { name: "Record the move" }).click();
    await expect(checker.getByText("Status changed.")).toBeVisible({ timeout: 15_000 });
    await checker.close();

    await page.reload();
    const frame = page.frameLocator("iframe");
    await expect(frame.getByText("Corroborated", { exact: true })).toBeVisible();
    await expect(frame.getByText("Unverified", { exact: true })).toHaveCount(0);
    const size = await (await cardFrame(page)).evaluate(() => [document.documentElement.clientWidth, document.documentElement.scrollHeight, document.documentElement.clientHeight]);
    expect(size[0]).toBe(320);
    expect(size[1], "the whole card shows in a 320 px column").toBeLessThanOrEqual(size[2]!);
  });
});

test.describe("oEmbed", () => {
  test("answers a claim page's address with a rich embed of its card", async ({ page, baseURL }) => {
    const claimUrl = `${baseURL}/claims/${SLUG}`;
    const response = await oEmbed(page, `url=${encodeURIComponent(claimUrl)}&format=json`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^application\/json/);
    expect(response.headers()["access-control-allow-origin"]).toBe("*");
    expect(response.headers()["set-cookie"]).toBeUndefined();
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ version: "1.0", type: "rich", title: STATEMENT, provider_url: `${baseURL}/`, width: 600 });
    expect(typeof body.provider_name).toBe("string");
    expect(body.cache_age).toBeGreaterThan(0);
    expect(body.height).toBeGreaterThan(100);
    expect(body.html).toBe(
      `<iframe src="${baseURL}/embed/claims/${SLUG}" title="${body.provider_name as string}: status of the claim “${STATEMENT}”" width="600" height="${body.height as number}" style="border:0;max-width:100%" loading="lazy" sandbox="allow-popups allow-popups-to-escape-sandbox" referrerpolicy="strict-origin-when-cross-origin"></iframe>`,
    );

    const small = (await (await oEmbed(page, `url=${encodeURIComponent(`${claimUrl}/`)}&maxwidth=400&maxheight=120`)).json()) as Record<string, unknown>;
    expect(small).toMatchObject({ width: 400, height: 120 });
    expect(small.html).toContain('width="400" height="120"');
  });

  test("refuses what it cannot answer, as the spec says", async ({ page, baseURL }) => {
    const claimUrl = encodeURIComponent(`${baseURL}/claims/${SLUG}`);
    const cases: [string, number][] = [
      [`url=${claimUrl}&format=xml`, 501],
      [`url=${encodeURIComponent(`${baseURL}/claims/no-such-claim`)}`, 404],
      [`url=${encodeURIComponent(`https://elsewhere.example/claims/${SLUG}`)}`, 404],
      [`url=${encodeURIComponent(`${baseURL}/entities/${SLUG}`)}`, 404],
      ["", 400],
      [`url=${claimUrl}&format=yaml`, 400],
      [`url=${claimUrl}&maxwidth=wide`, 400],
      [`url=${claimUrl}&url=${claimUrl}`, 400],
    ];
    for (const [query, status] of cases) {
      const response = await oEmbed(page, query);
      expect(response.status(), query).toBe(status);
      expect(response.headers()["cache-control"], query).toBe("no-store");
    }
  });

  test("is discoverable from the claim page, which still ships no script of ours", async ({ page, baseURL }) => {
    await page.goto(`/claims/${SLUG}`);
    const link = page.locator('head link[rel="alternate"][type="application/json+oembed"]');
    await expect(link).toHaveCount(1);
    const href = (await link.getAttribute("href"))!;
    expect(href).toBe(`${baseURL}/api/oembed?url=${encodeURIComponent(`${baseURL}/claims/${SLUG}`)}&format=json`);
    expect(await link.getAttribute("title")).toBe(`Disputed: ${STATEMENT}`);
    const discovered = await page.request.get(href);
    expect(discovered.status()).toBe(200);
    expect(((await discovered.json()) as { type: string }).type).toBe("rich");
  });
});

test.describe("the desk's Embed panel", () => {
  async function openPanel(page: Page) {
    await signIn(page, "editor", { from: "/sign-in" });
    await page.goto("/desk/claims?status=disputed");
    await page.getByRole("link", { name: STATEMENT, exact: true }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: STATEMENT })).toBeVisible();
    // Opened from the keyboard.
    const summary = page.locator("summary", { hasText: /^Embed$/ });
    await summary.focus();
    await page.keyboard.press("Enter");
    const snippet = page.getByRole("textbox", { name: "Iframe snippet" });
    await expect(snippet).toBeVisible();
    return snippet;
  }

  test("copies the snippet and the oEmbed address, and says so", async ({ page, context, baseURL }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
    const snippet = await openPanel(page);
    const expected = (await (await oEmbed(page, `url=${encodeURIComponent(`${baseURL}/claims/${SLUG}`)}`)).json()) as { html: string };
    await expect(snippet).toHaveValue(expected.html);
    await expect(snippet).toHaveAttribute("readonly", "");
    const address = page.getByRole("textbox", { name: "oEmbed address" });
    await expect(address).toHaveValue(`${baseURL}/api/oembed?url=${encodeURIComponent(`${baseURL}/claims/${SLUG}`)}&format=json`);

    await page.getByRole("button", { name: "Copy the iframe snippet" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status").filter({ hasText: "Copied the iframe snippet." })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected.html);

    await page.getByRole("button", { name: "Copy the oEmbed address" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Copied the oEmbed address." })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await address.inputValue());

    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
    expect(results.violations).toEqual([]);
  });

  test("selects the text to copy by hand when the clipboard is refused", async ({ page }) => {
    // A browser that refuses clipboard writes (no permission, or an insecure origin).
    await page.addInitScript(() => {
      Object.defineProperty(navigator, "clipboard", {
        configurable: true,
        value: { writeText: () => Promise.reject(new DOMException("Write permission denied.", "NotAllowedError")) },
      });
    });
    const snippet = await openPanel(page);
    await page.getByRole("button", { name: "Copy the iframe snippet" }).click();
    await expect(page.getByRole("status").filter({ hasText: /Selected the iframe snippet: press Ctrl\+C/ })).toBeVisible();
    await expect(snippet).toBeFocused();
    const selection = await snippet.evaluate((element: HTMLTextAreaElement) => [element.selectionStart, element.selectionEnd, element.value.length]);
    expect(selection).toEqual([0, selection[2], selection[2]]);
  });
});
