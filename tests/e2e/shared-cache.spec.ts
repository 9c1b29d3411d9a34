// Two instances of the app on one PostgreSQL and one Redis (REDIS_URL): a page one of them cached
// is served from the cache by the other, and a write through one is seen on the next load of the
// other (docs/caching.md, "More than one instance").
import { randomBytes } from "node:crypto";
import { DEMO_ACCOUNTS } from "@/prisma/seed";
import type { RunningPostgres } from "@/scripts/lib/embedded-postgres";
import { expect, test } from "./fixtures";
import { type AppServer, startApp, startRedis, startSeededPostgres } from "./support/servers";

test.describe.configure({ mode: "serial" });

let postgres: RunningPostgres | undefined;
let redis: { url: string; stop: () => void } | undefined;
let a: AppServer | undefined;
let b: AppServer | undefined;

test.beforeAll(async () => {
  // A database, a Redis and two production servers: slow on a busy 2-core machine.
  test.setTimeout(180_000);
  const port = Number(process.env.E2E_PORT ?? 3100);
  const database = await startSeededPostgres();
  postgres = database.postgres;
  redis = await startRedis(port + 60);
  const env = { DATABASE_URL: database.url, REDIS_URL: redis.url, AUTH_SECRET: randomBytes(32).toString("base64url") };
  [a, b] = await Promise.all([startApp(port + 61, env), startApp(port + 62, env)]);
});

test.afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  redis?.stop();
  await postgres?.stop();
});

test("a write through one instance is seen on the next load of the other", async ({ browser, request }) => {
  test.setTimeout(180_000);
  const claim = "/claims/trump-end-war-in-a-day";
  // A renders the page and stores it in Redis; B's first load is already a hit.
  const rendered = await request.get(`${a!.base}${claim}`);
  expect(rendered.status()).toBe(200);
  const fromB = await request.get(`${b!.base}${claim}`);
  // Found in the shared cache: a hit, or STALE, which Next says of an entry another instance
  // stored (it does not know the route's revalidate time until it renders the route itself); it
  // serves it and refreshes it in the background, once. Never a MISS.
  expect(["HIT", "STALE"]).toContain(fromB.headers()["x-nextjs-cache"]);
  // (Next creates the cache handler on the first request that needs it.)
  for (const server of [a!, b!]) expect((await (await request.get(`${server.base}/api/health`)).json()).cache.store).toBe("redis");
  expect(await fromB.text()).not.toContain("repeated the promise at a rally in Ohio");

  // An editor saves through A.
  const editor = await browser.newPage();
  const { email, password } = DEMO_ACCOUNTS.find((account) => account.role === "editor")!;
  await editor.goto(`${a!.base}/sign-in`);
  await editor.getByLabel("Email").fill(email);
  await editor.getByLabel("Password").fill(password);
  await editor.getByRole("button", { name: "Sign in" }).click();
  await expect(editor).not.toHaveURL(/\/sign-in/, { timeout: 15_000 });
  await editor.goto(`${a!.base}/desk/claims?q=${encodeURIComponent("in a day")}`);
  await editor.getByRole("link", { name: /could end the war in Ukraine/ }).click();
  await editor.getByRole("link", { name: "Edit claim" }).click();
  await editor.getByLabel("Context").fill("He repeated the promise at a rally in Ohio.");
  await editor.getByRole("button", { name: "Save changes" }).click();
  await expect(editor.getByText("Changes saved.")).toBeVisible({ timeout: 15_000 });
  await editor.close();

  // B has not rendered anything since; its next load shows the change.
  const afterWrite = await request.get(`${b!.base}${claim}`);
  expect(afterWrite.status()).toBe(200);
  expect(await afterWrite.text()).toContain("He repeated the promise at a rally in Ohio.");
  // And the fresh page is shared again: A's next load is a hit with the new text.
  const fromA = await request.get(`${a!.base}${claim}`);
  expect(fromA.headers()["x-nextjs-cache"]).toBe("HIT");
  expect(await fromA.text()).toContain("He repeated the promise at a rally in Ohio.");
});

test("with Redis gone, both instances keep answering from PostgreSQL", async ({ request }) => {
  redis!.stop();
  for (const server of [a!, b!]) {
    for (const path of ["/claims/trump-spoke-with-putin", "/", "/feeds/changes.xml"]) {
      const response = await request.get(`${server.base}${path}`);
      expect(response.status(), `${server.base}${path}`).toBe(200);
    }
  }
});
