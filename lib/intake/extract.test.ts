import { expect, test } from "vitest";
import { extractArticle, extractFromHtml, extractFromText, looksLikeHtml } from "@/lib/intake/extract";

test("pasted text: paragraphs by blank lines, or by line breaks when there is none; a short first line is the headline", () => {
  expect(extractFromText("Ministers met\n\nThe two met.\nStill the same paragraph.\n\nAnother one.")).toMatchObject({
    headline: "Ministers met",
    text: "The two met. Still the same paragraph.\n\nAnother one.",
  });
  expect(extractFromText("The two met.\r\nThe embassy declined to comment.")).toMatchObject({
    headline: null,
    text: "The two met.\n\nThe embassy declined to comment.",
  });
});

test("HTML is read as a page; text that merely mentions a tag is text", () => {
  expect(looksLikeHtml("<!DOCTYPE html><html><body><p>x</p></body></html>")).toBe(true);
  expect(looksLikeHtml("The <p> tag was discussed.")).toBe(false);
  expect(extractArticle("<p>The two ministers met.</p>").text).toBe("The two ministers met.");
});

test("JSON-LD wins over Open Graph, Open Graph over <time>; a broken JSON-LD block is skipped", () => {
  const article = extractFromHtml(`<!doctype html><html><head>
    <script type="application/ld+json">{ not json</script>
    <script type="application/ld+json">[{"@type":["NewsArticle"],"headline":"From JSON-LD","datePublished":"2024-11-08T09:30:00-05:00","author":"Jo Writer","publisher":{"name":"The Outlet"}}]</script>
    <meta property="og:title" content="From OG"><meta property="article:published_time" content="2020-01-01T00:00:00Z">
    <meta property="og:url" content="https://outlet.example/a"></head>
    <body><h1>From H1</h1><time datetime="2019-01-01">then</time><p>Body text.</p></body></html>`);
  expect(article).toMatchObject({
    headline: "From JSON-LD",
    publishedAt: "2024-11-08T14:30:00.000Z",
    author: "Jo Writer",
    outlet: "The Outlet",
    canonicalUrl: "https://outlet.example/a",
  });
});

test("without JSON-LD or Open Graph: the <time datetime>, the h1 and the page address given", () => {
  const article = extractFromHtml(
    `<html><body><h1>Headline</h1><time datetime="2024-11-08T10:00:00Z">Friday</time><p>One paragraph.</p></body></html>`,
    "https://outlet.example/story",
  );
  expect(article).toMatchObject({ headline: "Headline", publishedAt: "2024-11-08T10:00:00.000Z", canonicalUrl: "https://outlet.example/story", text: "One paragraph." });
});

test("a canonical link that is not a web address is dropped", () => {
  expect(extractFromHtml(`<html><head><link rel="canonical" href="javascript:alert(1)"></head><body><p>x</p></body></html>`).canonicalUrl).toBeNull();
});
