// The readable text of an HTML page: Mozilla's Readability (Firefox's reader view) on linkedom, a
// small server-side DOM. Pure and synchronous, so the archive job, the link-rot check and (later)
// article intake can share it. Falls back to the body's text when Readability finds no article.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";

export type Readable = { title: string; text: string };

/** Runs of blank space inside a line become one space; three or more line breaks become two. */
function tidy(text: string): string {
  return text
    .split("\n")
    .map((line) => line.replace(/[ \t\f\v\u00a0]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

export function extractReadable(html: string, url: string): Readable {
  // linkedom builds no <html> element around a fragment; Readability and `title` need one.
  const { document } = parseHTML(/<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`);
  // Readability resolves relative links against the document's URL.
  try {
    const base = document.createElement("base");
    base.setAttribute("href", url);
    document.head?.prepend(base);
  } catch {
    // A page without a head: links stay relative, the text is the same.
  }
  const fallbackTitle = document.title ?? "";
  const fallbackText = document.body?.textContent ?? "";
  let article: { title?: string | null; textContent?: string | null } | null = null;
  try {
    article = new Readability(document as unknown as Document).parse();
  } catch {
    article = null;
  }
  const text = article?.textContent?.trim() ? article.textContent : fallbackText;
  return { title: tidy(article?.title || fallbackTitle), text: tidy(text) };
}
