// The card's data, cached under the claim's tag (docs/caching.md): every write that shows on the
// claim page (an edit, evidence linked or removed, a status move, unpublishing) expires it, so the
// next load of the card shows it. A miss is not kept, so made-up slugs cannot fill the cache.
import "server-only";
import { cachedData } from "@/lib/cache/data";
import { TAG } from "@/lib/cache/tags";
import { getPublishedClaim } from "@/lib/claims/queries";
import { ClaimSlugSchema } from "@/lib/claims/schema";
import type { EmbedClaim } from "@/lib/embeds/card";
import { describeIndependence, summariseIndependence } from "@/lib/evidence/independence";

/** A published claim as the card and oEmbed show it, or null (a draft, a missing or impossible slug). */
export async function getEmbedClaim(rawSlug: string): Promise<EmbedClaim | null> {
  const parsed = ClaimSlugSchema.safeParse(rawSlug);
  if (!parsed.success) return null;
  const slug = parsed.data;
  return cachedData(
    ["embed-claim", slug],
    [TAG.claim(slug)],
    async (): Promise<EmbedClaim | null> => {
      const claim = await getPublishedClaim(slug);
      if (!claim) return null;
      return {
        slug: claim.slug,
        statement: claim.statement,
        status: claim.status,
        // The claim page's own words (IndependenceLine), from the same evidence.
        independence: describeIndependence(summariseIndependence(claim.evidence)),
        updatedAt: claim.updatedAt,
      };
    },
    (value) => value !== null,
  );
}
