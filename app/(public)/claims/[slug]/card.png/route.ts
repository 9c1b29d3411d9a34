import { TAG, tagRender } from "@/lib/cache/tags";
import { getPublishedClaim } from "@/lib/claims/queries";
import { ClaimSlugSchema } from "@/lib/claims/schema";
import { siteConfig } from "@/lib/env";
import { describeIndependence, summariseIndependence } from "@/lib/evidence/independence";
import { renderClaimCard } from "@/lib/og/claim-card";

// A published claim's share card (og:image), cached like its page: drawn on the first request,
// then kept (on-demand ISR) under the claim's tag and the tags of everyone it names, so that a
// status move, an evidence change or an entity merge draws it afresh on the next request, and an
// hour is the backstop. A draft, a missing claim or a slug that cannot exist has no card (404),
// and a 404 is never stored (lib/cache/handler.mjs). docs/caching.md, docs/public-pages.md.
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams(): { slug: string }[] {
  return [];
}

const NOT_FOUND = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain" } });

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const parsed = ClaimSlugSchema.safeParse((await params).slug);
  if (!parsed.success) return NOT_FOUND();
  const claim = await getPublishedClaim(parsed.data);
  if (!claim) return NOT_FOUND();
  const named = [
    ...claim.entities.map(({ entity }) => entity.id),
    ...claim.evidence.flatMap((item) => [item.outlet?.id, item.speaker?.id]),
  ].filter((id): id is string => Boolean(id));
  await tagRender([TAG.claim(claim.slug), ...named.map(TAG.entity)], TAG.filters);
  const site = siteConfig();
  const png = await renderClaimCard({
    status: claim.status,
    statement: claim.statement,
    independence: describeIndependence(summariseIndependence(claim.evidence)),
    newsroom: site.name,
    host: new URL(site.url).host,
  });
  return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png" } });
}
