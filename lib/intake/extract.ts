// An article's main text and metadata, from a page's HTML or from pasted text. Pure and
// synchronous: no database, no network (the URL is fetched by lib/intake/fetch.ts).
//
// Readability runs on linkedom's DOM (a light server-side DOM; jsdom would do the same for ten
// times the start-up cost). Metadata comes first from what the publisher states for machines
// (JSON-LD NewsArticle, then Open Graph / article:*, then <time datetime>), and only then from
// Readability's guesses.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";

export type ExtractedArticle = {
  /** The main text: paragraphs separated by a blank line. Proposal offsets point into it. */
  text: string;
  headline: string | null;
  /** The outlet (site name, JSON-LD publisher). */
  outlet: string | null;
  author: string | null;
  /** An ISO 8601 instant, or null when the page does not say. */
  publishedAt: string | null;
  canonicalUrl: string | null;
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const ARTICLE_TYPES = new Set(["NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting", "Report"]);
const BLOCKS = "p, h2, h3, h4, h5, h6, li, blockquote, pre";

/** Collapses runs of white space inside one paragraph. */
function clean(text: string | null | undefined): string {
  return (text ?? "").replace(/\s+/g, " ").trim();
}

function orNull(text: string | null | undefined): string | null {
  const value = clean(text);
  return value === "" ? null : value;
}

/** An ISO instant from a date string a page gives, or null when it is not one. */
export function toInstant(value: string | null | undefined): string | null {
  const text = clean(value);
  if (!text) return null;
  const time = Date.parse(text);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function nameOf(value: Json | undefined): string | null {
  if (typeof value === "string") return orNull(value);
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((name): name is string => Boolean(name));
    return names.length ? names.join(", ") : null;
  }
  if (value && typeof value === "object" && typeof value.name === "string") return orNull(value.name);
  return null;
}

function typesOf(node: { [key: string]: Json }): string[] {
  const type = node["@type"];
  if (typeof type === "string") return [type];
  return Array.isArray(type) ? type.filter((item): item is string => typeof item === "string") : [];
}

/** The first article node of a page's JSON-LD blocks (top level, arrays or @graph). */
function jsonLdArticle(document: Document): { [key: string]: Json } | null {
  const queue: Json[] = [];
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      queue.push(JSON.parse(script.textContent ?? "") as Json);
    } catch {
      // A broken block on the page: the other sources still apply.
    }
  }
  while (queue.length) {
    const node = queue.shift();
    if (Array.isArray(node)) queue.push(...node);
    else if (node && typeof node === "object") {
      if (typesOf(node).some((type) => ARTICLE_TYPES.has(type))) return node;
      if (Array.isArray(node["@graph"])) queue.push(...node["@graph"]);
    }
  }
  return null;
}

function meta(document: Document, ...keys: string[]): string | null {
  for (const key of keys) {
    const element = document.querySelector(`meta[property="${key}"], meta[name="${key}"]`);
    const content = orNull(element?.getAttribute("content"));
    if (content) return content;
  }
  return null;
}

/** Paragraph texts from HTML (Readability's content, or the page itself when it found none). */
function blocksOf(root: ParentNode): string[] {
  const blocks: string[] = [];
  for (const element of root.querySelectorAll(BLOCKS)) {
    // A list item or quote wrapping paragraphs is read through its paragraphs.
    if (element.querySelector(BLOCKS)) continue;
    const text = clean(element.textContent);
    if (text) blocks.push(text);
  }
  return blocks;
}

/** Whether pasted input is a page's HTML rather than its text. */
export function looksLikeHtml(input: string): boolean {
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<article[\s>]|<p[\s>])/i.test(input);
}

export function extractFromHtml(html: string, pageUrl?: string): ExtractedArticle {
  const { document } = parseHTML(html);
  // Metadata first: Readability rewrites the document it reads.
  const ld = jsonLdArticle(document);
  const canonical =
    orNull(document.querySelector('link[rel="canonical"]')?.getAttribute("href")) ??
    meta(document, "og:url") ??
    (ld && typeof ld.url === "string" ? orNull(ld.url) : null) ??
    pageUrl ??
    null;
  const headline =
    (ld ? nameOf(ld.headline) : null) ?? meta(document, "og:title", "twitter:title") ?? orNull(document.querySelector("h1")?.textContent);
  const outlet = (ld ? nameOf(ld.publisher) : null) ?? meta(document, "og:site_name", "application-name");
  const metaAuthor = meta(document, "author");
  const author = (ld ? nameOf(ld.author) : null) ?? (metaAuthor && !/^https?:/.test(metaAuthor) ? metaAuthor : null);
  const publishedAt =
    toInstant(ld && typeof ld.datePublished === "string" ? ld.datePublished : null) ??
    toInstant(meta(document, "article:published_time", "og:published_time", "date", "dc.date")) ??
    toInstant(document.querySelector("time[datetime]")?.getAttribute("datetime"));

  const pageTitle = orNull(document.querySelector("title")?.textContent);
  const fallbackBlocks = blocksOf(document);
  let blocks: string[] = [];
  let readable: ReturnType<Readability<string>["parse"]> = null;
  try {
    readable = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  } catch {
    readable = null;
  }
  if (readable?.content) blocks = blocksOf(parseHTML(`<!doctype html><html><body>${readable.content}</body></html>`).document);
  if (blocks.length === 0) blocks = fallbackBlocks;
  // Readability often keeps the headline as the first block: the text starts with the story.
  const title = headline ?? orNull(readable?.title) ?? pageTitle;
  if (title && blocks[0] === title) blocks.shift();

  return {
    text: blocks.join("\n\n"),
    headline: title,
    outlet: outlet ?? orNull(readable?.siteName),
    author: author ?? orNull(readable?.byline),
    publishedAt: publishedAt ?? toInstant(readable?.publishedTime),
    canonicalUrl: canonical && /^https?:\/\//i.test(canonical) ? canonical : null,
  };
}

/**
 * Pasted text: paragraphs are separated by blank lines, or by single line breaks when the text
 * has no blank line (a copy from a browser). A short first line without a full stop is the headline.
 */
export function extractFromText(input: string): ExtractedArticle {
  const normalised = input.replace(/\r\n?/g, "\n").trim();
  const separator = /\n[ \t]*\n/.test(normalised) ? /\n[ \t]*\n+/ : /\n+/;
  const paragraphs = normalised
    .split(separator)
    .map((paragraph) => clean(paragraph))
    .filter(Boolean);
  let headline: string | null = null;
  const first = paragraphs[0];
  if (first && paragraphs.length > 1 && first.length <= 200 && !/[.!?:"”]$/.test(first)) {
    headline = first;
    paragraphs.shift();
  }
  return { text: paragraphs.join("\n\n"), headline, outlet: null, author: null, publishedAt: null, canonicalUrl: null };
}

/** Either kind of pasted input. */
export function extractArticle(input: string, pageUrl?: string): ExtractedArticle {
  return looksLikeHtml(input) ? extractFromHtml(input, pageUrl) : extractFromText(input);
}
