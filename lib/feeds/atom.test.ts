import { describe, expect, it } from "vitest";
import { changesFeedId, claimFeedId, statusChangesFeed, uuidV5 } from "@/lib/feeds/atom";

// XML 1.0's Char production: a document holding anything else is not XML at all.
const XML_CHARS = /^[\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]*$/u;

const site = { name: "Newsroom", url: "https://news.example", logoUrl: "https://news.example/icon.svg" };

function feedWith(statement: string, rationale: string) {
  return statusChangesFeed({
    site,
    title: statement,
    selfPath: "/feeds/changes.xml",
    alternatePath: "/",
    feedId: "https://news.example/feeds/changes.xml",
    updated: new Date("2026-01-01T00:00:00Z"),
    changes: [
      {
        id: "0190a8c4-7b1e-7c3d-9a2b-123456789abc",
        fromStatus: "unverified",
        toStatus: "disputed",
        rationale,
        createdAt: new Date("2026-01-01T00:00:00Z"),
        claim: { slug: "a-claim", statement },
      },
    ],
  });
}

describe("statusChangesFeed", () => {
  it("leaves out every character XML 1.0 forbids, whatever the stored text holds", () => {
    // Found by tests/integration/fuzz-actions.test.ts: a statement holding U+FFFE made the feed unreadable.
    const body = feedWith("a\ufffeb\uffffc\u0001d\u0000e\ud800f", "g\u000bh\u001fi\udc00j");
    expect(body).toMatch(XML_CHARS);
    expect(body).toContain("abcde\ufffdf");
    expect(body).toContain("ghi\ufffdj");
  });

  it("keeps what XML allows: tabs, line breaks, right-to-left text, emoji", () => {
    const body = feedWith("tab\there\nline \u202eRTL\u202c 😀 <b>&", "ok");
    expect(body).toContain("tab\there\nline \u202eRTL\u202c 😀 &lt;b&gt;&amp;");
  });
});

describe("feed ids", () => {
  it("are RFC 9562 version 5 UUIDs", () => {
    // The RFC's own example: "www.example.com" in the DNS namespace.
    expect(uuidV5("www.example.com", "6ba7b810-9dad-11d1-80b4-00c04fd430c8")).toBe("2ed6657d-e927-568b-95e1-2665a8aea6a2");
  });

  it("name the claim or the installation, never the domain, and differ from every entry id", () => {
    const claimId = "0190a8c4-7b1e-7c3d-9a2b-123456789abc";
    expect(claimFeedId(claimId)).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(claimFeedId(claimId)).toBe(claimFeedId(claimId));
    expect(claimFeedId(claimId)).not.toBe(`urn:uuid:${claimId}`);
    expect(changesFeedId(claimId)).not.toBe(claimFeedId(claimId));
    expect(changesFeedId(claimId)).not.toBe(changesFeedId(null));
  });
});
