// What link previews, search engines and fact-check aggregators read from reader pages: Open Graph
// and Twitter tags, the share cards, and the ClaimReview of verdict pages checked by
// @adobe/structured-data-validator against schema.org and Google's ClaimReview properties.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as claimCard } from "@/app/(public)/claims/[slug]/card.png/route";
import { generateMetadata as claimMetadata } from "@/app/(public)/claims/[slug]/page";
import { generateMetadata as entityMetadata } from "@/app/(public)/entities/[id]/page";
import { generateMetadata as homeMetadata } from "@/app/(public)/page";
import { getPublishedClaim } from "@/lib/claims/queries";
import { claimPageReview } from "@/lib/claims/structured-data";
import { db } from "@/lib/db";
import { siteConfig } from "@/lib/env";
import { seedDemoData } from "@/prisma/seed";
import { describeIssues, validateJsonLd } from "@/tests/setup/structured-data";

vi.mock("next/cache", async () => (await import("@/tests/setup/next-request")).nextCacheMock);

const BASE = "https://claims.moved.example";
const before = process.env.APP_URL;

beforeEach(async () => {
  // A running address the build never saw: every absolute URL must come from it.
  process.env.APP_URL = BASE;
  await seedDemoData(db());
});
afterEach(() => {
  if (before === undefined) delete process.env.APP_URL;
  else process.env.APP_URL = before;
});

const slugParams = (slug: string) => ({ params: Promise.resolve({ slug }) });

describe("a claim page's link preview", () => {
  it("has a short og:title, the claim's card with its size and alt text, and absolute URLs on the running address", async () => {
    const claim = (await getPublishedClaim("congress-174-billion-ukraine"))!;
    const metadata = await claimMetadata(slugParams(claim.slug));
    const og = metadata.openGraph as Record<string, unknown> & { images: { url: string; width: number; height: number; alt: string; type: string }[] };
    expect(metadata.title).toBe(claim.statement);
    expect(og.url).toBe(`${BASE}/claims/${claim.slug}`);
    expect(String(og.title).length).toBeLessThanOrEqual(70);
    expect(og.title).toMatch(/^Confirmed: Congress appropriated/);
    expect(og.images).toEqual([
      {
        url: `${BASE}/claims/${claim.slug}/card.png`,
        width: 1200,
        height: 630,
        type: "image/png",
        alt: `Status: Confirmed. ${claim.statement} 1 independent report, a document. Claimtrail Demo Newsroom.`,
      },
    ]);
    expect(metadata.twitter).toMatchObject({ card: "summary_large_image", images: [{ url: `${BASE}/claims/${claim.slug}/card.png` }] });
    expect(metadata.alternates?.canonical).toBe(`${BASE}/claims/${claim.slug}`);
  });

  it("home and entity pages say what they are, where they live, and show the site card", async () => {
    const home = homeMetadata();
    expect(home.openGraph).toMatchObject({ type: "website", url: BASE, images: [{ url: `${BASE}/card.png`, width: 1200, height: 630 }] });
    expect(home.twitter).toMatchObject({ card: "summary_large_image" });
    const trump = (await db().entity.findFirstOrThrow({ where: { name: "Donald Trump" } })).id;
    const gao = (await db().entity.findFirstOrThrow({ where: { name: "US Government Accountability Office" } })).id;
    expect((await entityMetadata({ params: Promise.resolve({ id: trump }) })).openGraph).toMatchObject({
      type: "profile",
      url: `${BASE}/entities/${trump}`,
      images: [{ url: `${BASE}/card.png` }],
    });
    expect((await entityMetadata({ params: Promise.resolve({ id: gao }) })).openGraph).toMatchObject({ type: "website", url: `${BASE}/entities/${gao}` });
  });
});

describe("the claim card route", () => {
  it("draws a PNG for a published claim and answers 404 for drafts, missing and impossible slugs", async () => {
    const card = await claimCard(new Request(`${BASE}/x`), slugParams("trump-spoke-with-putin"));
    expect(card.status).toBe(200);
    expect(card.headers.get("content-type")).toBe("image/png");
    const png = Buffer.from(await card.arrayBuffer());
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(1200);
    for (const slug of ["musk-joined-trump-zelenskyy-call", "no-such-claim", "../../etc/passwd"]) {
      expect((await claimCard(new Request(`${BASE}/x`), slugParams(slug))).status, slug).toBe(404);
    }
  });
});

describe("the ClaimReview of the seeded verdict pages", () => {
  it("passes schema.org's vocabulary and Google's required and recommended ClaimReview properties", async () => {
    const verdicts = await db().claim.findMany({ where: { publication: "published", status: { in: ["confirmed", "false", "retracted"] } }, select: { slug: true } });
    expect(verdicts.length).toBeGreaterThanOrEqual(2);
    for (const { slug } of verdicts) {
      const claim = (await getPublishedClaim(slug))!;
      const review = claimPageReview(claim, siteConfig())!;
      const issues = await validateJsonLd([review]);
      console.log(`${describeIssues(`/claims/${slug}`, issues)}\n${JSON.stringify(review, null, 2)}`);
      expect(issues).toEqual([]);
      expect(review).toMatchObject({ url: `${BASE}/claims/${slug}`, claimReviewed: claim.statement, author: { url: BASE } });
    }
    const trump = claimPageReview((await getPublishedClaim("trump-end-war-in-a-day"))!, siteConfig())!;
    expect(trump.itemReviewed).toMatchObject({
      "@type": "Claim",
      author: { "@type": "Person", name: "Donald Trump" },
      firstAppearance: { url: "https://apnews.com/article/trump-ukraine-war-end-24-hours", publisher: { "@type": "Organization", name: "Associated Press" } },
      datePublished: "2024-09-11T02:00:00.000Z",
    });
  });
});
