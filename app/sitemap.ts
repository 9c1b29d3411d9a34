import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { cachedData } from "@/lib/cache/data";
import { TAG } from "@/lib/cache/tags";
import { listSitemapEntries } from "@/lib/claims/queries";
import { siteConfig } from "@/lib/env";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  await connection();
  const { url } = siteConfig();
  const { claims, entities } = await cachedData(["sitemap"], [TAG.claims, TAG.filters], listSitemapEntries);
  return [
    { url: `${url}/`, changeFrequency: "hourly", priority: 1 },
    ...claims.map((claim) => ({ url: `${url}/claims/${claim.slug}`, lastModified: claim.updatedAt, changeFrequency: "daily" as const, priority: 0.8 })),
    ...entities.map((entity) => ({ url: `${url}/entities/${entity.id}`, lastModified: entity.updatedAt, changeFrequency: "weekly" as const, priority: 0.4 })),
  ];
}
