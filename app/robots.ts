import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { siteConfig } from "@/lib/env";

// At run time, so that the Sitemap line names the running APP_URL, not the build's.
export default async function robots(): Promise<MetadataRoute.Robots> {
  await connection();
  const { url } = siteConfig();
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ["/desk", "/sign-in", "/invite", "/search"] }],
    sitemap: `${url}/sitemap.xml`,
  };
}
