import type { MetadataRoute } from "next";
import { siteConfig } from "@/lib/env";

export default function robots(): MetadataRoute.Robots {
  const { url } = siteConfig();
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ["/desk", "/sign-in", "/invite", "/search"] }],
    sitemap: `${url}/sitemap.xml`,
  };
}
