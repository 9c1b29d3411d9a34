import { siteConfig } from "@/lib/env";
import { cachedData } from "@/lib/cache/data";
import { TAG } from "@/lib/cache/tags";
import { firstStatusTransitionId, listPublicStatusChanges } from "@/lib/claims/queries";
import { ATOM_HEADERS, changesFeedId, statusChangesFeed } from "@/lib/feeds/atom";

// Every status change on every published claim, newest first.
export async function GET() {
  const site = siteConfig();
  const { changes, firstTransitionId } = await cachedData(["changes-feed"], [TAG.claims], async () => ({
    changes: await listPublicStatusChanges(),
    firstTransitionId: await firstStatusTransitionId(),
  }));
  const body = statusChangesFeed({
    site,
    title: `${site.name}: claim status changes`,
    selfPath: "/feeds/changes.xml",
    alternatePath: "/",
    feedId: changesFeedId(firstTransitionId),
    changes,
    updated: changes[0]?.createdAt ?? new Date(0),
  });
  return new Response(body, { headers: ATOM_HEADERS });
}
