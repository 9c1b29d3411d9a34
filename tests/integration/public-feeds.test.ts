// The Atom feeds and the sitemap, parsed as their consumers would.
import { parseAtomFeed } from "feedsmith";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as claimFeed } from "@/app/(public)/claims/[slug]/feed.xml/route";
import { GET as changesFeed } from "@/app/feeds/changes.xml/route";
import robots from "@/app/robots";
import sitemap from "@/app/sitemap";
import { db } from "@/lib/db";
import { seedDemoData } from "@/prisma/seed";

// Outside a Next request, connection() (which marks the sitemap as per-request) has nothing to do.
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<object>()), connection: async () => {} }));
vi.mock("next/cache", async () => (await import("@/tests/setup/next-request")).nextCacheMock);

beforeEach(async () => {
  await seedDemoData(db());
});

async function atom(response: Response) {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
  return parseAtomFeed(await response.text());
}

describe("the status-changes feed", () => {
  it("is valid Atom listing published claims' changes with stable ids, and nothing from drafts", async () => {
    const feed = await atom(await changesFeed());
    expect(feed.title?.value).toMatch(/claim status changes/);
    const entries = feed.entries ?? [];
    expect(entries.length).toBeGreaterThan(5);
    expect(entries.every((entry) => /^urn:uuid:[0-9a-f-]{36}$/.test(entry.id ?? ""))).toBe(true);
    expect(entries[0]?.title?.value).toMatch(/^Disputed \(was unverified\): Donald Trump spoke with Vladimir Putin/);
    expect(entries.some((entry) => entry.title?.value?.includes("Elon Musk"))).toBe(false);

    const again = await atom(await changesFeed());
    expect((again.entries ?? []).map((entry) => entry.id)).toEqual(entries.map((entry) => entry.id));
  });

  it("exists per claim, and not for drafts", async () => {
    const feed = await atom(await claimFeed(new Request("http://x"), { params: Promise.resolve({ slug: "trump-spoke-with-putin" }) }));
    expect((feed.entries ?? []).map((entry) => entry.title?.value?.split(":")[0])).toEqual(["Disputed (was unverified)", "Logged as unverified"]);
    const draft = await claimFeed(new Request("http://x"), { params: Promise.resolve({ slug: "musk-joined-trump-zelenskyy-call" }) });
    expect(draft.status).toBe(404);
  });
});

describe("the sitemap", () => {
  it("lists published claims and public entity pages, never drafts", async () => {
    const urls = (await sitemap()).map((entry) => entry.url);
    expect(urls).toContain("http://localhost:3000/claims/trump-spoke-with-putin");
    expect(urls.some((url) => url.includes("musk-joined"))).toBe(false);
    expect(urls.some((url) => url.includes("/entities/"))).toBe(true);
  });
});

describe("when the newsroom moves to another domain (APP_URL)", () => {
  const before = process.env.APP_URL;
  afterEach(() => {
    if (before === undefined) delete process.env.APP_URL;
    else process.env.APP_URL = before;
  });

  async function feeds() {
    return {
      changes: await atom(await changesFeed()),
      claim: await atom(await claimFeed(new Request("http://x"), { params: Promise.resolve({ slug: "trump-spoke-with-putin" }) })),
    };
  }

  it("feed and entry ids stay the same while their links follow the new address", async () => {
    process.env.APP_URL = "https://old.example";
    const old = await feeds();
    process.env.APP_URL = "https://claims.new.example/";
    const moved = await feeds();
    for (const name of ["changes", "claim"] as const) {
      expect(old[name].id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
      expect(moved[name].id).toBe(old[name].id);
      expect((moved[name].entries ?? []).map((entry) => entry.id)).toEqual((old[name].entries ?? []).map((entry) => entry.id));
      expect(moved[name].links?.find((link) => link.rel === "self")?.href).toMatch(/^https:\/\/claims\.new\.example\/.+\.xml$/);
    }
    expect(moved.claim.id).not.toBe(moved.changes.id);
  });

  it("robots.txt names the sitemap at the running address", async () => {
    process.env.APP_URL = "https://claims.new.example";
    expect((await robots()).sitemap).toBe("https://claims.new.example/sitemap.xml");
    process.env.APP_URL = "https://other.example";
    expect((await robots()).sitemap).toBe("https://other.example/sitemap.xml");
  });
});
