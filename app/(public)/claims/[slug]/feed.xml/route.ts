import { getPublishedClaimSummary, listPublicStatusChanges } from "@/lib/claims/queries";
import { siteConfig } from "@/lib/env";
import { ATOM_HEADERS, statusChangesFeed } from "@/lib/feeds/atom";

// One claim's status changes. A draft or missing claim has no feed (404), like its page.
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const claim = await getPublishedClaimSummary(slug);
  if (!claim) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain" } });
  const site = siteConfig();
  const changes = await listPublicStatusChanges({ slug, take: 200 });
  const body = statusChangesFeed({
    site,
    title: `${claim.statement} (${site.name})`,
    selfPath: `/claims/${slug}/feed.xml`,
    alternatePath: `/claims/${slug}`,
    feedId: `${site.url}/claims/${slug}/feed.xml`,
    changes,
    updated: changes[0]?.createdAt ?? claim.updatedAt,
  });
  return new Response(body, { headers: ATOM_HEADERS });
}
