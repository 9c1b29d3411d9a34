// A published claim as big as a reader page gets: N pieces of evidence from several outlets and
// speakers (named, described, or neither), some undated, some republishing others, some removed,
// the people it is about, tags, and status moves citing evidence (removed evidence included).
// Used by the statement-count tests and by scripts/bench-reader-queries.ts.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Sourcing, Stance, VerificationStatus } from "@/lib/generated/prisma/enums";
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
      entities: { select: { entity: ENTITY_SUMMARY }, orderBy: { entity: { name: "asc" } } },
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
          cited: { where: { evidence: { removedAt: null } }, select: { evidence: { select: { id: true, headline: true, removedAt: true } } } },
        },
      },
    },
  });
}
