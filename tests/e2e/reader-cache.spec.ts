// Reader pages are served from the cache (docs/caching.md), and every kind of write reaches them
// on the next load. Each step first proves the page was cached (a second load comes from the
// front's copy, `x-claimtrail-cache: HIT`, or from Next's cache, `x-nextjs-cache: HIT`), so that a
// pass means the write expired it, not that nothing was cached.
import type { Page } from "@playwright/test";
import { slugify } from "@/lib/claims/slug";
import { chooseEntity, createEntityInline, expect, signIn, test } from "./fixtures";

/**
 * Loads `path` until an answer comes from the cache. (With several workers, another journey's
 * write can expire this page too, between two loads: then the next load is cached again.)
 */
async function cached(reader: Page, path: string) {
  await expect
    .poll(
      async () => {
        const response = await reader.goto(path);
        expect(response?.status(), path).toBe(200);
        const headers = response!.headers();
        return headers["x-claimtrail-cache"] ?? headers["x-nextjs-cache"];
      },
      { message: `${path} is served from the cache`, intervals: [0, 250, 500, 1_000], timeout: 20_000 },
    )
    .toBe("HIT");
}

/** Logs a draft claim, about a person created on the way when one is given; returns its desk path. */
async function logDraft(editor: Page, statement: string, person?: Parameters<typeof createEntityInline>[2]): Promise<string> {
  await editor.goto("/desk/claims/new");
  await editor.getByLabel("Statement").fill(statement);
  if (person) await createEntityInline(editor, "People and organisations", person);
  await editor.getByRole("button", { name: "Log claim as draft" }).click();
  const similar = editor.getByLabel("This is a different claim: log it anyway");
  await expect(editor.getByText("Claim logged as a draft.").or(similar)).toBeVisible({ timeout: 15_000 });
  if (await similar.isVisible()) {
    await similar.check();
    await editor.getByRole("button", { name: "Log claim as draft" }).click();
  }
  await expect(editor.getByText("Claim logged as a draft.")).toBeVisible({ timeout: 15_000 });
  return new URL(editor.url()).pathname;
}

/** Links a report from `outlet`, citing anonymous officials, to the claim at `claimPath`. */
async function linkReport(editor: Page, claimPath: string, headline: string, outlet: { query: string; option: string }) {
  await editor.goto(`${claimPath}/evidence/new`);
  await editor.getByLabel("Web address").fill(`https://example.com/${encodeURIComponent(headline)}`);
  await chooseEntity(editor, "Outlet", outlet.query, outlet.option);
  await editor.getByLabel("Headline").fill(headline);
  await editor.getByRole("group", { name: "Which way does it point?" }).getByLabel("Reports it").check();
  await editor.getByRole("group", { name: "How is it sourced?" }).getByLabel("Anonymous source").check();
  await editor.getByLabel("Or an anonymous source, described").fill("two officials");
  await editor.getByRole("button", { name: "Link evidence" }).click();
  await expect(editor.getByText("Evidence linked.")).toBeVisible({ timeout: 15_000 });
}

test("every kind of write reaches readers' cached pages on the next load", async ({ browser }) => {
  // Two sign-ins and about forty page loads on a busy 2-core machine.
  test.setTimeout(300_000);
  const unique = Math.random().toString(36).slice(2, 7);
  const minister = `Olena Cachewicz ${unique}`;
  const statement = `Minister ${unique} resigned over the grain deal`;

  const editor = await browser.newPage();
  await signIn(editor, "editor", { from: "/sign-in" });
  const claimPath = await logDraft(editor, statement, { name: minister, kind: "Person", description: "Minister of grain" });
  const linkEvidence = (headline: string, outlet: { query: string; option: string }) => linkReport(editor, claimPath, headline, outlet);

  await linkEvidence(`Minister quits, officials say ${unique}`, { query: "reuters", option: "Reuters" });
  await editor.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(editor.getByText("Published: readers can see this claim now.")).toBeVisible();
  const publicPath = (await editor.getByRole("link", { name: /Public page/ }).getAttribute("href"))!;

  const reader = await browser.newPage();
  await reader.goto(publicPath);
  const personPath = (await reader.getByRole("link", { name: minister }).getAttribute("href"))!;
  expect(personPath).toMatch(/^\/entities\//);

  // 1. A claim edit.
  await cached(reader, publicPath);
  await editor.goto(`${claimPath}/edit`);
  await editor.getByLabel("Context").fill(`She announced it on state television ${unique}.`);
  await editor.getByRole("button", { name: "Save changes" }).click();
  await expect(editor.getByText("Changes saved.")).toBeVisible({ timeout: 15_000 });
  await reader.goto(publicPath);
  await expect(reader.getByText(`She announced it on state television ${unique}.`)).toBeVisible();

  // 2. Evidence added, from another outlet.
  await cached(reader, publicPath);
  const apHeadline = `AP confirms the resignation ${unique}`;
  await linkEvidence(apHeadline, { query: "associated", option: "Associated Press" });
  await reader.goto(publicPath);
  await expect(reader.getByText(apHeadline)).toBeVisible();
  const apPath = (await reader.getByRole("link", { name: "Associated Press" }).first().getAttribute("href"))!;

  // 3. Evidence edited: the claim page and the outlet's page.
  await cached(reader, publicPath);
  await cached(reader, apPath);
  await editor.goto(claimPath);
  await editor.getByRole("link", { name: `Edit evidence: ${apHeadline}` }).click();
  const editedHeadline = `AP: minister resigned, ministry confirms ${unique}`;
  await editor.getByLabel("Headline").fill(editedHeadline);
  await editor.getByRole("button", { name: "Save evidence" }).click();
  await expect(editor.getByText("Changes saved.")).toBeVisible({ timeout: 15_000 });
  await reader.goto(publicPath);
  await expect(reader.getByText(editedHeadline)).toBeVisible();
  await expect(reader.getByText(apHeadline, { exact: true })).toHaveCount(0);
  await reader.goto(apPath);
  await expect(reader.getByText(editedHeadline)).toBeVisible();

  // 4. Evidence removed: gone from the claim page and from the outlet's page.
  await cached(reader, publicPath);
  await cached(reader, apPath);
  await editor.goto(claimPath);
  const removal = editor.locator("details").filter({ hasText: `Remove “${editedHeadline}”` });
  await removal.getByText("Remove…").click();
  await removal.getByRole("button", { name: "Remove evidence" }).click();
  await expect(editor.getByText("Evidence removed; it stays in the edit history.")).toBeVisible({ timeout: 15_000 });
  await reader.goto(publicPath);
  await expect(reader.getByText(editedHeadline)).toHaveCount(0);
  await reader.goto(apPath);
  await expect(reader.getByText(editedHeadline)).toHaveCount(0);

  // 5. A status move: the claim page, the person's page and the home page.
  await cached(reader, publicPath);
  await cached(reader, personPath);
  await reader.goto("/");
  const checker = await browser.newPage();
  await signIn(checker, "fact_checker", { from: "/sign-in" });
  await checker.goto(claimPath);
  const verification = checker.getByRole("region", { name: "Verification", exact: true });
  await verification.getByLabel(/^Corroborated/).check();
  await verification.getByLabel("Rationale").fill("Two outlets report it, one of them independently.");
  await verification.getByRole("button", { name: "Record the move" }).click();
  await expect(checker.getByText("Status changed.")).toBeVisible({ timeout: 15_000 });
  await checker.close();
  await reader.goto(publicPath);
  await expect(reader.getByRole("region", { name: "Current status" }).getByText("Corroborated", { exact: true })).toBeVisible();
  await reader.goto(personPath);
  await expect(reader.getByRole("listitem").filter({ hasText: statement }).last()).toContainText("Corroborated");
  await reader.goto("/");
  await expect(reader.getByRole("listitem").filter({ hasText: statement }).last()).toContainText("Corroborated");

  // 6. An entity renamed: its page, and the claim page that names it.
  await cached(reader, publicPath);
  await cached(reader, personPath);
  const renamed = `Olena Cachewicz-Grain ${unique}`;
  await editor.goto(`/desk${personPath}`);
  await editor.getByLabel("Name").fill(renamed);
  await editor.getByRole("button", { name: "Save", exact: true }).click();
  await expect(editor).toHaveURL(/\/desk\/entities\?saved=1/, { timeout: 15_000 });
  await reader.goto(publicPath);
  await expect(reader.getByRole("link", { name: renamed })).toBeVisible();
  await reader.goto(personPath);
  await expect(reader.getByRole("heading", { level: 1, name: renamed })).toBeVisible();

  // 7. Entities merged: the claim page names the one kept; the duplicate's page is gone.
  await cached(reader, publicPath);
  await cached(reader, personPath);
  // Unlike any name in the desk, so that no "looks like an existing entry" question comes first.
  const kept = `Bohdan Zhytomyrskyi ${unique}`;
  await editor.goto("/desk/entities/new");
  await editor.getByLabel("Name").fill(kept);
  await editor.getByLabel("Kind").selectOption({ label: "Person" });
  await editor.getByRole("button", { name: "Add", exact: true }).click();
  await expect(editor).toHaveURL(/\/desk\/entities\?created=1/, { timeout: 15_000 });
  await editor.goto(`/desk${personPath}`);
  await chooseEntity(editor, "Merge this duplicate into", `Zhytomyrskyi ${unique}`, kept);
  await editor.getByRole("button", { name: "Merge", exact: true }).click();
  await expect(editor).toHaveURL(/\/desk\/entities\?merged=1/, { timeout: 15_000 });
  await reader.goto(publicPath);
  await expect(reader.getByRole("link", { name: kept })).toBeVisible();
  expect((await reader.goto(personPath))?.status()).toBe(404);

  // 8. Unpublished: the claim page answers 404 at once.
  await cached(reader, publicPath);
  await editor.goto(claimPath);
  await editor.getByText("Unpublish…").click();
  await editor.getByRole("button", { name: "Unpublish", exact: true }).click();
  await expect(editor.getByText("Unpublished: readers no longer see this claim.")).toBeVisible();
  expect((await reader.goto(publicPath))?.status()).toBe(404);
  await reader.goto("/");
  await expect(reader.getByText(statement)).toHaveCount(0);
  await reader.close();
  await editor.close();
});

test.describe("the cache stays bounded", () => {
  test.use({ allowedConsoleErrors: [/status of 404/] });

  // 10,000 through the full app would take minutes on CI (each 404 renders the app's page);
  // lib/cache/handler.test.ts stores 10,000 not-found pages in the handler itself. Here, the app's
  // own path: made-up slugs in volume, through the real server.
  test("made-up slugs answer 404 and add nothing to the cache; a published draft shows on the next load", async ({ request, browser }) => {
    test.setTimeout(180_000);
    const FLOOD = 200;
    const before = (await (await request.get("/api/health")).json()).cache;
    expect(before.store).toBe("memory");
    const statuses = new Map<number, number>();
    const BATCH = 25;
    for (let start = 0; start < FLOOD; start += BATCH) {
      const answers = await Promise.all(
        Array.from({ length: BATCH }, (_, index) => request.get(`/claims/made-up-${start + index}-${Math.random().toString(36).slice(2)}`, { maxRedirects: 0 })),
      );
      for (const answer of answers) statuses.set(answer.status(), (statuses.get(answer.status()) ?? 0) + 1);
    }
    expect(Object.fromEntries(statuses)).toEqual({ 404: FLOOD });
    const after = (await (await request.get("/api/health")).json()).cache;
    // Other journeys may be filling the cache with real pages meanwhile, but not with hundreds.
    expect(after.entries - before.entries).toBeLessThan(FLOOD / 5);
    expect(after.entries).toBeLessThanOrEqual(after.limitEntries);
    expect(after.bytes).toBeLessThanOrEqual(after.limitBytes);

    // A draft's 404 seen by a reader, then publishing it: the next load shows the claim.
    const editor = await browser.newPage();
    await signIn(editor, "editor", { from: "/sign-in" });
    const unique = Math.random().toString(36).slice(2, 7);
    const claimPath = await logDraft(editor, `The port of Odesa reopened to grain ships ${unique}`);
    await linkReport(editor, claimPath, `Odesa port reopens ${unique}`, { query: "reuters", option: "Reuters" });
    const slug = slugify(`The port of Odesa reopened to grain ships ${unique}`);
    expect((await request.get(`/claims/${slug}`)).status()).toBe(404);
    expect((await request.get(`/claims/${slug}`)).status()).toBe(404);
    await editor.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(editor.getByText("Published: readers can see this claim now.")).toBeVisible();
    expect((await editor.getByRole("link", { name: /Public page/ }).getAttribute("href"))).toBe(`/claims/${slug}`);
    const published = await request.get(`/claims/${slug}`);
    expect(published.status()).toBe(200);
    expect(await published.text()).toContain(`Odesa port reopens ${unique}`);
    await editor.close();
  });
});

test("reader pages are ready for a CDN: public Cache-Control, a validator and 304, no cookie", async ({ request }) => {
  for (const path of ["/", "/claims/trump-spoke-with-putin", "/feeds/changes.xml", "/sitemap.xml", "/robots.txt", "/claims/trump-spoke-with-putin/feed.xml"]) {
    const first = await request.get(path);
    expect(first.status(), path).toBe(200);
    const headers = first.headers();
    expect(headers["cache-control"], path).toMatch(/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+/);
    expect(headers["set-cookie"], path).toBeUndefined();
    const etag = headers.etag;
    expect(etag, path).toBeTruthy();
    const again = await request.get(path, { headers: { "If-None-Match": etag! } });
    expect(again.status(), path).toBe(304);
    expect(await again.body(), path).toHaveLength(0);
  }
  const search = await request.get("/search?q=Peskov");
  expect(search.headers()["cache-control"]).toMatch(/^public, max-age=0, s-maxage=10,/);
  // Not found is never shared: a CDN keeping it would hide a claim published a minute later.
  const missing = await request.get("/claims/no-such-claim-at-all");
  expect(missing.status()).toBe(404);
  expect(missing.headers()["cache-control"]).toBe("no-store");
  // The desk is private.
  expect((await request.get("/desk", { maxRedirects: 0 })).headers()["cache-control"]).not.toMatch(/public/);
});
