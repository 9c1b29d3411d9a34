// The verification workflow against a real Postgres: moves, conflicts, citations, races. The
// review queue has its own file (review-queue.test.ts).
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ConflictError, ForbiddenError, InvalidInputError } from "@/lib/errors";
import { db } from "@/lib/db";
import { transitionClaimStatus } from "@/lib/verification/mutations";
import { moveStatusAction } from "@/lib/verification/actions";
import { createClaim, createEvidence, createUser } from "@/tests/factories";
import { actAs } from "@/tests/factories/sessions";
import { submit } from "@/tests/setup/next-request";

vi.mock("next/headers", async () => (await import("@/tests/setup/next-request")).nextHeadersMock);
vi.mock("next/headers.js", async () => (await import("@/tests/setup/next-request")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("@/tests/setup/next-request")).nextCacheMock);

let checker: { id: string; role: "fact_checker" };
let editorId: string;
let claimId: string;

beforeEach(async () => {
  checker = { id: (await createUser(db(), "fact_checker")).id, role: "fact_checker" };
  editorId = (await createUser(db(), "editor")).id;
  claimId = (await createClaim(db(), { createdById: editorId, statement: "Trump spoke with Putin." })).id;
});

async function history() {
  return db().statusTransition.findMany({ where: { claimId }, orderBy: { sequence: "asc" }, select: { sequence: true, fromStatus: true, toStatus: true } });
}

describe("a status move", () => {
  it("updates the claim and appends the transition with its cited evidence", async () => {
    const denial = await createEvidence(db(), { claimId, createdById: editorId, stance: "denies" });
    const result = await transitionClaimStatus(checker, {
      claimId,
      fromStatus: "unverified",
      toStatus: "disputed",
      rationale: "The Kremlin denied it on the record.",
      citedEvidenceIds: [denial.id],
    });
    expect(result.sequence).toBe(2);
    const claim = await db().claim.findUniqueOrThrow({ where: { id: claimId }, select: { status: true, version: true } });
    expect(claim).toEqual({ status: "disputed", version: 2 });
    const last = await db().statusTransition.findFirstOrThrow({
      where: { claimId, sequence: 2 },
      select: { actorId: true, actorRole: true, rationale: true, cited: { select: { evidenceId: true } } },
    });
    expect(last).toEqual({ actorId: checker.id, actorRole: "fact_checker", rationale: "The Kremlin denied it on the record.", cited: [{ evidenceId: denial.id }] });
  });

  it("is refused for editors and admins, whatever they cite", async () => {
    for (const role of ["editor", "admin"] as const) {
      const actor = { id: (await createUser(db(), role)).id, role };
      await expect(
        transitionClaimStatus(actor, { claimId, fromStatus: "unverified", toStatus: "corroborated", rationale: "r", citedEvidenceIds: [] }),
      ).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await history()).toHaveLength(1);
  });

  it("from a status the claim no longer has is a conflict that shows the new state", async () => {
    await transitionClaimStatus(checker, { claimId, fromStatus: "unverified", toStatus: "corroborated", rationale: "Two outlets.", citedEvidenceIds: [] });
    const stale = transitionClaimStatus(checker, { claimId, fromStatus: "unverified", toStatus: "corroborated", rationale: "Again.", citedEvidenceIds: [] });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toThrow(/moved this claim to corroborated/);

    await actAs("fact_checker");
    const { state } = await submit(moveStatusAction, { claimId, fromStatus: "unverified", toStatus: "disputed", rationale: "My reasons." });
    expect(state?.message).toMatch(/moved this claim to corroborated/);
    expect(state?.values?.rationale).toBe("My reasons.");
    expect(await history()).toHaveLength(2);
  });

  it("must cite evidence whose stance fits, and only the claim's own", async () => {
    const report = await createEvidence(db(), { claimId, createdById: editorId, stance: "reports" });
    const other = await createClaim(db(), { createdById: editorId });
    const foreignDenial = await createEvidence(db(), { claimId: other.id, createdById: editorId, stance: "denies" });

    const move = (citedEvidenceIds: string[]) =>
      transitionClaimStatus(checker, { claimId, fromStatus: "unverified", toStatus: "disputed", rationale: "Denied.", citedEvidenceIds });
    await expect(move([])).rejects.toThrow(/must cite evidence that denies or disputes/);
    await expect(move([report.id])).rejects.toBeInstanceOf(InvalidInputError);
    await expect(move([foreignDenial.id])).rejects.toThrow(/this claim's own/);
    expect(await history()).toHaveLength(1);
  });

  it("keeps an unbroken history under 20 simultaneous moves, ending where the last one went", async () => {
    const denial = await createEvidence(db(), { claimId, createdById: editorId, stance: "denies" });
    const moves = Array.from({ length: 20 }, (_, index) =>
      index % 2 === 0
        ? { fromStatus: "unverified" as const, toStatus: "disputed" as const, citedEvidenceIds: [denial.id] }
        : { fromStatus: "disputed" as const, toStatus: "unverified" as const, citedEvidenceIds: [] },
    );
    const results = await Promise.allSettled(
      moves.map((move) => transitionClaimStatus(checker, { claimId, rationale: "Race.", ...move })),
    );
    const failures = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(failures.every((failure) => failure.reason instanceof ConflictError)).toBe(true);
    const succeeded = results.length - failures.length;
    expect(succeeded).toBeGreaterThanOrEqual(1);

    const rows = await history();
    expect(rows).toHaveLength(1 + succeeded);
    rows.forEach((row, index) => {
      expect(row.sequence).toBe(index + 1);
      expect(row.fromStatus).toBe(index === 0 ? null : rows[index - 1]!.toStatus);
    });
    const claim = await db().claim.findUniqueOrThrow({ where: { id: claimId }, select: { status: true } });
    expect(claim.status).toBe(rows.at(-1)!.toStatus);
  });
});
