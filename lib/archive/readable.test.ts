import { describe, expect, it } from "vitest";
import { extractReadable } from "@/lib/archive/readable";

const ARTICLE = `<!doctype html><html><head><title>Ministers met in Geneva | Daily</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Ministers met in Geneva</h1>
<p>The two ministers met secretly in Geneva on Thursday, two officials said, speaking on condition of anonymity because they were not authorised to speak.</p>
<p>The ministry's spokeswoman called the report false. The embassy declined to comment when reached by telephone on Friday morning.</p>
<p>Talks on a prisoner exchange have stalled for months, according to diplomats familiar with the negotiations between the two governments.</p>
<script>document.body.innerHTML = "tampered"</script>
</article>
<footer>© Daily 2024. All rights reserved.</footer></body></html>`;

describe("extractReadable", () => {
  it("keeps the article's paragraphs and drops navigation, footer and scripts", () => {
    const { title, text } = extractReadable(ARTICLE, "https://daily.example/world/geneva");
    expect(title).toContain("Ministers met in Geneva");
    expect(text).toContain("The two ministers met secretly in Geneva on Thursday");
    expect(text).toContain("The embassy declined to comment");
    expect(text).not.toContain("All rights reserved");
    expect(text).not.toContain("tampered");
  });

  it("falls back to the body's text for a page that is not an article", () => {
    const { text } = extractReadable("<html><body><p>Page not found</p></body></html>", "https://daily.example/x");
    expect(text).toBe("Page not found");
  });

  it("copes with text that is not HTML at all", () => {
    expect(extractReadable("just words", "https://daily.example/").text).toBe("just words");
  });
});
