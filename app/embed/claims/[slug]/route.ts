import { renderEmbedCard, renderEmbedNotFound } from "@/lib/embeds/card";
import { getEmbedClaim } from "@/lib/embeds/data";
import { newsroomTimeZone, siteConfig } from "@/lib/env";

// A route handler rather than a page: a page would bring Next's runtime scripts, and the card must
// run nothing. It reads no cookie and no session. Its framing policy and caching headers are set
// by the HTTP front (lib/http/security-headers.ts, lib/http/reader-cache.ts). docs/embeds.md.
const HTML = { "Content-Type": "text/html; charset=utf-8" };

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const site = siteConfig();
  const claim = await getEmbedClaim((await params).slug);
  if (!claim) return new Response(renderEmbedNotFound(site), { status: 404, headers: HTML });
  return new Response(renderEmbedCard(claim, site, newsroomTimeZone()), { headers: HTML });
}
