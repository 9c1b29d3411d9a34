import { describe, expect, it } from "vitest";
import { claimSlugFromUrl, oEmbedResponse, oEmbedUrl, parseOEmbedQuery } from "@/lib/embeds/oembed";

const site = { name: "The Ledger", url: "https://claims.example.org" };
const claim = { slug: "trump-spoke-with-putin", statement: "Trump spoke with Putin by phone", independence: "1 independent report" };

describe("claimSlugFromUrl", () => {
  it.each([
    ["https://claims.example.org/claims/trump-spoke-with-putin", "trump-spoke-with-putin"],
    ["https://claims.example.org/claims/trump-spoke-with-putin/", "trump-spoke-with-putin"],
    ["https://claims.example.org/claims/trump-spoke-with-putin?utm_source=x#evidence", "trump-spoke-with-putin"],
    ["https://CLAIMS.example.org:443/claims/a-b", "a-b"],
  ])("%s names %s", (url, slug) => {
    expect(claimSlugFromUrl(url, site)).toBe(slug);
  });

  it.each([
    "http://claims.example.org/claims/a-b",
    "https://claims.example.org.evil.example/claims/a-b",
    "https://evil.example/claims/a-b",
    "https://claims.example.org:8443/claims/a-b",
    "https://claims.example.org/claims/a-b/feed.xml",
    "https://claims.example.org/embed/claims/a-b",
    "https://claims.example.org/claims/",
    "https://claims.example.org/claims/Not%20A%20Slug",
    "https://claims.example.org/claims/%E0%A4%A",
    "/claims/a-b",
    "not a url",
    "javascript:alert(1)",
  ])("refuses %s", (url) => {
    expect(claimSlugFromUrl(url, site)).toBeNull();
  });

  it("follows a site served under a path", () => {
    const under = { ...site, url: "https://example.org/factcheck" };
    expect(claimSlugFromUrl("https://example.org/factcheck/claims/a-b", under)).toBe("a-b");
    expect(claimSlugFromUrl("https://example.org/claims/a-b", under)).toBeNull();
  });
});

describe("parseOEmbedQuery", () => {
  const parse = (query: string) => parseOEmbedQuery(new URLSearchParams(query));

  it("reads url, format and the maximum size", () => {
    expect(parse("url=https%3A%2F%2Fx&format=json&maxwidth=400&maxheight=300")).toEqual({
      ok: true,
      query: { url: "https://x", format: "json", maxwidth: 400, maxheight: 300 },
    });
    expect(parse("url=https%3A%2F%2Fx")).toEqual({ ok: true, query: { url: "https://x", format: "json" } });
    expect(parse("url=x&format=xml")).toMatchObject({ ok: true, query: { format: "xml" } });
  });

  it.each(["", "format=json", "url=", "url=x&format=yaml", "url=x&maxwidth=0", "url=x&maxwidth=-5", "url=x&maxwidth=12.5", "url=x&maxheight=abc", "url=x&maxwidth=999999", "url=a&url=b"])(
    "refuses %j",
    (query) => {
      expect(parse(query).ok).toBe(false);
    },
  );
});

describe("oEmbedResponse", () => {
  it("is a rich embed of the card, 600 px wide by default", () => {
    const answer = oEmbedResponse(claim, site, {});
    expect(answer).toMatchObject({ version: "1.0", type: "rich", title: claim.statement, provider_name: "The Ledger", provider_url: "https://claims.example.org/", width: 600 });
    expect(answer.cache_age).toBeGreaterThan(0);
    expect(answer.html).toContain('src="https://claims.example.org/embed/claims/trump-spoke-with-putin"');
    expect(answer.html).toContain(`width="600" height="${answer.height}"`);
  });

  it("stays within maxwidth and maxheight", () => {
    const narrow = oEmbedResponse(claim, site, { maxwidth: 280 });
    expect(narrow.width).toBe(280);
    expect(narrow.height).toBeGreaterThan(oEmbedResponse(claim, site, {}).height - 1);
    const short = oEmbedResponse(claim, site, { maxwidth: 1000, maxheight: 90 });
    expect(short).toMatchObject({ width: 600, height: 90 });
    expect(short.html).toContain('width="600" height="90"');
  });
});

describe("oEmbedUrl", () => {
  it("names the claim page, encoded", () => {
    expect(oEmbedUrl(site, "a-b")).toBe("https://claims.example.org/api/oembed?url=https%3A%2F%2Fclaims.example.org%2Fclaims%2Fa-b&format=json");
  });
});
