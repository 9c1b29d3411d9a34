// The cache handler Next.js stores reader pages in (lib/cache/handler.mjs), driven the way Next
// drives it: a flood of made-up slugs must not grow it, and it stays within its limits.
import { beforeAll, describe, expect, it } from "vitest";
import { cacheStats } from "@/lib/cache/stats";

type Handler = {
  get: (key: string, ctx?: { softTags?: string[] }) => Promise<{ value: { html: string } } | null>;
  set: (key: string, value: unknown, ctx?: { tags?: string[] }) => Promise<void>;
  revalidateTag: (tags: string | string[]) => Promise<void>;
};
let handler: Handler;

/** A page as Next stores it after rendering: HTML, its RSC payload, and the tags in a header. */
function page(status: number, html: string, tags: string[] = []) {
  return {
    kind: "APP_PAGE",
    html,
    rscData: Buffer.from(`0:${JSON.stringify(html)}`),
    headers: { "x-next-cache-tags": tags.join(",") },
    postponed: undefined,
    status,
    segmentData: new Map(),
  };
}

beforeAll(async () => {
  process.env.READER_CACHE_ENTRIES = "500";
  process.env.READER_CACHE_MB = "1";
  const { default: CacheHandler } = (await import("@/lib/cache/handler.mjs")) as unknown as { default: new (context: object) => Handler };
  handler = new CacheHandler({ dev: false, serverDistDir: "/nonexistent", revalidatedTags: [], _requestHeaders: {} });
});

describe("the reader cache", () => {
  it("keeps nothing of 10,000 not-found pages", async () => {
    for (let index = 0; index < 10_000; index += 1) {
      await handler.set(`/claims/made-up-${index}`, page(404, "<h1>We could not find that page</h1>"), { tags: [] });
    }
    expect(cacheStats()).toMatchObject({ store: "memory", entries: 0, bytes: 0 });
    expect(await handler.get("/claims/made-up-1")).toBeNull();
  }, 60_000);

  it("stays within its entries and bytes however many pages are stored", async () => {
    const html = `<article>${"A claim, its evidence and its history. ".repeat(100)}</article>`;
    for (let index = 0; index < 10_000; index += 1) {
      await handler.set(`/claims/real-${index}`, page(200, `${html}${index}`, [`claim:real-${index}`]), { tags: [] });
    }
    const stats = cacheStats()!;
    expect(stats.entries).toBeGreaterThan(0);
    expect(stats.entries).toBeLessThanOrEqual(500);
    expect(stats.bytes).toBeLessThanOrEqual(1024 * 1024);
    // The most recent pages are the ones kept.
    expect((await handler.get("/claims/real-9999"))?.value.html).toContain("9999");
    expect(await handler.get("/claims/real-0")).toBeNull();
    // Ten thousand JSON size measurements: seconds on a busy machine.
  }, 60_000);

  it("drops exactly the pages carrying an expired tag", async () => {
    await handler.set("/claims/a", page(200, "a", ["claim:a", "entity:putin"]), { tags: [] });
    await handler.set("/claims/b", page(200, "b", ["claim:b"]), { tags: [] });
    await handler.revalidateTag("entity:putin");
    expect(await handler.get("/claims/a")).toBeNull();
    expect((await handler.get("/claims/b"))?.value.html).toBe("b");
  });

  it("drops a route handler's answer cached whole (a share card) when one of its tags expires", async () => {
    // Next keeps a route's tags in the same header as a page's, and passes no others.
    const card = (tags: string[]) => ({ kind: "APP_ROUTE", body: Buffer.from("png"), headers: { "content-type": "image/png", "x-next-cache-tags": tags.join(",") }, status: 200 });
    await handler.set("/claims/a/card.png", card(["claim:a", "entity:putin"]), { tags: [] });
    await handler.set("/claims/b/card.png", card(["claim:b"]), { tags: [] });
    await handler.revalidateTag("claim:a");
    expect(await handler.get("/claims/a/card.png")).toBeNull();
    expect(await handler.get("/claims/b/card.png")).not.toBeNull();
    await handler.set("/claims/a/card.png", card(["claim:a", "entity:putin"]), { tags: [] });
    await handler.revalidateTag("entity:putin");
    expect(await handler.get("/claims/a/card.png")).toBeNull();
  });
});
