// oEmbed (https://oembed.com): a CMS given a claim page's address asks /api/oembed for the frame
// to paste. Pure: the route handler reads the query with OEmbedQuerySchema, finds the claim, and
// answers with oEmbedResponse. docs/embeds.md.
import { z } from "zod";
import { ClaimSlugSchema } from "@/lib/claims/schema";
import { EMBED_WIDTH, embedHeight, embedSnippet, type EmbedClaim, type EmbedSite } from "@/lib/embeds/card";

/** How long a consumer may keep the snippet: the frame always shows the current verdict, so only the title can age. */
export const OEMBED_CACHE_AGE = 86_400;

const dimension = (name: string) =>
  z
    .string()
    .regex(/^\d{1,5}$/, { error: `${name} must be a whole number of pixels` })
    .transform(Number)
    .pipe(z.number().int().min(1, { error: `${name} must be at least 1` }))
    .optional();

export const OEmbedQuerySchema = z.object({
  url: z.string({ error: "url is required" }).min(1, { error: "url is required" }).max(2_000),
  // The spec's formats; xml is a format we do not serve (501), anything else is a bad request.
  format: z.enum(["json", "xml"], { error: "format must be json or xml" }).default("json"),
  maxwidth: dimension("maxwidth"),
  maxheight: dimension("maxheight"),
});

export type OEmbedQuery = z.infer<typeof OEmbedQuerySchema>;

/** The query as the spec names it; a parameter given twice is a bad request. */
export function parseOEmbedQuery(params: URLSearchParams): { ok: true; query: OEmbedQuery } | { ok: false; message: string } {
  const raw: Record<string, string> = {};
  for (const name of ["url", "format", "maxwidth", "maxheight"] as const) {
    const values = params.getAll(name);
    if (values.length > 1) return { ok: false, message: `${name} is given more than once` };
    if (values[0] !== undefined) raw[name] = values[0];
  }
  const parsed = OEmbedQuerySchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((issue) => issue.message).join("; ") };
  return { ok: true, query: parsed.data };
}

/**
 * The slug of a claim page of this site named by `url`, or null: same scheme, host and port as
 * APP_URL, path /claims/<slug> (a trailing slash, a query and a fragment are allowed).
 */
export function claimSlugFromUrl(url: string, site: EmbedSite): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.origin !== new URL(site.url).origin) return null;
  const base = new URL(site.url).pathname.replace(/\/$/, "");
  const match = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/claims/([^/]+)/?$`).exec(parsed.pathname);
  if (!match?.[1]) return null;
  let slug: string;
  try {
    slug = decodeURIComponent(match[1]);
  } catch {
    return null;
  }
  const checked = ClaimSlugSchema.safeParse(slug);
  return checked.success ? checked.data : null;
}

export type OEmbedResponse = {
  version: "1.0";
  type: "rich";
  title: string;
  provider_name: string;
  provider_url: string;
  cache_age: number;
  html: string;
  width: number;
  height: number;
};

/**
 * The answer for one claim. Width: 600 px, or maxwidth when smaller. Height: enough for the card
 * at the narrowest width the frame may shrink to (its style lets it narrow with its column, down
 * to 320 px), or maxheight when smaller (the card then scrolls).
 */
export function oEmbedResponse(claim: Pick<EmbedClaim, "slug" | "statement" | "independence">, site: EmbedSite, query: Pick<OEmbedQuery, "maxwidth" | "maxheight">): OEmbedResponse {
  const width = Math.min(EMBED_WIDTH.max, query.maxwidth ?? EMBED_WIDTH.max);
  const natural = embedHeight(claim, Math.min(width, EMBED_WIDTH.min), site.name);
  const height = Math.min(natural, query.maxheight ?? natural);
  return {
    version: "1.0",
    type: "rich",
    title: claim.statement,
    provider_name: site.name,
    provider_url: `${site.url}/`,
    cache_age: OEMBED_CACHE_AGE,
    html: embedSnippet(claim, site, { width, height }),
    width,
    height,
  };
}

/** The oEmbed endpoint's address for a claim page (the discovery link and the desk's Embed panel). */
export function oEmbedUrl(site: EmbedSite, slug: string): string {
  return `${site.url}/api/oembed?url=${encodeURIComponent(`${site.url}/claims/${slug}`)}&format=json`;
}
