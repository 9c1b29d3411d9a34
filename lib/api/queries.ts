// What the partner API reads (docs/api.md): published claims only, live evidence only, entities
// that appear on published claims only, exactly the visibility rule of the reader pages
// (lib/claims/queries.ts). Keyset pagination: every list has a total order (a timestamp or name,
// then the id), and the cursor is the last row's key, so pages never skip or repeat a row when
// claims are added meanwhile.
import "server-only";
import { z } from "zod";
import { utcTimestamp } from "@/lib/claims/rows";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { escapeLike } from "@/lib/text";

export type ClaimListFilters = {
  status?: string;
  entityId?: string;
  outletId?: string;
  tag?: string;
  updatedSince?: Date;
  /** The last row of the previous page. */
  after?: { updatedAt: Date; id: string };
  limit: number;
};

const ClaimListRow = z.object({
  id: z.string(),
  slug: z.string(),
  statement: z.string(),
  status: z.enum(["unverified", "corroborated", "disputed", "confirmed", "false", "retracted"]),
  tags: z.array(z.string()),
  publishedAt: utcTimestamp.nullable(),
  updatedAt: utcTimestamp,
  evidenceCount: z.number().int(),
  lastMove: z.object({ fromStatus: z.string().nullable(), toStatus: z.string(), createdAt: utcTimestamp }).nullable(),
});
export type ApiClaimRow = z.output<typeof ClaimListRow>;

/** A timestamp(3) column's value as SQL compares it: the UTC wall time without a zone. */
function sqlTimestamp(date: Date): string {
  return date.toISOString().replace("Z", "");
}

/** One page of published claims, most recently updated first (then by id), plus one row to tell whether more follow. */
export async function listApiClaims(filters: ClaimListFilters): Promise<{ rows: ApiClaimRow[]; more: boolean }> {
  const conditions = [Prisma.sql`c.publication = 'published'`];
  if (filters.status) conditions.push(Prisma.sql`c.status = ${filters.status}::"VerificationStatus"`);
  if (filters.tag) conditions.push(Prisma.sql`c.tags @> ARRAY[${filters.tag}]::text[]`);
  if (filters.entityId) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM claim_entities ce WHERE ce."claimId" = c.id AND ce."entityId" = ${filters.entityId}::uuid)`);
  }
  if (filters.outletId) {
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM evidence e WHERE e."claimId" = c.id AND e."outletId" = ${filters.outletId}::uuid AND e."removedAt" IS NULL)`,
    );
  }
  if (filters.updatedSince) conditions.push(Prisma.sql`c."updatedAt" >= ${sqlTimestamp(filters.updatedSince)}::timestamp(3)`);
  if (filters.after) {
    conditions.push(Prisma.sql`(c."updatedAt", c.id) < (${sqlTimestamp(filters.after.updatedAt)}::timestamp(3), ${filters.after.id}::uuid)`);
  }
  const rows = await db().$queryRaw<{ item: unknown }[]>`
    SELECT json_build_object(
             'id', c.id, 'slug', c.slug, 'statement', c.statement, 'status', c.status, 'tags', c.tags,
             'publishedAt', c."publishedAt", 'updatedAt', c."updatedAt",
             'evidenceCount', (SELECT count(*) FROM evidence e WHERE e."claimId" = c.id AND e."removedAt" IS NULL),
             'lastMove', (SELECT json_build_object('fromStatus', t."fromStatus", 'toStatus', t."toStatus", 'createdAt', t."createdAt")
                            FROM status_transitions t WHERE t."claimId" = c.id ORDER BY t.sequence DESC LIMIT 1)) AS item
      FROM claims c
     WHERE ${Prisma.join(conditions, " AND ")}
     ORDER BY c."updatedAt" DESC, c.id DESC
     LIMIT ${filters.limit + 1}`;
  const parsed = rows.map((row) => ClaimListRow.parse(row.item));
  return { rows: parsed.slice(0, filters.limit), more: parsed.length > filters.limit };
}

/** The slug of a published claim with this id, or null. */
export async function publishedSlugOf(id: string): Promise<string | null> {
  const claim = await db().claim.findFirst({ where: { id, publication: "published" }, select: { slug: true } });
  return claim?.slug ?? null;
}

export type EntityListFilters = { q?: string; kind?: "person" | "organisation"; after?: { name: string; id: string }; limit: number };

const EntityRow = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(["person", "organisation"]),
  description: z.string(),
  domain: z.string().nullable(),
});
export type ApiEntityRow = z.output<typeof EntityRow>;

/**
 * People, organisations and outlets that readers can see: named by a published claim, or the
 * outlet or speaker of live evidence on one. By name, then id.
 */
export async function listApiEntities(filters: EntityListFilters): Promise<{ rows: ApiEntityRow[]; more: boolean }> {
  const conditions = [
    Prisma.sql`n."mergedIntoId" IS NULL`,
    Prisma.sql`(EXISTS (SELECT 1 FROM claim_entities ce JOIN claims c ON c.id = ce."claimId"
                         WHERE ce."entityId" = n.id AND c.publication = 'published')
             OR EXISTS (SELECT 1 FROM evidence e JOIN claims c ON c.id = e."claimId"
                         WHERE (e."outletId" = n.id OR e."speakerId" = n.id) AND e."removedAt" IS NULL AND c.publication = 'published'))`,
  ];
  const text = filters.q?.trim();
  if (text) conditions.push(Prisma.sql`n.name ILIKE ${`%${escapeLike(text)}%`}`);
  if (filters.kind) conditions.push(Prisma.sql`n.kind = ${filters.kind}::"EntityKind"`);
  if (filters.after) conditions.push(Prisma.sql`(n.name, n.id) > (${filters.after.name}, ${filters.after.id}::uuid)`);
  const rows = await db().$queryRaw<unknown[]>`
    SELECT n.id::text AS id, n.name, n.kind::text AS kind, n.description, n.domain
      FROM entities n
     WHERE ${Prisma.join(conditions, " AND ")}
     ORDER BY n.name, n.id
     LIMIT ${filters.limit + 1}`;
  const parsed = rows.map((row) => EntityRow.parse(row));
  return { rows: parsed.slice(0, filters.limit), more: parsed.length > filters.limit };
}
