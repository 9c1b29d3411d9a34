// The site card as link previews name it (home and entity pages). Pure.
import type { SiteConfig } from "@/lib/env";
import { CARD_SIZE } from "@/lib/og/card-size";
import { siteCardAlt } from "@/lib/og/card-text";

export function siteCardImage(site: SiteConfig) {
  return { url: `${site.url}/card.png`, width: CARD_SIZE.width, height: CARD_SIZE.height, type: "image/png", alt: siteCardAlt(site.name) };
}
