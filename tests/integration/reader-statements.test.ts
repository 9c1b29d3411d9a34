// What a reader page costs the database, counted at the driver (tests/setup/query-log.ts spies on
// pg.Client#query, through which every statement Prisma sends passes: BEGIN and COMMIT included,
// since each is a round trip). The counts must not grow with the number of evidence items, claims
// or results, so that an N+1 cannot come back unnoticed; and the answers must stay what Prisma's
// relation queries returned.
import { beforeEach, describe, expect, it } from "vitest";
import { getPublishedClaim } from "@/lib/claims/queries";
import { db } from "@/lib/db";
import { createClaim, createEvidence, createUser } from "@/tests/factories";
import { createReaderClaim, publishedClaimByRelations } from "@/tests/factories/reader";
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

    // Same answer as before, to the Date: the relation queries are the reference.
    const before = await statements(() => publishedClaimByRelations(db(), big.slug));
    expect(before.count).toBe(9);
    expect(thirty.result).toEqual(before.result);
    expect(one.result).toEqual(await publishedClaimByRelations(db(), small.slug));
    expect(thirty.result?.updatedAt).toBeInstanceOf(Date);
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
