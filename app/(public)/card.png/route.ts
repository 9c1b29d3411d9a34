import { connection } from "next/server";
import { siteConfig } from "@/lib/env";
import { renderSiteCard } from "@/lib/og/claim-card";

// The site's share card (og:image of the home and entity pages). It names the running newsroom
// and host (NEWSROOM_NAME, APP_URL), so it is drawn at run time, not at build, once per process
// and configuration; the HTTP front and CDNs keep it like any reader answer.
const drawn = new Map<string, Promise<Buffer>>();

export async function GET() {
  await connection();
  const site = siteConfig();
  const key = `${site.name}\n${site.url}`;
  let png = drawn.get(key);
  if (!png) {
    png = renderSiteCard({ newsroom: site.name, host: new URL(site.url).host });
    drawn.set(key, png);
    png.catch(() => drawn.delete(key));
  }
  return new Response(new Uint8Array(await png), { headers: { "Content-Type": "image/png" } });
}
