import "server-only";
import { db } from "@/lib/db";

/**
 * What readers can see of a claim, as far as cached pages are concerned: whether it is published,
 * its slug, its topics, and every person or organisation whose public page shows it (people it is
 * about, outlets and speakers of its live evidence). Null when there is no such claim.
 */
export async function claimAudience(claimId: string) {
  const rows = await db().$queryRaw<{ slug: string; published: boolean; tags: string[]; about: string[]; sources: string[] }[]>`
    SELECT c.slug, c.publication = 'published' AS published, c.tags,
           COALESCE((SELECT array_agg(ce."entityId"::text ORDER BY ce."entityId") FROM claim_entities ce WHERE ce."claimId" = c.id), '{}') AS about,
           COALESCE((SELECT array_agg(DISTINCT s.id::text ORDER BY s.id::text)
                       FROM evidence e, LATERAL (VALUES (e."outletId"), (e."speakerId")) AS s(id)
                      WHERE e."claimId" = c.id AND e."removedAt" IS NULL AND s.id IS NOT NULL), '{}') AS sources
      FROM claims c WHERE c.id = ${claimId}::uuid`;
  return rows[0] ?? null;
}

export type ClaimAudience = NonNullable<Awaited<ReturnType<typeof claimAudience>>>;
