// The names reader pages and their data are cached under (docs/caching.md). Apart from
// lib/cache/tags.ts, which uses next/cache, so that background jobs (outside Next.js) can name the
// tags they expire through lib/jobs/expire.ts.
export const TAG = {
  /** A claim's page, its feed, and anything showing that claim's content. Slugs never change. */
  claim: (slug: string) => `claim:${slug}`,
  /** A person or organisation's page, and every claim page that shows their name. */
  entity: (id: string) => `entity:${id}`,
  /** Lists of published claims: home, the changes feed, the sitemap. */
  claims: "claims",
  /** What the home page's filters offer (topics, people, outlets) and the sitemap's entities. */
  filters: "filters",
} as const;
