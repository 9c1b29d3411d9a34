// The Atom feeds and the sitemap, parsed as their consumers would.
import { parseAtomFeed } from "feedsmith";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET as claimFeed } from "@/app/(public)/claims/[slug]/feed.xml/route";
import { GET as changesFeed } from "@/app/feeds/changes.xml/route";
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
