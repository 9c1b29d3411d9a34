// What a reader page costs the database, counted at the driver (tests/setup/query-log.ts spies on
// pg.Client#query, through which every statement Prisma sends passes: BEGIN and COMMIT included,
// since each is a round trip). The counts must not grow with the number of evidence items, claims
// or results, so that an N+1 cannot come back unnoticed; and the answers must stay what Prisma's
// relation queries returned.
import { beforeEach, describe, expect, it } from "vitest";
import { getPublicEntity, getPublishedClaim, listPublicFilterOptions, listPublishedClaims } from "@/lib/claims/queries";
import { db } from "@/lib/db";
import { searchPublishedClaims } from "@/lib/search/queries";
import { createClaim, createEvidence, createUser, recordMove } from "@/tests/factories";
import {
  createReaderClaim,
  filterOptionsByRelations,
  publicEntityByRelations,
  publishedClaimByRelations,
  publishedClaimsByRelations,
  searchInTwoSteps,
} from "@/tests/factories/reader";
import { seedDemoData } from "@/prisma/seed";
import { recordQueries } from "@/tests/setup/query-log";

/** The statements `run` sends, and what it returns. */
async function statements<T>(run: () => Promise<T>): Promise<{ count: number; texts: string[]; result: T }> {
  const log = recordQueries();
  try {
    const result = await run();
    return { count: log.queries.length, texts: log.queries.map((query) => query.text), result };
  } finally {
    log.stop();
  }
}

let editorId: string;

beforeEach(async () => {
  editorId = (await createUser(db(), "editor")).id;
});

describe("the claim page", () => {
  it("costs one statement whether the claim has 1 or 30 pieces of evidence, and answers as Prisma's relation queries did", async () => {
    const small = await createReaderClaim(db(), { createdById: editorId, evidence: 1 });
    const big = await createReaderClaim(db(), { createdById: editorId, evidence: 30 });

    const one = await statements(() => getPublishedClaim(small.slug));
    const thirty = await statements(() => getPublishedClaim(big.slug));
    expect(one.count).toBe(1);
    expect(thirty.count).toBe(one.count);

    // The page really holds what the counts are about: 30 minus the 4 removed, speakers, outlets, citations.
    expect(thirty.result?.evidence).toHaveLength(30 - 4);
    expect(thirty.result?.evidence.some((item) => item.speaker && item.outlet)).toBe(true);
    expect(thirty.result?.transitions.map((move) => move.cited.length)).toEqual([0, 9, 7, 0]);

    // Same answer as before, to the Date: the relation queries are the reference (they predate
    // archived copies, which have their own test below).
    const before = await statements(() => publishedClaimByRelations(db(), big.slug));
    expect(before.count).toBe(9);
    expect(withoutArchive(thirty.result)).toEqual(before.result);
    expect(withoutArchive(one.result)).toEqual(await publishedClaimByRelations(db(), small.slug));
    expect(thirty.result?.updatedAt).toBeInstanceOf(Date);
  });

  it("names each source's archived copy in the same statement: the first good snapshot of the URL as linked", async () => {
    const claim = await createReaderClaim(db(), { createdById: editorId, evidence: 4 });
    const [archived, failed, moved, none] = claim.evidenceIds as [string, string, string, string];
    const snapshot = (evidenceId: string, data: { requestedUrl?: string; status?: number | null; error?: string | null; fetchedAt: Date }) =>
      db().evidenceSnapshot.create({
        data: { evidenceId, requestedUrl: data.requestedUrl ?? "", status: data.status ?? 200, error: data.error ?? null, fetchedAt: data.fetchedAt },
        select: { id: true },
      });
    const url = async (id: string) => (await db().evidence.findUniqueOrThrow({ where: { id }, select: { url: true } })).url;
    const first = await snapshot(archived, { requestedUrl: await url(archived), fetchedAt: new Date("2024-11-14T14:02:00Z") });
    // A later snapshot (a link check's) is not the archived copy.
    await snapshot(archived, { requestedUrl: await url(archived), fetchedAt: new Date("2024-12-14T14:02:00Z") });
    await snapshot(failed, { requestedUrl: await url(failed), status: 404, error: "the page answered 404", fetchedAt: new Date() });
    // Archived under the address it had before an editor corrected it.
    await snapshot(moved, { requestedUrl: "https://news.example/old-address", fetchedAt: new Date() });

    const { count, result } = await statements(() => getPublishedClaim(claim.slug));
    expect(count).toBe(1);
    const archiveIds = new Map(result?.evidence.map((item) => [item.id, item.archiveId]));
    expect(archiveIds.get(archived)).toBe(first.id);
    expect(archiveIds.get(failed)).toBeNull();
    expect(archiveIds.get(moved)).toBeNull();
    expect(archiveIds.get(none)).toBeNull();
  });

  it("answers a draft and a missing slug with null, in one statement each", async () => {
    const draft = await createClaim(db(), { createdById: editorId, publication: "draft" });
    await createEvidence(db(), { claimId: draft.id, createdById: editorId });
    for (const slug of [draft.slug, "no-such-claim"]) {
      const { count, result } = await statements(() => getPublishedClaim(slug));
      expect(result).toBeNull();
      expect(count).toBe(1);
    }
  });
});

/**
 * `count` published claims about one person, each with evidence from one outlet and given by that
 * person, tagged "bridge" and mentioning bridges; every third moved to disputed; and one draft
 * that matches everything, which no reader may see.
 */
async function manyClaims(count: number) {
  const person = await db().entity.create({ data: { kind: "person", name: `Mayor of ${count}`, description: "Mayor" }, select: { id: true } });
  const outlet = await db().entity.create({
    data: { kind: "organisation", name: `Paper of ${count}`, domain: `paper${count}.example` },
    select: { id: true },
  });
  const make = async (n: number, publication: "published" | "draft") => {
    const claim = await createClaim(db(), { createdById: editorId, publication, statement: `The bridge number ${n} of ${count} was closed.` });
    await db().claim.update({ where: { id: claim.id }, data: { tags: ["bridge", `set-${count}`] } });
    await db().claimEntity.create({ data: { claimId: claim.id, entityId: person.id } });
    await createEvidence(db(), { claimId: claim.id, createdById: editorId, outletId: outlet.id, speakerId: person.id, headline: `Bridge ${n} closed` });
    if (n % 3 === 0) await recordMove(db(), { claimId: claim.id, actorId: editorId, toStatus: "disputed", at: new Date(Date.UTC(2024, 10, 1 + n)) });
    return claim;
  };
  for (let n = 0; n < count; n += 1) await make(n, "published");
  await make(count, "draft");
  return { personId: person.id, outletId: outlet.id };
}

describe("home", () => {
  it("costs two statements, sent together, whether 1 or 30 claims are published, and lists what it listed before", async () => {
    const home = () => Promise.all([listPublishedClaims({}), listPublicFilterOptions()]);
    const few = await manyClaims(1);
    const one = await statements(home);
    const many = await manyClaims(30);
    const thirty = await statements(home);
    expect(one.count).toBe(2);
    expect(thirty.count).toBe(one.count);

    const [list, options] = thirty.result;
    expect(list.total).toBe(31);
    expect(list.claims).toHaveLength(20);
    expect(list).toEqual(await publishedClaimsByRelations(db()));
    expect(options).toEqual(await filterOptionsByRelations(db()));
    expect(options.outlets.map((outlet) => outlet.id).sort()).toEqual([few.outletId, many.outletId].sort());

    // Every filter, and a later page, answer as before, in one statement each.
    for (const filters of [
      { page: 2 },
      { page: 9 },
      { status: "disputed" as const },
      { tag: "set-30" },
      { tag: "no-such-tag" },
      { entityId: many.personId },
      { outletId: few.outletId },
      { status: "disputed" as const, tag: "bridge", entityId: many.personId, outletId: many.outletId, page: 1 },
    ]) {
      const { count, result } = await statements(() => listPublishedClaims(filters));
      expect(count).toBe(1);
      expect(result).toEqual(await publishedClaimsByRelations(db(), filters));
    }
  });
});

describe("the entity page", () => {
  it("costs one statement whether the entity has 1 or 30 claims and pieces of evidence, and shows what it showed before", async () => {
    const few = await manyClaims(1);
    const many = await manyClaims(30);
    const big = await createReaderClaim(db(), { createdById: editorId, evidence: 30 });
    for (const id of [few.personId, few.outletId, many.personId, many.outletId, big.outletIds[0]!, big.speakerIds[0]!, big.aboutIds[1]!]) {
      const { count, result } = await statements(() => getPublicEntity(id));
      expect(count).toBe(1);
      expect(result).not.toBeNull();
      expect(result).toEqual(await publicEntityByRelations(db(), id));
    }
    const person = await getPublicEntity(many.personId);
    expect([person?.claims.length, person?.spoken.length, person?.published.length]).toEqual([20, 30, 0]);
  });

  it("is null, in one statement, for an entity with nothing public, a merged one and a missing one", async () => {
    const lonely = await db().entity.create({ data: { kind: "person", name: "Nobody" }, select: { id: true } });
    const target = await manyClaims(1);
    const merged = await db().entity.create({ data: { kind: "person", name: "Merged", mergedIntoId: target.personId }, select: { id: true } });
    for (const id of [lonely.id, merged.id, "00000000-0000-4000-8000-000000000000"]) {
      const { count, result } = await statements(() => getPublicEntity(id));
      expect([count, result]).toEqual([1, null]);
    }
  });
});

describe("search", () => {
  it("costs one statement, or two when it adds near spellings, however many claims match, and finds what it found before", async () => {
    await seedDemoData(db());
    await manyClaims(30);
    await createClaim(db(), { createdById: editorId, statement: "A bridgge too far." });
    // [query, page, statements]: near spellings are looked for on the first page of a plain query
    // (no "phrase", -exclusion or "or") with fewer than 5 full-text hits.
    const cases: [string, number, number][] = [
      ["bridge", 1, 1], // 31 matches, one a draft: a full page and more
      ["bridge", 2, 1],
      ["bridge", 3, 1],
      ["Zelenskyy -Musk", 1, 1],
      ['"pure fiction"', 1, 1],
      ["Peskov", 1, 2],
      ["Zelensky", 1, 2],
      ["bridgge", 1, 2], // one full-text hit, then near spellings ("bridge"): a full page
      ["bridgge", 2, 1],
      ["Peskof", 1, 2],
      ["zzqx", 1, 2],
    ];
    for (const [query, page, expected] of cases) {
      const { count, texts, result } = await statements(() => searchPublishedClaims(query, page));
      expect(count, `${query}, page ${page}`).toBe(expected);
      expect(texts.filter((text) => /^\s*(BEGIN|COMMIT|SET)/i.test(text)), query).toEqual([]);
      expect(result, `${query}, page ${page}`).toEqual(await searchInTwoSteps(db(), query, page));
    }
    expect((await searchPublishedClaims("bridge")).hits).toHaveLength(20);
    expect((await searchPublishedClaims("bridge")).more).toBe(true);
    const mixed = (await searchPublishedClaims("bridgge")).hits;
    expect(mixed.map((hit) => hit.fuzzy)).toEqual([false, ...Array<boolean>(19).fill(true)]);
  });
});

/** A published claim without the archived-copy ids, which the relation-query reference predates. */
function withoutArchive<T extends { evidence: { archiveId: string | null }[] } | null | undefined>(claim: T) {
  if (!claim) return claim;
  return {
    ...claim,
    evidence: claim.evidence.map((item) => {
      const rest: Partial<typeof item> = { ...item };
      delete rest.archiveId;
      return rest;
    }),
  };
}
