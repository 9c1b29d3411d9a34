// The rules the database itself enforces on status history (prisma/migrations/*_init): they hold
// even for code that goes around the application, which is the point of putting them there.
import pg from "pg";
import { beforeEach, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { createClaim, createEvidence, createUser } from "@/tests/factories";

async function sql(text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

let editorId: string;
let claimId: string;
let transitionId: string;

beforeEach(async () => {
  editorId = (await createUser(db(), "editor")).id;
  claimId = (await createClaim(db(), { createdById: editorId })).id;
  transitionId = (await db().statusTransition.findFirstOrThrow({ where: { claimId }, select: { id: true } })).id;
});

describe("status history is append-only", () => {
  it("refuses UPDATE of a transition", async () => {
    await expect(sql(`UPDATE status_transitions SET rationale = 'rewritten' WHERE id = $1`, [transitionId])).rejects.toThrow(
      /append-only/,
    );
    const row = await db().statusTransition.findUniqueOrThrow({ where: { id: transitionId }, select: { rationale: true } });
    expect(row.rationale).toBe("Logged.");
  });

  it("refuses DELETE of a transition", async () => {
    await expect(sql(`DELETE FROM status_transitions WHERE id = $1`, [transitionId])).rejects.toThrow(/append-only/);
    await expect(db().statusTransition.count({ where: { claimId } })).resolves.toBe(1);
  });

  it("refuses TRUNCATE of transitions and of their cited evidence", async () => {
    await expect(sql(`TRUNCATE status_transitions CASCADE`)).rejects.toThrow(/append-only/);
    await expect(sql(`TRUNCATE transition_evidence`)).rejects.toThrow(/append-only/);
    await expect(db().statusTransition.count()).resolves.toBe(1);
  });

  it("refuses UPDATE and DELETE of cited evidence links", async () => {
    const evidence = await createEvidence(db(), { claimId, createdById: editorId, stance: "denies" });
    await moveStatus({ sequence: 2, from: "unverified", to: "disputed", cites: [evidence.id] });
    await expect(sql(`DELETE FROM transition_evidence`)).rejects.toThrow(/append-only/);
    await expect(sql(`UPDATE transition_evidence SET "evidenceId" = "evidenceId"`)).rejects.toThrow(/append-only/);
    await expect(db().transitionEvidence.count()).resolves.toBe(1);
  });

  it("refuses deleting a claim that has history", async () => {
    await expect(db().claim.delete({ where: { id: claimId } })).rejects.toThrow();
    await expect(db().claim.count({ where: { id: claimId } })).resolves.toBe(1);
  });
});

describe("a claim's transitions form one unbroken chain", () => {
  it("accepts the next move from the current status", async () => {
    await moveStatus({ sequence: 2, from: "unverified", to: "corroborated" });
    const claim = await db().claim.findUniqueOrThrow({ where: { id: claimId }, select: { status: true } });
    expect(claim.status).toBe("corroborated");
  });

  // The chain trigger raises SQLSTATE 40001, which Prisma reports as a write conflict (P2034):
  // to the application, a move that does not follow the latest one is a concurrent change.
  it("refuses a move that skips or repeats a sequence number", async () => {
    await expect(moveStatus({ sequence: 3, from: "unverified", to: "disputed" })).rejects.toMatchObject({ code: "P2034" });
    await expect(moveStatus({ sequence: 1, from: "unverified", to: "disputed" })).rejects.toThrow();
    await expect(db().statusTransition.count({ where: { claimId } })).resolves.toBe(1);
  });

  it("refuses a move whose from-status is not the current status", async () => {
    await expect(moveStatus({ sequence: 2, from: "corroborated", to: "disputed" })).rejects.toMatchObject({ code: "P2034" });
    await expect(db().statusTransition.count({ where: { claimId } })).resolves.toBe(1);
  });

  it("refuses a claim whose status differs from its latest transition", async () => {
    await expect(
      db().claim.update({ where: { id: claimId }, data: { status: "confirmed" } }),
    ).rejects.toThrow(/latest transition/);
    const claim = await db().claim.findUniqueOrThrow({ where: { id: claimId }, select: { status: true } });
    expect(claim.status).toBe("unverified");
  });

  it("refuses a claim created without its first transition", async () => {
    await expect(
      db().claim.create({ data: { slug: "no-history", statement: "No history.", createdById: editorId } }),
    ).rejects.toThrow(/latest transition/);
    await expect(db().claim.count({ where: { slug: "no-history" } })).resolves.toBe(0);
  });

  it("refuses citing evidence of another claim", async () => {
    const other = await createClaim(db(), { createdById: editorId });
    const foreign = await createEvidence(db(), { claimId: other.id, createdById: editorId, stance: "denies" });
    await expect(moveStatus({ sequence: 2, from: "unverified", to: "disputed", cites: [foreign.id] })).rejects.toThrow(
      /its own claim/,
    );
    await expect(db().statusTransition.count({ where: { claimId } })).resolves.toBe(1);
  });
});

describe("evidence links stay within a claim", () => {
  it("refuses evidence that republishes evidence of another claim", async () => {
    const other = await createClaim(db(), { createdById: editorId });
    const original = await createEvidence(db(), { claimId: other.id, createdById: editorId });
    await expect(
      db().evidence.create({
        data: {
          claimId,
          url: "https://copy.example/a",
          headline: "A copy",
          sourcing: "anonymous",
          stance: "reports",
          derivedFromId: original.id,
          derivation: "republishes",
          createdById: editorId,
        },
      }),
    ).rejects.toThrow(/same claim/);
  });

  it("refuses a URL that is not http or https", async () => {
    for (const url of ["javascript:alert(1)", "data:text/html,hi", "/relative/path"]) {
      await expect(
        db().evidence.create({
          data: { claimId, url, headline: "Bad", sourcing: "anonymous", stance: "reports", createdById: editorId },
        }),
      ).rejects.toThrow(/evidence_url_http/);
    }
  });
});

/** Writes a move the way the workflow will: transition and claim status in one transaction. */
async function moveStatus(move: {
  sequence: number;
  from: "unverified" | "corroborated" | "disputed";
  to: "corroborated" | "disputed" | "confirmed";
  cites?: string[];
}) {
  await db().$transaction(async (tx) => {
    const transition = await tx.statusTransition.create({
      data: {
        claimId,
        sequence: move.sequence,
        fromStatus: move.from,
        toStatus: move.to,
        actorId: editorId,
        actorRole: "fact_checker",
        rationale: "Because.",
      },
      select: { id: true },
    });
    if (move.cites?.length) {
      await tx.transitionEvidence.createMany({
        data: move.cites.map((evidenceId) => ({ transitionId: transition.id, evidenceId })),
      });
    }
    await tx.claim.update({ where: { id: claimId }, data: { status: move.to, version: { increment: 1 } } });
  });
}
