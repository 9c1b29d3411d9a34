import { beforeEach, describe, expect, it } from "vitest";
import { getPublishedClaim, listPublishedClaims } from "@/lib/claims/queries";
import { db } from "@/lib/db";
import { createClaim, createEvidence, createUser } from "@/tests/factories";

let editorId: string;

beforeEach(async () => {
  editorId = (await createUser(db(), "editor")).id;
});

describe("reader queries", () => {
  it("never return a draft: it looks exactly like a missing claim", async () => {
    const draft = await createClaim(db(), { createdById: editorId, publication: "draft", statement: "Draft claim." });
    const published = await createClaim(db(), { createdById: editorId, statement: "Published claim." });

    await expect(getPublishedClaim(draft.slug)).resolves.toBeNull();
    await expect(getPublishedClaim("no-such-claim")).resolves.toBeNull();
    await expect(getPublishedClaim(published.slug)).resolves.toMatchObject({ statement: "Published claim." });
    expect((await listPublishedClaims()).claims.map((claim) => claim.slug)).toEqual([published.slug]);
  });

  it("leave out removed evidence but keep the rest", async () => {
    const claim = await createClaim(db(), { createdById: editorId });
    await createEvidence(db(), { claimId: claim.id, createdById: editorId, headline: "Kept" });
    const removed = await createEvidence(db(), { claimId: claim.id, createdById: editorId, headline: "Removed" });
    await db().evidence.update({ where: { id: removed.id }, data: { removedAt: new Date(), removedById: editorId } });

    const found = await getPublishedClaim(claim.slug);
    expect(found?.evidence.map((item) => item.headline)).toEqual(["Kept"]);
    const [listed] = (await listPublishedClaims()).claims;
    expect(listed?._count.evidence).toBe(1);
  });

  it("leave removed evidence out of a move's citations", async () => {
    const claim = await createClaim(db(), { createdById: editorId });
    const kept = await createEvidence(db(), { claimId: claim.id, createdById: editorId, headline: "Kept denial", stance: "denies" });
    const gone = await createEvidence(db(), { claimId: claim.id, createdById: editorId, headline: "Removed denial", stance: "denies" });
    await db().$transaction(async (tx) => {
      const move = await tx.statusTransition.create({
        data: { claimId: claim.id, sequence: 2, fromStatus: "unverified", toStatus: "disputed", actorId: editorId, actorRole: "fact_checker", rationale: "Denied." },
        select: { id: true },
      });
      await tx.transitionEvidence.createMany({ data: [kept, gone].map((item) => ({ transitionId: move.id, evidenceId: item.id })) });
      await tx.claim.update({ where: { id: claim.id }, data: { status: "disputed" } });
    });
    await db().evidence.update({ where: { id: gone.id }, data: { removedAt: new Date(), removedById: editorId } });
    const found = await getPublishedClaim(claim.slug);
    expect(found?.transitions[0]?.cited.map(({ evidence }) => evidence.headline)).toEqual(["Kept denial"]);
  });

  it("list the most recently updated claims first, with their latest move", async () => {
    const older = await createClaim(db(), { createdById: editorId, statement: "Older." });
    const newer = await createClaim(db(), { createdById: editorId, statement: "Newer." });
    await db().claim.update({ where: { id: older.id }, data: { updatedAt: new Date("2024-01-01") } });

    const list = (await listPublishedClaims()).claims;
    expect(list.map((claim) => claim.slug)).toEqual([newer.slug, older.slug]);
    expect(list[0]?.transitions).toEqual([expect.objectContaining({ fromStatus: null, toStatus: "unverified" })]);
  });
});
