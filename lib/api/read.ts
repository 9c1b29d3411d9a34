// The partner API's answers, built from the reader queries and kept in the reader pages' tagged
// data cache (lib/cache/data.ts), so that every write the desk or the API makes expires them
// through the same tags (lib/cache/invalidate.ts; docs/caching.md). What is cached is the API's
// JSON value itself; nothing empty is kept, so made-up filters cannot fill the cache.
import "server-only";
import { z } from "zod";
import type { Claim, ClaimList, ClaimSummary } from "@/lib/api/schema";
import { type ClaimListQuerySchema, type EntityListQuerySchema, type SearchQuerySchema } from "@/lib/api/schema";
import type { ApiClaimRow } from "@/lib/api/queries";
import { listApiClaims, listApiEntities, publishedSlugOf } from "@/lib/api/queries";
import { decodeCursor, encodeCursor } from "@/lib/api/http";
import { cachedData } from "@/lib/cache/data";
import { TAG } from "@/lib/cache/tags";
import { loggingNote } from "@/lib/claims/format";
import { getPublicEntity, getPublishedClaim } from "@/lib/claims/queries";
import { siteConfig } from "@/lib/env";
import { describeIndependence, summariseIndependence } from "@/lib/evidence/independence";
import { MARK_END, MARK_START } from "@/lib/search/highlight";
import { SEARCH_PAGE_SIZE, searchPublishedClaims } from "@/lib/search/queries";

const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);
const claimUrl = (slug: string) => `${siteConfig().url}/claims/${slug}`;
const entityUrl = (id: string) => `${siteConfig().url}/entities/${id}`;

function summaryOf(row: ApiClaimRow): ClaimSummary {
  return {
    id: row.id,
    slug: row.slug,
    url: claimUrl(row.slug),
    statement: row.statement,
    status: row.status,
    tags: row.tags,
    publishedAt: isoOrNull(row.publishedAt),
    updatedAt: iso(row.updatedAt),
    evidenceCount: row.evidenceCount,
    lastStatusChange: row.lastMove
      ? { from: row.lastMove.fromStatus as ClaimSummary["status"] | null, to: row.lastMove.toStatus as ClaimSummary["status"], at: iso(row.lastMove.createdAt) }
      : null,
  };
}

const ClaimCursor = z.object({ u: z.iso.datetime(), i: z.uuid() });

export async function readClaimList(query: z.output<typeof ClaimListQuerySchema>): Promise<ClaimList> {
  const after = decodeCursor(ClaimCursor, query.cursor);
  const filters = {
    status: query.status,
    entityId: query.entity,
    outletId: query.outlet,
    tag: query.tag?.toLowerCase(),
    updatedSince: query.updatedSince ? new Date(query.updatedSince) : undefined,
    after: after ? { updatedAt: new Date(after.u), id: after.i } : undefined,
    limit: query.limit,
  };
  const key = JSON.stringify([filters.status, filters.entityId, filters.outletId, filters.tag, query.updatedSince, query.cursor, filters.limit]);
  return cachedData(
    ["api-claims", key],
    [TAG.claims],
    async () => {
      const { rows, more } = await listApiClaims(filters);
      const last = rows.at(-1);
      return { data: rows.map(summaryOf), nextCursor: more && last ? encodeCursor({ u: iso(last.updatedAt), i: last.id }) : null };
    },
    (page) => page.data.length > 0,
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One published claim by slug or id; null when there is none (a draft is not found). */
export async function readClaim(ref: string): Promise<Claim | null> {
  const slug = UUID.test(ref) ? await publishedSlugOf(ref.toLowerCase()) : ref;
  if (!slug) return null;
  // Tagged by the claim (its edits, evidence, moves, publication) and `filters`, which every
  // entity edit or merge expires: the claim shows entities' names.
  return cachedData(
    ["api-claim", slug],
    [TAG.claim(slug), TAG.filters],
    async (): Promise<Claim | null> => {
      const claim = await getPublishedClaim(slug);
      if (!claim) return null;
      const summary = summariseIndependence(claim.evidence);
      return {
        id: claim.id,
        slug: claim.slug,
        url: claimUrl(claim.slug),
        statement: claim.statement,
        context: claim.context,
        eventDate: claim.eventDate ? claim.eventDate.toISOString().slice(0, 10) : null,
        eventDatePrecision: claim.eventDatePrecision,
        tags: claim.tags,
        status: claim.status,
        publishedAt: isoOrNull(claim.publishedAt),
        updatedAt: iso(claim.updatedAt),
        entities: claim.entities.map(({ entity }) => entity),
        evidence: claim.evidence.map((item) => ({
          id: item.id,
          url: item.url,
          headline: item.headline,
          publishedAt: isoOrNull(item.publishedAt),
          stance: item.stance,
          sourcing: item.sourcing,
          quote: item.quote,
          outlet: item.outlet,
          speaker: item.speaker,
          speakerDescription: item.speakerDescription,
          derivedFromId: item.derivedFromId,
          derivation: item.derivation,
        })),
        independence: { summary: describeIndependence(summary), ...summary },
        history: claim.transitions.map((transition) => ({
          sequence: transition.sequence,
          from: transition.fromStatus,
          to: transition.toStatus,
          // As the page: the desk's placeholder note for a logged claim is not shown.
          rationale: transition.fromStatus ? transition.rationale : (loggingNote(transition.rationale) ?? ""),
          citedEvidenceIds: transition.cited.map(({ evidence }) => evidence.id),
          at: iso(transition.createdAt),
        })),
      };
    },
    (value) => value !== null,
  );
}

const PageCursor = z.object({ p: z.int().min(2).max(50) });
const unmark = (text: string) => text.replaceAll(MARK_START, "").replaceAll(MARK_END, "");

/** Search, as /search: not cached at the origin (every query differs); ten seconds at a CDN. */
export async function readSearch(query: z.output<typeof SearchQuerySchema>) {
  const page = decodeCursor(PageCursor, query.cursor)?.p ?? 1;
  const { hits, more } = await searchPublishedClaims(query.q, page);
  return {
    data: hits.slice(0, SEARCH_PAGE_SIZE).map((hit) => ({
      slug: hit.slug,
      url: claimUrl(hit.slug),
      statement: unmark(hit.statement),
      status: hit.status,
      updatedAt: iso(hit.updatedAt),
      excerpt: hit.context ? unmark(hit.context) : hit.quote ? unmark(hit.quote) : null,
      fuzzy: hit.fuzzy,
    })),
    nextCursor: more && page < 50 ? encodeCursor({ p: page + 1 }) : null,
  };
}

const EntityCursor = z.object({ n: z.string().max(300), i: z.uuid() });

export async function readEntityList(query: z.output<typeof EntityListQuerySchema>) {
  const after = decodeCursor(EntityCursor, query.cursor);
  const filters = { q: query.q || undefined, kind: query.kind, after: after ? { name: after.n, id: after.i } : undefined, limit: query.limit };
  return cachedData(
    ["api-entities", JSON.stringify([filters.q, filters.kind, query.cursor, filters.limit])],
    // Who appears on published claims changes with publication and with entity edits: both expire `filters`.
    [TAG.filters, TAG.claims],
    async () => {
      const { rows, more } = await listApiEntities(filters);
      const last = rows.at(-1);
      return {
        data: rows.map((row) => ({ ...row, url: entityUrl(row.id) })),
        nextCursor: more && last ? encodeCursor({ n: last.name, i: last.id }) : null,
      };
    },
    (page) => page.data.length > 0,
  );
}

export async function readEntity(id: string) {
  return cachedData(
    ["api-entity", id],
    [TAG.entity(id), TAG.claims],
    async () => {
      const found = await getPublicEntity(id);
      if (!found) return null;
      const evidence = (item: (typeof found.published)[number]) => ({ ...item, publishedAt: isoOrNull(item.publishedAt) });
      return {
        id: found.entity.id,
        name: found.entity.name,
        kind: found.entity.kind,
        description: found.entity.description,
        domain: found.entity.domain,
        url: entityUrl(found.entity.id),
        affiliation: found.entity.affiliation,
        claims: found.claims.map((claim) => ({
          slug: claim.slug,
          url: claimUrl(claim.slug),
          statement: claim.statement,
          status: claim.status,
          updatedAt: iso(claim.updatedAt),
        })),
        published: found.published.map(evidence),
        spoken: found.spoken.map(evidence),
      };
    },
    (value) => value !== null,
  );
}

