import { test as propertyTest } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { embedHeight, embedSnippet, escapeHtml, renderEmbedCard, renderEmbedNotFound, type EmbedClaim } from "@/lib/embeds/card";
import { fuzzParameters, storableHostileString } from "@/tests/fuzz/arbitraries";

const site = { name: "The Ledger", url: "https://claims.example.org" };
const claim: EmbedClaim = {
  slug: "trump-spoke-with-putin",
  statement: "Trump spoke with Putin by phone",
  status: "disputed",
  independence: "2 independent reports, both anonymous; 1 denial or dispute, on the record",
  updatedAt: new Date("2024-11-10T14:00:00Z"),
};

/** What an HTML parser makes of escaped text (the entities escapeHtml writes, and no others). */
function unescape(html: string): string {
  return html.replace(/&(amp|lt|gt|quot|#39);/g, (_match, name: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[name]!);
}

// A character no hostile generator makes and escapeHtml leaves alone: marks where user text goes.
const MARK = "\u{F0000}";

describe("escapeHtml", () => {
  it("escapes markup, quotes and ampersands", () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;");
    // An entity typed by an editor is text, shown as typed.
    expect(escapeHtml("&amp;")).toBe("&amp;amp;");
  });

  propertyTest.prop([storableHostileString], fuzzParameters(200))("leaves nothing that can open a tag, end an attribute or start an entity, and reads back as typed", (text) => {
    const escaped = escapeHtml(text);
    expect(escaped).not.toMatch(/[<>"']/);
    expect(escaped.replace(/&(amp|lt|gt|quot|#39);/g, "")).not.toContain("&");
    expect(unescape(escaped)).toBe(text);
  });
});

describe("renderEmbedCard", () => {
  it("shows the status by its label, the statement, the independence line, the date and a link that opens a new tab", () => {
    const html = renderEmbedCard(claim, site, "America/New_York");
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("<span>Disputed</span>");
    expect(html).toContain("<h1>Trump spoke with Putin by phone</h1>");
    expect(html).toContain(claim.independence);
    expect(html).toContain('Updated <time datetime="2024-11-10T14:00:00.000Z">10 Nov 2024</time>');
    expect(html).toContain('<a href="https://claims.example.org/claims/trump-spoke-with-putin" target="_blank" rel="noopener">');
  });

  it("contains no script, no event handler and nothing fetched", () => {
    for (const html of [renderEmbedCard(claim, site, "UTC"), renderEmbedNotFound(site)]) {
      expect(html).not.toMatch(/<script|\son\w+=|<link|<img|<iframe|@import|url\(/i);
    }
  });

  propertyTest.prop([storableHostileString, storableHostileString, storableHostileString], fuzzParameters(100))(
    "puts hostile statements, independence lines and newsroom names only as escaped text",
    (statement, independence, name) => {
      const html = renderEmbedCard({ ...claim, statement, independence }, { ...site, name }, "UTC");
      // The same document as with marks in their place, each mark replaced by the escaped text:
      // the hostile text changed nothing around it.
      const template = renderEmbedCard({ ...claim, statement: `${MARK}1`, independence: `${MARK}2` }, { ...site, name: `${MARK}3` }, "UTC");
      expect(html).toBe(
        template.replaceAll(`${MARK}1`, escapeHtml(statement)).replaceAll(`${MARK}2`, escapeHtml(independence)).replaceAll(`${MARK}3`, escapeHtml(name)),
      );
      expect(html.match(/<script/gi)).toBeNull();
    },
  );

  it("escapes a statement with a script, quotes and an ampersand", () => {
    const html = renderEmbedCard({ ...claim, statement: `<script>alert('x')</script> "A" & B` }, site, "UTC");
    expect(html).toContain("<h1>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;A&quot; &amp; B</h1>");
    expect(html).not.toContain("<script>");
  });
});

describe("embedSnippet", () => {
  propertyTest.prop([storableHostileString], fuzzParameters(100))("keeps a hostile statement inside the title attribute", (statement) => {
    const html = embedSnippet({ slug: claim.slug, statement }, site, { width: 600, height: 200 });
    const template = embedSnippet({ slug: claim.slug, statement: MARK }, site, { width: 600, height: 200 });
    expect(html).toBe(template.replace(MARK, escapeHtml(statement)));
  });

  it("is a sandboxed frame of the card that may open a new tab", () => {
    const html = embedSnippet(claim, site, { width: 600, height: 200 });
    expect(html).toMatch(/^<iframe src="https:\/\/claims\.example\.org\/embed\/claims\/trump-spoke-with-putin" /);
    expect(html).toContain('sandbox="allow-popups allow-popups-to-escape-sandbox"');
    expect(html).toContain('width="600" height="200"');
  });
});

describe("embedHeight", () => {
  it("grows with the statement and as the frame narrows", () => {
    const long = { ...claim, statement: "x ".repeat(250) };
    expect(embedHeight(long, 600)).toBeGreaterThan(embedHeight(claim, 600));
    expect(embedHeight(claim, 320)).toBeGreaterThanOrEqual(embedHeight(claim, 600));
    expect(embedHeight(long, 320)).toBeGreaterThan(embedHeight(long, 600));
    // A long newsroom name wraps the first and last lines.
    expect(embedHeight(claim, 320, "The Very Long Name of a Regional Newsroom Cooperative")).toBeGreaterThan(embedHeight(claim, 320, "The Ledger"));
  });
});
