import { cachedData } from "@/lib/cache/data";
import { TAG } from "@/lib/cache/tags";
import { getPublishedClaimSummary, listPublicStatusChanges } from "@/lib/claims/queries";
import { ClaimSlugSchema } from "@/lib/claims/schema";
import { siteConfig } from "@/lib/env";
import { ATOM_HEADERS, claimFeedId, statusChangesFeed } from "@/lib/feeds/atom";

const NOT_FOUND = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain" } });

// One claim's status changes. A draft or missing claim has no feed (404), like its page; nor has a
// slug that cannot exist, which never reaches the database.
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const parsed = ClaimSlugSchema.safeParse((await params).slug);
  if (!parsed.success) return NOT_FOUND();
  const slug = parsed.data;
  // Cached under the claim's tag; a miss is not kept.
  const found = await cachedData(
    ["claim-feed", slug],
    [TAG.claim(slug)],
    async () => {
      const claim = await getPublishedClaimSummary(slug);
      return claim ? { claim, changes: await listPublicStatusChanges({ slug, take: 200 }) } : null;
    },
    (value) => value !== null,
  );
  if (!found) return NOT_FOUND();
  const { claim, changes } = found;
  const site = siteConfig();
  const body = statusChangesFeed({
    site,
    title: `${claim.statement} (${site.name})`,
    selfPath: `/claims/${slug}/feed.xml`,
    alternatePath: `/claims/${slug}`,
    feedId: claimFeedId(claim.id),
    changes,
    updated: changes[0]?.createdAt ?? claim.updatedAt,
  });
  return new Response(body, { headers: ATOM_HEADERS });
}
