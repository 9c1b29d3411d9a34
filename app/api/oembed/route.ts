import { getEmbedClaim } from "@/lib/embeds/data";
import { claimSlugFromUrl, oEmbedResponse, parseOEmbedQuery } from "@/lib/embeds/oembed";
import { siteConfig } from "@/lib/env";

// oEmbed for claim pages (https://oembed.com, section 2.3). Public and read-only: anyone may ask,
// from anywhere (CORS open), and nothing of the asker's is read. docs/embeds.md.
const CORS = { "Access-Control-Allow-Origin": "*" };

function error(status: number, message: string): Response {
  return new Response(`${message}\n`, { status, headers: { ...CORS, "Content-Type": "text/plain; charset=utf-8" } });
}

export async function GET(request: Request) {
  const parsed = parseOEmbedQuery(new URL(request.url).searchParams);
  if (!parsed.ok) return error(400, parsed.message);
  const { query } = parsed;
  // The spec: a provider that does not serve the requested format answers 501.
  if (query.format === "xml") return error(501, "Only format=json is served.");
  const site = siteConfig();
  const slug = claimSlugFromUrl(query.url, site);
  if (!slug) return error(404, "url is not a claim page of this site.");
  const claim = await getEmbedClaim(slug);
  if (!claim) return error(404, "No published claim has that address.");
  return Response.json(oEmbedResponse(claim, site, query), { headers: { ...CORS, "Content-Type": "application/json; charset=utf-8" } });
}
