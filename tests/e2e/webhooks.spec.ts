import http from "node:http";
import type { AddressInfo } from "node:net";
import AxeBuilder from "@axe-core/playwright";
import { Webhook } from "standardwebhooks";
import { expect, logClaim, signIn, test } from "./fixtures";

type Received = { id: string; type: string; slug: string; verified: boolean };

/** A receiver on another local port: answers 503 until told otherwise, and verifies every signature. */
async function startReceiver() {
  const received: Received[] = [];
  const state = { status: 503, secret: "" };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      let verified = true;
      try {
        new Webhook(state.secret).verify(body, req.headers as Record<string, string>);
      } catch {
        verified = false;
      }
      const payload = JSON.parse(body) as { type: string; data: { claim: { slug: string } } };
      received.push({ id: String(req.headers["webhook-id"]), type: payload.type, slug: payload.data.claim.slug, verified });
      res.writeHead(state.status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/claimtrail-hooks`;
  return { url, received, state, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

test("an admin registers a receiver, sees a publication's delivery in the log, and retries it", async ({ page: admin, browser }) => {
  // Two sign-ins, an evidence form and a receiver on a busy 2-core machine.
  test.setTimeout(180_000);
  const receiver = await startReceiver();
  try {
    await signIn(admin, "admin", { from: "/sign-in" });
    await admin.getByRole("navigation", { name: "Desk" }).getByRole("link", { name: "Webhooks" }).click();
    await expect(admin.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();

    // A refused form keeps every field: no event chosen.
    const form = admin.getByRole("region", { name: "Add an endpoint" });
    await form.getByLabel("Receiver URL").fill(receiver.url);
    await form.getByLabel("Description (optional)").fill("The CMS");
    await form.getByRole("button", { name: "Add endpoint" }).click();
    await expect(form.getByRole("alert")).toContainText("Choose at least one event");
    await expect(form.getByLabel("Receiver URL")).toHaveValue(receiver.url);
    await expect(form.getByLabel("Description (optional)")).toHaveValue("The CMS");
    // Keyboard: tick the events with the space bar.
    await form.getByRole("checkbox", { name: /claim\.published/ }).focus();
    await admin.keyboard.press("Space");
    await form.getByRole("checkbox", { name: /claim\.status_changed/ }).check();
    await form.getByRole("button", { name: "Add endpoint" }).click();
    await expect(admin.getByText("Endpoint added.")).toBeVisible();
    const endpointPath = new URL(admin.url()).pathname;
    receiver.state.secret = await admin.getByLabel("Signing secret").inputValue();
    expect(receiver.state.secret).toMatch(/^whsec_/);
    expect((await new AxeBuilder({ page: admin }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze()).violations).toEqual([]);

    // An editor publishes a claim of their own.
    const editor = await browser.newPage();
    await signIn(editor, "editor", { from: "/sign-in" });
    const unique = Math.random().toString(36).slice(2, 7);
    const claimPath = await logClaim(editor, `The port authority ${unique} closed the northern terminal`);
    await editor.goto(`${claimPath}/evidence/new`);
    await editor.getByLabel("Web address").fill(`https://www.reuters.com/world/terminal-${unique}`);
    await editor.getByLabel("Headline").fill(`Northern terminal closes ${unique}`);
    await editor.getByRole("group", { name: "Which way does it point?" }).getByLabel("Reports it").check();
    await editor.getByRole("group", { name: "How is it sourced?" }).getByLabel("Anonymous source").check();
    await editor.getByLabel("Or an anonymous source, described").fill("a port official");
    await editor.getByRole("button", { name: "Link evidence" }).click();
    await expect(editor.getByText("Evidence linked.")).toBeVisible();
    await editor.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(editor.getByText("Published: readers can see this claim now.")).toBeVisible();
    const slug = (await editor.getByRole("link", { name: /Public page/ }).getAttribute("href"))!.split("/").pop()!;
    await editor.close();

    // The worker beside the server tried it: the receiver answered 503, signed correctly.
    await expect.poll(() => receiver.received.filter((entry) => entry.slug === slug).length, { timeout: 30_000 }).toBeGreaterThan(0);
    const ours = () => receiver.received.filter((entry) => entry.slug === slug);
    const first = ours()[0]!;
    expect(first).toMatchObject({ type: "claim.published", verified: true });

    await admin.goto(endpointPath);
    const row = admin.getByRole("row").filter({ hasText: first.id });
    await expect(row).toContainText("claim.published");
    await expect(row).toContainText("503");

    // Back up, and Retry now: the same event, under the same webhook-id, delivered.
    receiver.state.status = 200;
    const before = ours().length;
    await row.getByRole("button", { name: /Retry now/ }).click();
    await expect(row.getByRole("status")).toContainText("Queued");
    await expect.poll(() => ours().length, { timeout: 30_000 }).toBeGreaterThan(before);
    expect(ours().every((entry) => entry.id === first.id && entry.verified)).toBe(true);
    await expect
      .poll(
        async () => {
          await admin.reload();
          return admin.getByRole("row").filter({ hasText: first.id }).innerText();
        },
        { timeout: 30_000 },
      )
      .toMatch(/Delivered[\s\S]*200/);
    expect((await new AxeBuilder({ page: admin }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze()).violations).toEqual([]);

    // Delete, with confirmation.
    await admin.getByRole("button", { name: "Delete endpoint" }).click();
    await expect(admin.getByRole("alert", { name: "There is a problem" })).toContainText("Tick the box");
    await admin.getByLabel(/Yes, delete this endpoint/).check();
    await admin.getByRole("button", { name: "Delete endpoint" }).click();
    await expect(admin.getByText("The endpoint was deleted.")).toBeVisible();
  } finally {
    await receiver.close();
  }
});

test.describe("refusals", () => {
  // The browser logs every 403 page it loads.
  test.use({ allowedConsoleErrors: [/status of 403/] });

  test("an editor cannot reach the webhook screens", async ({ page }) => {
    await signIn(page, "editor", { from: "/sign-in" });
    await expect(page.getByRole("navigation", { name: "Desk" }).getByRole("link", { name: "Webhooks" })).toHaveCount(0);
    const response = await page.goto("/desk/webhooks");
    expect(response?.status()).toBe(403);
  });
});
