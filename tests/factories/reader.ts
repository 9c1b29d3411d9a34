// A published claim as big as a reader page gets: N pieces of evidence from several outlets and
// speakers (named, described, or neither), some undated, some republishing others, some removed,
// the people it is about, tags, and status moves citing evidence (removed evidence included).
// Used by the statement-count tests and by scripts/bench-reader-queries.ts.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Sourcing, Stance, VerificationStatus } from "@/lib/generated/prisma/enums";
import { MARK_START, markWords } from "@/lib/search/highlight";
import { fullTextSearchSql, SEARCH_PAGE_SIZE, SEARCH_QUERY_MAX_LENGTH } from "@/lib/search/queries";
import { truncateText } from "@/lib/text";
import { createClaim } from "@/tests/factories";

const STANCES: Stance[] = ["reports", "confirms", "denies", "disputes", "declines_to_comment", "context", "retracts"];
const SOURCING: Sourcing[] = ["on_record", "anonymous", "document"];

export type ReaderClaim = { id: string; slug: string; outletIds: string[]; speakerIds: string[]; aboutIds: string[]; evidenceIds: string[] };

export async function createReaderClaim(
  prisma: PrismaClient,
  options: { createdById: string; evidence: number; statement?: string; tags?: string[] },
): Promise<ReaderClaim> {
  const tag = randomUUID().slice(0, 8);
  const entity = (kind: "person" | "organisation", name: string, domain?: string) =>
    prisma.entity.create({ data: { kind, name, description: `${name}, described`, domain }, select: { id: true } }).then((row) => row.id);
  const outletIds = await Promise.all([1, 2, 3, 4].map((n) => entity("organisation", `Outlet ${n} ${tag}`, `outlet${n}-${tag}.example`)));
  const speakerIds = await Promise.all([1, 2, 3].map((n) => entity("person", `Speaker ${n} ${tag}`)));
  // Two share a name, so the order of "About:" needs its tie-break.
  const aboutIds = await Promise.all(["Zed", "Abe", "Abe"].map((name) => entity("person", `${name} ${tag}`)));

  const claim = await createClaim(prisma, { createdById: options.createdById, statement: options.statement ?? `A claim with ${options.evidence} pieces of evidence.` });
  await prisma.claim.update({ where: { id: claim.id }, data: { tags: options.tags ?? ["big", tag], context: "Some context." } });
  await prisma.claimEntity.createMany({ data: aboutIds.map((entityId) => ({ claimId: claim.id, entityId })) });

  const evidenceIds: string[] = [];
  for (let n = 0; n < options.evidence; n += 1) {
    const speaker = n % 3 === 0 ? { speakerId: speakerIds[n % speakerIds.length] } : n % 3 === 1 ? { speakerDescription: "a source familiar with it" } : {};
    // Every fifth undated (they sort last); pairs share a date, so the id breaks the tie.
    const publishedAt = n % 5 === 4 ? null : new Date(Date.UTC(2024, 10, 1 + Math.floor(n / 2), 12, n % 60, 0, 123));
    const derived = n > 0 && n % 4 === 0 ? { derivedFromId: evidenceIds[n - 1], derivation: n % 8 === 0 ? ("republishes" as const) : ("cites" as const) } : {};
    const row = await prisma.evidence.create({
      data: {
        claimId: claim.id,
        outletId: n % 6 === 5 ? null : outletIds[n % outletIds.length],
        url: `https://news.example/${tag}/${n}`,
        headline: `Headline ${n}`,
        quote: n % 2 === 0 ? `Quote ${n} with "quotes" and \\ backslash, ünïcödé and emoji 🙂` : "",
        publishedAt,
        sourcing: SOURCING[n % SOURCING.length]!,
        stance: STANCES[n % STANCES.length]!,
        createdById: options.createdById,
        ...speaker,
        ...derived,
      },
      select: { id: true },
    });
    evidenceIds.push(row.id);
  }
  // Every seventh removed: readers must not see it, nor its citations.
  const removed = evidenceIds.filter((_, n) => n % 7 === 6);
  await prisma.evidence.updateMany({ where: { id: { in: removed } }, data: { removedAt: new Date(), removedById: options.createdById } });

  const moves: { to: VerificationStatus; cites: string[] }[] = [
    { to: "corroborated", cites: evidenceIds.slice(0, 8) },
    { to: "disputed", cites: evidenceIds.slice(2, 12).reverse() },
    { to: "confirmed", cites: [] },
  ];
  let from: VerificationStatus = "unverified";
  for (const [index, move] of moves.entries()) {
    await prisma.$transaction(async (tx) => {
      const transition = await tx.statusTransition.create({
        data: {
          claimId: claim.id,
          sequence: index + 2,
          fromStatus: from,
          toStatus: move.to,
          actorId: options.createdById,
          actorRole: "fact_checker",
          rationale: `Move ${index + 2}.`,
          createdAt: new Date(Date.UTC(2024, 11, 1 + index, 9, 30, 15, 5)),
        },
        select: { id: true },
      });
      await tx.transitionEvidence.createMany({ data: move.cites.map((evidenceId) => ({ transitionId: transition.id, evidenceId })) });
      await tx.claim.update({ where: { id: claim.id }, data: { status: move.to } });
    });
    from = move.to;
  }
  return { id: claim.id, slug: claim.slug, outletIds, speakerIds, aboutIds, evidenceIds };
}

const ENTITY_SUMMARY = { select: { id: true, name: true, kind: true, description: true } } as const;

/**
 * The claim page's data as Prisma's relation queries fetched it before getPublishedClaim became
 * one SQL statement (9 statements, 4 in a row): the reference its answers must equal, and the
 * baseline of the benchmark. `relationLoadStrategy` only exists on a client generated with the
 * relationJoins preview feature (the benchmark's comparison).
 */
export function publishedClaimByRelations(prisma: PrismaClient, slug: string, relationLoadStrategy?: "join" | "query") {
  return prisma.claim.findFirst({
    ...(relationLoadStrategy ? ({ relationLoadStrategy } as object) : {}),
    where: { slug, publication: "published" },
    select: {
      id: true,
      slug: true,
      statement: true,
      context: true,
      eventDate: true,
      eventDatePrecision: true,
      tags: true,
      status: true,
      publishedAt: true,
      updatedAt: true,
      // Prisma left ties in name, and the order of citations, to chance; the single statement breaks
      // them by id, and so does this reference.
      entities: { select: { entity: ENTITY_SUMMARY }, orderBy: [{ entity: { name: "asc" } }, { entityId: "asc" }] },
      evidence: {
        where: { removedAt: null },
        orderBy: [{ publishedAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          url: true,
          headline: true,
          publishedAt: true,
          sourcing: true,
          stance: true,
          quote: true,
          speakerDescription: true,
          derivation: true,
          derivedFromId: true,
          speakerId: true,
          outlet: { select: { id: true, name: true, domain: true } },
          speaker: ENTITY_SUMMARY,
        },
      },
      transitions: {
        orderBy: { sequence: "desc" },
        select: {
          id: true,
          sequence: true,
          fromStatus: true,
          toStatus: true,
          actorRole: true,
          rationale: true,
          createdAt: true,
          cited: {
            where: { evidence: { removedAt: null } },
            orderBy: { evidenceId: "asc" },
            select: { evidence: { select: { id: true, headline: true, removedAt: true } } },
          },
        },
      },
    },
  });
}

// The home and entity pages' data as Prisma's relation queries fetched it (6 statements for home,
// 13 for an entity page): the reference for lib/claims/queries.ts's single statements.
const PUBLISHED = { publication: "published" } as const;
const LIVE_EVIDENCE = { removedAt: null } as const;
const PAGE_SIZE = 20;

type ListFilters = { status?: VerificationStatus; tag?: string; entityId?: string; outletId?: string; page?: number };

export async function publishedClaimsByRelations(prisma: PrismaClient, filters: ListFilters = {}) {
  const page = filters.page ?? 1;
  const where = {
    ...PUBLISHED,
    status: filters.status,
    tags: filters.tag ? { has: filters.tag } : undefined,
    entities: filters.entityId ? { some: { entityId: filters.entityId } } : undefined,
    evidence: filters.outletId ? { some: { outletId: filters.outletId, ...LIVE_EVIDENCE } } : undefined,
  };
  const [total, claims] = await Promise.all([
    prisma.claim.count({ where }),
    prisma.claim.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        slug: true,
        statement: true,
        status: true,
        updatedAt: true,
        transitions: { orderBy: { sequence: "desc" }, take: 1, select: { fromStatus: true, toStatus: true, createdAt: true } },
        _count: { select: { evidence: { where: LIVE_EVIDENCE } } },
      },
    }),
  ]);
  return { claims, total, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

export async function filterOptionsByRelations(prisma: PrismaClient) {
  const [tags, entities, outlets] = await Promise.all([
    prisma.$queryRaw<{ tag: string }[]>`SELECT DISTINCT unnest(tags) AS tag FROM claims WHERE publication = 'published' ORDER BY tag`,
    prisma.entity.findMany({
      where: { mergedIntoId: null, claims: { some: { claim: PUBLISHED } } },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: { id: true, name: true },
    }),
    prisma.entity.findMany({
      where: { mergedIntoId: null, evidenceAsOutlet: { some: { ...LIVE_EVIDENCE, claim: PUBLISHED } } },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: { id: true, name: true },
    }),
  ]);
  return { tags: tags.map((row) => row.tag), entities, outlets };
}

export async function publicEntityByRelations(prisma: PrismaClient, id: string) {
  const entity = await prisma.entity.findFirst({
    where: { id, mergedIntoId: null },
    select: { id: true, name: true, kind: true, description: true, domain: true, affiliation: { select: { id: true, name: true } } },
  });
  if (!entity) return null;
  const evidenceSelect = {
    id: true,
    headline: true,
    url: true,
    stance: true,
    sourcing: true,
    publishedAt: true,
    outlet: { select: { id: true, name: true } },
    speaker: { select: { id: true, name: true } },
    claim: { select: { slug: true, statement: true, status: true } },
  } as const;
  const [claims, published, spoken] = await Promise.all([
    publishedClaimsByRelations(prisma, { entityId: id }),
    prisma.evidence.findMany({
      where: { outletId: id, ...LIVE_EVIDENCE, claim: PUBLISHED },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: 100,
      select: evidenceSelect,
    }),
    prisma.evidence.findMany({
      where: { speakerId: id, ...LIVE_EVIDENCE, claim: PUBLISHED },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: 100,
      select: evidenceSelect,
    }),
  ]);
  if (claims.total === 0 && published.length === 0 && spoken.length === 0) return null;
  return { entity, claims: claims.claims, published, spoken };
}

/** Search as it ran before it became one statement: the full-text page, then near spellings in a
 *  transaction of their own (BEGIN, SET LOCAL, SELECT, COMMIT). The reference for its answers. */
export async function searchInTwoSteps(prisma: PrismaClient, query: string, page = 1) {
  const text = truncateText(query.toWellFormed().replace(/[\u0000-\u001f\u007f]/g, " ").trim(), SEARCH_QUERY_MAX_LENGTH).trim();
  if (!text) return { hits: [], more: false };
  const rows = await prisma.$queryRaw<
    { slug: string; status: VerificationStatus; updatedAt: Date; statement: string; context: string; quote: string | null }[]
  >(fullTextSearchSql(text, (page - 1) * SEARCH_PAGE_SIZE));
  const hits = rows.slice(0, SEARCH_PAGE_SIZE).map((row) => ({
    slug: row.slug,
    status: row.status,
    updatedAt: row.updatedAt,
    statement: row.statement,
    context: row.context.includes(MARK_START) ? row.context : null,
    quote: row.quote?.includes(MARK_START) ? row.quote : null,
    fuzzy: false,
  }));
  const plain = !/["]|(^|\s)-|\sor\s/i.test(text);
  if (page === 1 && hits.length < 5 && plain) {
    const seen = hits.map((hit) => hit.slug);
    const fuzzy = await prisma.$transaction([
      prisma.$executeRaw`SET LOCAL pg_trgm.word_similarity_threshold = 0.6`,
      prisma.$queryRaw<{ slug: string; status: VerificationStatus; updatedAt: Date; statement: string }[]>`
        SELECT slug, status, "updatedAt", statement FROM claims
         WHERE publication = 'published' AND ${text} <% statement AND NOT (slug = ANY(${seen}::text[]))
         ORDER BY word_similarity(${text}, statement) DESC, "updatedAt" DESC
         LIMIT ${SEARCH_PAGE_SIZE - hits.length}`,
    ]);
    for (const row of fuzzy[1]) hits.push({ ...row, statement: markWords(row.statement, text), context: null, quote: null, fuzzy: true });
  }
  return { hits, more: rows.length > SEARCH_PAGE_SIZE };
}
