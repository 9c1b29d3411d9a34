// Outlet suggestion from a URL's host. Pure.

/** "https://www.reuters.com/world/…" → "reuters.com"; null for anything that is not http(s). */
export function hostOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
    return parsed.hostname.toLowerCase().replace(/^www\./, "") || null;
  } catch {
    return null;
  }
}

/** The outlet whose domain the URL is on (the longest match, so "news.bbc.co.uk" finds "bbc.co.uk"). */
export function matchOutlet<O extends { domain: string | null }>(url: string, outlets: readonly O[]): O | null {
  const host = hostOf(url);
  if (!host) return null;
  let best: O | null = null;
  for (const outlet of outlets) {
    const domain = outlet.domain;
    if (!domain || !(host === domain || host.endsWith(`.${domain}`))) continue;
    if (!best || domain.length > (best.domain?.length ?? 0)) best = outlet;
  }
  return best;
}
