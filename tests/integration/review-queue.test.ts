// The review queue against a real Postgres: each filter, the order, pages, and that the columns
// the queue filters on follow the writes (moves, dismissals) that change them.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DATA_STEPS } from "@/lib/db/data-migrations";
import { refreshReviewState } from "@/lib/review/mutations";
import { listReviewQueue, REVIEW_PAGE_SIZE } from "@/lib/review/queries";
import { type ReviewFilters, ReviewFiltersSchema } from "@/lib/review/schema";
import { dismissSuggestion, transitionClaimStatus } from "@/lib/verification/mutations";
import { createClaim, createEvidence, createUser } from "@/tests/factories";

let checker: { id: string; role: "fact_checker" };
let editorId: string;

const view = (filters: Partial<Record<keyof ReviewFilters, string>> = {}) => ReviewFiltersSchema.parse(filters);
const ids = async (filters: Partial<Record<keyof ReviewFilters, string>> = {}) => (await listReviewQueue(view(filters))).items.map((item) => item.id);

beforeEach(async () => {
  checker = { id: (await createUser(db(), "fact_checker")).id, role: "fact_checker" };
  editorId = (await createUser(db(), "editor")).id;
});

/** A claim about Putin with an anonymous report and the Kremlin spokesman's on-record denial. */
async function kremlinDenial(publication: "draft" | "published" = "published") {
  const claim = await createClaim(db(), { createdById: editorId, statement: "Trump spoke with Putin.", publication });
  const kremlin = await db().entity.create({ data: { kind: "organisation", name: "Kremlin" }, select: { id: true } });
  const putin = await db().entity.create({ data: { kind: "person", name: "Vladimir Putin", affiliationId: kremlin.id }, select: { id: true } });
  const peskov = await db().entity.create({ data: { kind: "person", name: "Dmitry Peskov", description: "Kremlin spokesman", affiliationId: kremlin.id }, select: { id: true } });
  await db().claimEntity.create({ data: { claimId: claim.id, entityId: putin.id } });
  await createEvidence(db(), { claimId: claim.id, createdById: editorId, stance: "reports" });
  const denial = await createEvidence(db(), { claimId: claim.id, createdById: editorId, stance: "denies", headline: "Kremlin denies call" });
  await db().evidence.update({ where: { id: denial.id }, data: { sourcing: "on_record", speakerId: peskov.id, quote: "Pure fiction." } });
  // The two writes above bypass the app's mutations, so they refresh as those would.
  await refreshReviewState(db(), [claim.id]);
  return { claimId: claim.id, denialId: denial.id };
}

/** A claim logged `days` ago and never touched since. */
async function idleClaim(days: number, statement = "Idle claim.", publication: "draft" | "published" = "published") {
  const claim = await createClaim(db(), { createdById: editorId, statement, publication });
  await db().claim.update({ where: { id: claim.id }, data: { createdAt: new Date(Date.now() - days * 86_400_000) } });
  await refreshReviewState(db(), [claim.id]);
  return claim.id;
}

describe("has a suggestion", () => {
  it("lists the claim with its reason and newest evidence, and drops it once the suggestion is dismissed", async () => {
    const { claimId, denialId } = await kremlinDenial();
    await idleClaim(3);
    const page = await listReviewQueue(view({ show: "suggested" }));
    expect(page.items.map((item) => item.id)).toEqual([claimId]);
    const [item] = page.items;
    expect(item?.suggestions).toEqual([expect.objectContaining({ to: "disputed", evidenceIds: [denialId] })]);
    expect(item?.suggestions[0]?.reason).toMatch(/Dmitry Peskov \(Kremlin spokesman\)/);
    expect(item?.newestEvidence).toMatchObject({ id: denialId, quote: "Pure fiction.", speaker: { name: "Dmitry Peskov" } });

    await dismissSuggestion(checker, { claimId, suggestedStatus: "disputed", evidenceIds: [denialId] });
    expect(await ids({ show: "suggested" })).toEqual([]);
    // Still new evidence since the last move: the queue keeps it, under that heading.
    expect(await ids({ show: "new" })).toEqual([claimId]);
  });
});

describe("new evidence", () => {
  it("lists claims with evidence linked since their last move, and forgets it once a fact-checker moves the claim", async () => {
    const busy = await idleClaim(2, "Busy claim.");
    const context = await createEvidence(db(), { claimId: busy, createdById: editorId, stance: "context" });
    await idleClaim(5, "Quiet claim.");
    expect(await ids({ show: "new" })).toEqual([busy]);
    expect((await listReviewQueue(view({ show: "new" }))).items[0]?.newEvidence).toBe(1);

    await transitionClaimStatus(checker, { claimId: busy, fromStatus: "unverified", toStatus: "false", rationale: "Shown untrue.", citedEvidenceIds: [context.id] });
    expect(await ids({ show: "new" })).toEqual([]);
    const stored = await db().claim.findUniqueOrThrow({ where: { id: busy }, select: { lastMovedAt: true, reviewRank: true } });
    expect(stored.lastMovedAt).toBeInstanceOf(Date);
    // False and nothing new: out of the queue altogether.
    expect(stored.reviewRank).toBeNull();
    expect(await ids()).not.toContain(busy);
  });
});

describe("waiting longest", () => {
  it("lists unverified claims only, the longest wait first, and says which were never reviewed", async () => {
    const recent = await idleClaim(1, "Recent.");
    const old = await idleClaim(9, "Old.");
    const middle = await idleClaim(4, "Middle.");
    const moved = await idleClaim(20, "Moved long ago.");
    const denial = await createEvidence(db(), { claimId: moved, createdById: editorId, stance: "denies" });
    await transitionClaimStatus(checker, { claimId: moved, fromStatus: "unverified", toStatus: "disputed", rationale: "Denied.", citedEvidenceIds: [denial.id] });

    const page = await listReviewQueue(view({ show: "waiting" }));
    expect(page.items.map((item) => item.id)).toEqual([old, middle, recent]);
    expect(page.items.every((item) => item.lastMovedAt === null)).toBe(true);
  });
});

describe("drafts apart from published", () => {
  it("narrows any view to drafts or to published claims", async () => {
    const draft = await idleClaim(2, "Draft claim.", "draft");
    const published = await idleClaim(3, "Published claim.", "published");
    const { claimId: draftSuggestion } = await kremlinDenial("draft");
    expect(await ids({ publication: "draft" })).toEqual([draftSuggestion, draft]);
    expect(await ids({ publication: "published" })).toEqual([published]);
    expect(await ids({ show: "suggested", publication: "published" })).toEqual([]);
    expect(await ids({ show: "waiting", publication: "draft" })).toEqual([draft, draftSuggestion]);
  });
});

describe("everything to review", () => {
  it("puts suggestions first, then new evidence, then the longest idle wait, and pages with a total", async () => {
    const idle = await idleClaim(10, "Idle.");
    const busy = await idleClaim(1, "Busy.");
    await createEvidence(db(), { claimId: busy, createdById: editorId, stance: "context" });
    const { claimId: suggested } = await kremlinDenial();
    expect(await ids()).toEqual([suggested, busy, idle]);

    for (let index = 0; index < REVIEW_PAGE_SIZE; index += 1) await idleClaim(5, `Filler ${index}.`);
    const first = await listReviewQueue(view());
    const second = await listReviewQueue(view({ page: "2" }));
    expect(first.total).toBe(REVIEW_PAGE_SIZE + 3);
    expect(first.pages).toBe(2);
    expect(first.items).toHaveLength(REVIEW_PAGE_SIZE);
    expect(second.items).toHaveLength(3);
    expect(new Set([...first.items, ...second.items].map((item) => item.id)).size).toBe(REVIEW_PAGE_SIZE + 3);
    // Ten days idle waits longer than the fillers' five: it leads the idle ones.
    expect(first.items[2]?.id).toBe(idle);
  });

  it("ignores a view it does not know instead of failing", () => {
    expect(view({ show: "everything'; DROP", page: "-4" })).toEqual({ show: "all", publication: undefined, page: 1 });
  });
});

describe("a database migrated before the queue existed", () => {
  it("gets every claim's suggestions from the migration's data step, which SQL alone cannot compute", async () => {
    const { claimId } = await kremlinDenial();
    expect(await ids({ show: "suggested" })).toContain(claimId);
    // What the migration's SQL backfill leaves: no suggestions counted.
    await db().$executeRaw`UPDATE "claims" SET "reviewSuggestions" = 0, "reviewRank" = NULL`;
    expect(await ids({ show: "suggested" })).not.toContain(claimId);

    const step = DATA_STEPS["20261128090054_review_queue"]!;
    expect(await step(db())).toBe(await db().claim.count());
    expect(await ids({ show: "suggested" })).toContain(claimId);
    // Safe to run again.
    await step(db());
    expect(await ids({ show: "suggested" })).toContain(claimId);
  });
});
