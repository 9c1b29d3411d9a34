// Full-text and fuzzy search over published claims, on a real Postgres with the seed story.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { MARK_START } from "@/lib/search/highlight";
import { searchPublishedClaims } from "@/lib/search/queries";
import { seedDemoData } from "@/prisma/seed";

beforeEach(async () => {
  await seedDemoData(db());
});

const slugs = async (query: string) => (await searchPublishedClaims(query)).hits.map((hit) => hit.slug);

describe("searchPublishedClaims", () => {
  it("finds claims by their statement, context and evidence quotes, and marks the matches", async () => {
    const { hits } = await searchPublishedClaims("Putin call");
    expect(hits[0]?.slug).toBe("trump-spoke-with-putin");
    expect(hits[0]?.statement).toContain(`${MARK_START}Putin`);

    const quote = await searchPublishedClaims('"pure fiction"');
    expect(quote.hits.map((hit) => hit.slug)).toEqual(["trump-spoke-with-putin"]);
    expect(quote.hits[0]?.quote).toContain(`${MARK_START}pure`);
  });

  it("ranks a claim whose statement matches above one that only mentions the word in its evidence", async () => {
    const results = await slugs("drones");
    expect(results[0]).toBe("ukraine-34-drones-moscow");
  });

  it("understands web search syntax: phrases and exclusions", async () => {
    expect(await slugs("Trump -Putin")).not.toContain("trump-spoke-with-putin");
    expect(await slugs("Trump -Putin")).toContain("trump-spoke-with-zelenskyy");
  });

  it("finds near spellings for short or misspelled queries", async () => {
    const { hits } = await searchPublishedClaims("Zelensky");
    expect(hits.map((hit) => hit.slug)).toContain("trump-spoke-with-zelenskyy");
  });

  it("never returns drafts, however well they match", async () => {
    expect(await slugs("Musk joined")).not.toContain("musk-joined-trump-zelenskyy-call");
    expect(await slugs("Elon Musk")).not.toContain("musk-joined-trump-zelenskyy-call");
    expect(await slugs("never have invaded")).toEqual([]);
  });

  it("treats any input as text: no injection, no syntax errors", async () => {
    for (const query of ["'); DROP TABLE claims; --", "a & | ! ( :* <->", "\\", "%_", "\u0000", "ドローン"]) {
      await expect(searchPublishedClaims(query)).resolves.toBeDefined();
    }
    await expect(db().claim.count()).resolves.toBeGreaterThan(0);
  });

  it("follows changes to a claim's text and evidence", async () => {
    const claim = await db().claim.findUniqueOrThrow({ where: { slug: "trump-end-war-in-a-day" }, select: { id: true } });
    await db().claim.update({ where: { id: claim.id }, data: { context: "He also promised a quick armistice." } });
    expect(await slugs("armistice")).toEqual(["trump-end-war-in-a-day"]);
    const item = await db().evidence.findFirstOrThrow({ where: { claimId: claim.id }, select: { id: true } });
    await db().evidence.update({ where: { id: item.id }, data: { quote: "A negotiated truce within a day." } });
    expect(await slugs("truce")).toEqual(["trump-end-war-in-a-day"]);
    await db().evidence.update({ where: { id: item.id }, data: { removedAt: new Date(), removedById: (await db().user.findFirstOrThrow({ select: { id: true } })).id } });
    expect(await slugs("truce")).toEqual([]);
  });
});
