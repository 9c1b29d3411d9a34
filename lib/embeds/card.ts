// The embeddable card (/embed/claims/<slug>): one complete HTML document written from a template,
// with no script of any kind (not even Next's runtime, which a page would bring), so that an
// article framing it runs nothing of ours. Pure and isomorphic: the route handler loads the data,
// this turns it into bytes. Every piece of text goes through escapeHtml; the template itself holds
// no user text. docs/embeds.md.
import { formatDateTime } from "@/components/ui/date-time";
import { STATUS_INFO, type StatusInfo } from "@/lib/claims/status";
import type { VerificationStatus } from "@/lib/generated/prisma/enums";

/** What the card shows: everything is already public on the claim page. */
export type EmbedClaim = {
  slug: string;
  statement: string;
  status: VerificationStatus;
  /** The independence line, in the claim page's words (describeIndependence). */
  independence: string;
  updatedAt: Date;
};

export type EmbedSite = { name: string; url: string };

/** Text for an HTML text node or a double- or single-quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

// The same shapes as the site's StatusBadge: the status never rests on colour alone.
const TONE_ICON: Record<StatusInfo["tone"], string> = { neutral: "○", positive: "✓", warning: "!", negative: "✕" };

/** The widths the card is laid out for; oEmbed's maxwidth can ask for less, never for more. */
export const EMBED_WIDTH = { min: 320, max: 600 } as const;

// Small, and only system fonts: nothing for the reader's browser to fetch. Light and dark follow
// the reader's setting (prefers-color-scheme), with the site's colours and their dark mirrors, all
// at WCAG AA contrast or better.
export const EMBED_CSS = `
:root{color-scheme:light dark;--bg:#fff;--ink:#1c1f24;--muted:#5b6270;--rule:#e2e4e8;--link:#8a1c1c;
--neutral:#4b5563;--neutral-bg:#f1f2f4;--positive:#11643a;--positive-bg:#e6f4ec;--warning:#8a4b00;--warning-bg:#fdf0dc;--negative:#9b1c1c;--negative-bg:#fbe9e9}
@media (prefers-color-scheme:dark){:root{--bg:#17191d;--ink:#eceef1;--muted:#b0b6c0;--rule:#3a3e46;--link:#ffb4b4;
--neutral:#d0d4da;--neutral-bg:#2b2e34;--positive:#8fe0b0;--positive-bg:#123522;--warning:#ffd08a;--warning-bg:#3b2a0c;--negative:#ffb4b4;--negative-bg:#401616}}
*{box-sizing:border-box}
html,body{margin:0;background:var(--bg);color:var(--ink)}
body{font:15px/1.4 ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;-webkit-text-size-adjust:100%}
main{padding:12px 16px;border:1px solid var(--rule);border-radius:8px;min-height:100vh}
p{margin:0}
.kicker{font-size:12px;font-weight:600;letter-spacing:.06em;text-transform:uppercase;color:var(--muted)}
.badge{display:inline-flex;gap:6px;align-items:center;margin-top:8px;padding:3px 10px;border-radius:999px;font-size:13px;font-weight:700;letter-spacing:.04em;text-transform:uppercase}
.neutral{color:var(--neutral);background:var(--neutral-bg)}.positive{color:var(--positive);background:var(--positive-bg)}
.warning{color:var(--warning);background:var(--warning-bg)}.negative{color:var(--negative);background:var(--negative-bg)}
h1{margin:8px 0 0;font:700 18px/1.35 "Iowan Old Style","Palatino Linotype",Palatino,Georgia,"Times New Roman",serif;overflow-wrap:anywhere}
.independence{margin-top:8px}
.meta{margin-top:8px;font-size:13px;color:var(--muted)}
a{color:var(--link);font-weight:600;text-underline-offset:2px}
a:focus-visible{outline:3px solid var(--link);outline-offset:2px}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`.trim();

function document(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><meta name="referrer" content="strict-origin-when-cross-origin"><title>${escapeHtml(title)}</title><style>${EMBED_CSS}</style></head>
<body>${body}</body></html>
`;
}

/** The claim page's address. */
export function claimUrl(site: EmbedSite, slug: string): string {
  return `${site.url}/claims/${encodeURIComponent(slug)}`;
}

/** The card's address. */
export function embedUrl(site: EmbedSite, slug: string): string {
  return `${site.url}/embed/claims/${encodeURIComponent(slug)}`;
}

/** The card for a published claim, as a whole HTML document. */
export function renderEmbedCard(claim: EmbedClaim, site: EmbedSite, timeZone: string): string {
  const info = STATUS_INFO[claim.status];
  const updated = formatDateTime(claim.updatedAt, timeZone);
  const body = `<main>
<p class="kicker">Claim tracked by ${escapeHtml(site.name)}</p>
<p class="badge ${info.tone}"><span class="sr">Status: </span><span aria-hidden="true">${TONE_ICON[info.tone]}</span><span>${escapeHtml(info.label)}</span></p>
<h1>${escapeHtml(claim.statement)}</h1>
<p class="independence">${escapeHtml(claim.independence)}</p>
<p class="meta">Updated <time datetime="${claim.updatedAt.toISOString()}">${escapeHtml(updated)}</time> · <a href="${escapeHtml(claimUrl(site, claim.slug))}" target="_blank" rel="noopener">See the evidence on ${escapeHtml(site.name)}<span class="sr"> (opens in a new tab)</span></a></p>
</main>`;
  return document(`${info.label}: ${claim.statement} · ${site.name}`, body);
}

/** What a frame shows for a claim that does not exist or is not published: small, and frameable too. */
export function renderEmbedNotFound(site: EmbedSite): string {
  const body = `<main>
<p class="kicker">${escapeHtml(site.name)}</p>
<h1>This claim is not available</h1>
<p class="meta">It may have been unpublished, or the address is wrong. <a href="${escapeHtml(site.url)}/" target="_blank" rel="noopener">See all published claims<span class="sr"> (opens in a new tab)</span></a></p>
</main>`;
  return document(`Claim not available · ${site.name}`, body);
}

/**
 * A height at which the card shows whole at `width` pixels, from the lengths of its texts (the
 * newsroom's name is in the first line and the last). Generous: average glyphs are narrower than
 * these, and a frame a little too tall only shows the card's background.
 */
export function embedHeight(claim: Pick<EmbedClaim, "statement" | "independence">, width: number, siteName = ""): number {
  const inner = Math.max(width, 200) - 34;
  const lines = (length: number, pxPerChar: number) => Math.max(1, Math.ceil((length * pxPerChar) / inner));
  // "CLAIM TRACKED BY <NEWSROOM>", in spaced capitals.
  const kicker = lines(18 + siteName.length, 9) * 17;
  const statement = lines(claim.statement.length, 10) * 25;
  const independence = lines(claim.independence.length, 8.5) * 21;
  // "Updated 10 Nov 2024 · See the evidence on <newsroom>".
  const meta = lines(43 + siteName.length, 7.5) * 19;
  // Padding and borders 26, badge 8 + 26, gaps 3 × 8, slack 16.
  return Math.ceil(26 + kicker + 34 + statement + 24 + independence + meta + 16);
}

/** The snippet an article pastes: a sandboxed frame that may open the claim page in a new tab, and nothing else. */
export function embedSnippet(claim: Pick<EmbedClaim, "slug" | "statement">, site: EmbedSite, size: { width: number; height: number }): string {
  const title = `${site.name}: status of the claim “${claim.statement}”`;
  return `<iframe src="${escapeHtml(embedUrl(site, claim.slug))}" title="${escapeHtml(title)}" width="${size.width}" height="${size.height}" style="border:0;max-width:100%" loading="lazy" sandbox="allow-popups allow-popups-to-escape-sandbox" referrerpolicy="strict-origin-when-cross-origin"></iframe>`;
}
