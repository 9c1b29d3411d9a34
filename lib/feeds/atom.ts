// Atom (RFC 4287) documents for status changes. Pure. Entry ids are the transitions' UUIDs, which
// never change (history is append-only), so feed readers never see an entry twice. Feed ids are
// URNs too, never the site's address, so that they survive a move to another domain.
import { createHash } from "node:crypto";
import { STATUS_INFO } from "@/lib/claims/status";
import type { SiteConfig } from "@/lib/env";
import type { VerificationStatus } from "@/lib/generated/prisma/enums";

export type FeedChange = {
  id: string;
  fromStatus: VerificationStatus | null;
  toStatus: VerificationStatus;
  rationale: string;
  createdAt: Date;
  claim: { slug: string; statement: string };
};

const escapeXml = (text: string) =>
  text
    // Characters XML 1.0 forbids outright: most C0 controls, U+FFFE and U+FFFF, and unpaired
    // surrogates (made U+FFFD first). Any of them makes the whole feed unreadable to a parser.
    .toWellFormed()
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");

function entryTitle(change: FeedChange): string {
  const to = STATUS_INFO[change.toStatus].label;
  return change.fromStatus
    ? `${to} (was ${STATUS_INFO[change.fromStatus].label.toLowerCase()}): ${change.claim.statement}`
    : `Logged as ${to.toLowerCase()}: ${change.claim.statement}`;
}

/** A name-based (version 5, SHA-1) UUID, RFC 9562 section 5.5. */
export function uuidV5(name: string, namespace: string): string {
  const hash = createHash("sha1").update(Buffer.from(namespace.replace(/-/g, ""), "hex")).update(name, "utf8").digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Claimtrail's namespace for the ids of its feeds (a random UUID, fixed once). */
const FEED_NAMESPACE = "3f1d4c52-8f0e-4a7b-9d55-6c2e0b7a91d4";

/** One claim's feed: named after the claim's own id, which never changes and is never reused. */
export function claimFeedId(claimId: string): string {
  return `urn:uuid:${uuidV5(`claim-feed:${claimId}`, FEED_NAMESPACE)}`;
}

/**
 * The changes feed of this installation: named after the first status change its database
 * recorded (append-only, so fixed from then on, and unique to this database). Before any claim is
 * logged there is nothing to subscribe to, and a provisional id stands in.
 */
export function changesFeedId(firstTransitionId: string | null): string {
  return `urn:uuid:${uuidV5(`changes-feed:${firstTransitionId ?? "empty"}`, FEED_NAMESPACE)}`;
}

export function statusChangesFeed(options: {
  site: SiteConfig;
  title: string;
  selfPath: string;
  alternatePath: string;
  feedId: string;
  changes: FeedChange[];
  updated: Date;
}): string {
  const { site, changes } = options;
  const entries = changes.map((change) => {
    const link = `${site.url}/claims/${change.claim.slug}`;
    return `  <entry>
    <id>urn:uuid:${change.id}</id>
    <title>${escapeXml(entryTitle(change))}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(link)}"/>
    <updated>${change.createdAt.toISOString()}</updated>
    <published>${change.createdAt.toISOString()}</published>
    <summary type="text">${escapeXml(change.rationale)}</summary>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${escapeXml(options.feedId)}</id>
  <title>${escapeXml(options.title)}</title>
  <updated>${options.updated.toISOString()}</updated>
  <author><name>${escapeXml(site.name)}</name><uri>${escapeXml(site.url)}</uri></author>
  <link rel="self" type="application/atom+xml" href="${escapeXml(site.url + options.selfPath)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(site.url + options.alternatePath)}"/>
  <icon>${escapeXml(site.logoUrl)}</icon>
${entries.join("\n")}
</feed>
`;
}

export const ATOM_HEADERS = { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=60" };
