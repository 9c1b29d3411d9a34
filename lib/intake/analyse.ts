import "server-only";
// Intake from end to end: fetch (or take the pasted article), extract, propose, then match the
// proposals to the desk's entities and claims. Extraction and proposals are pure (extract.ts,
// propose.ts); only fetch.ts reaches the network and queries.ts the database.
import { extractArticle, extractFromHtml, type ExtractedArticle } from "@/lib/intake/extract";
import { fetchArticlePage } from "@/lib/intake/fetch";
import { proposeFromArticle, type Proposals } from "@/lib/intake/propose";
import { matchProposals, type ProposalMatches } from "@/lib/intake/queries";
import type { IntakeAnalyseInput } from "@/lib/intake/schema";
import { instantToWallClock } from "@/lib/time/wall-clock";

export type IntakeAnalysis = {
  article: ExtractedArticle & {
    /** The publication time as the editor's datetime-local input shows it, in their zone. */
    publishedAtLocal: string;
    /** The address fetched, after redirects (a URL was given). */
    fetchedUrl: string | null;
  };
  proposals: Proposals;
  matches: ProposalMatches;
};

export async function analyseArticle(input: IntakeAnalyseInput, timeZone: string): Promise<IntakeAnalysis> {
  let article: ExtractedArticle;
  let fetchedUrl: string | null = null;
  if (input.article) {
    article = extractArticle(input.article, input.url);
  } else {
    const page = await fetchArticlePage(input.url!);
    fetchedUrl = page.finalUrl;
    article = extractFromHtml(page.html, page.finalUrl);
  }
  // The address the editor gave is the evidence's, when the page names no canonical one.
  if (!article.canonicalUrl && input.url) article = { ...article, canonicalUrl: input.url };
  const proposals = proposeFromArticle(article);
  const matches = await matchProposals(proposals, article.outlet);
  return {
    article: {
      ...article,
      publishedAtLocal: article.publishedAt ? instantToWallClock(new Date(article.publishedAt), timeZone) : "",
      fetchedUrl,
    },
    proposals,
    matches,
  };
}
