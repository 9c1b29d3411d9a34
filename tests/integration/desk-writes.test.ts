// What the desk's writes guarantee: conflicts instead of overwrites, clear refusals of bad input
// with nothing written, and history for every change.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createClaimAction, setPublicationAction, updateClaimAction } from "@/lib/claims/actions";
import { createClaim as createClaimMutation, updateClaim } from "@/lib/claims/mutations";
import { db } from "@/lib/db";
import { mergeEntities } from "@/lib/entities/mutations";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { linkEvidenceAction, removeEvidenceAction, updateEvidenceAction } from "@/lib/evidence/actions";
import { createClaim, createEvidence, createUser } from "@/tests/factories";
import { actAs } from "@/tests/factories/sessions";
import { submit } from "@/tests/setup/next-request";

vi.mock("next/headers", async () => (await import("@/tests/setup/next-request")).nextHeadersMock);
vi.mock("next/headers.js", async () => (await import("@/tests/setup/next-request")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("@/tests/setup/next-request")).nextCacheMock);

let editor: { id: string; role: "editor" };
let claimId: string;
let outletId: string;

beforeEach(async () => {
  editor = { id: (await createUser(db(), "editor")).id, role: "editor" };
  claimId = (await createClaim(db(), { createdById: editor.id, publication: "draft", statement: "The bridge will close in March." })).id;
  outletId = (await db().entity.create({ data: { kind: "organisation", name: "Wire", domain: "wire.example" }, select: { id: true } })).id;
});

const editInput = (statement: string, version = 1) => ({
  id: claimId,
  version,
  statement,
  context: "",
  eventDatePrecision: "day" as const,
  tags: [],
  entityIds: [],
  newPeople: [],
  newOrganisations: [],
  newEntityName: [],
  newEntityKind: [],
  newEntityDescription: [],
  newEntityAffiliationId: [],
  confirmNewEntities: false,
});

describe("two editors saving the same version", () => {
  it("lets exactly one win; the other gets a conflict and nothing of theirs is written", async () => {
    const other = { id: (await createUser(db(), "editor")).id, role: "editor" as const };
    const results = await Promise.allSettled([
      updateClaim(editor, editInput("The bridge will close in April.")),
      updateClaim(other, editInput("The bridge will close in May.")),
    ]);
    const won = results.filter((result) => result.status === "fulfilled");
    const lost = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toBeInstanceOf(ConflictError);

    const claim = await db().claim.findUniqueOrThrow({ where: { id: claimId }, select: { statement: true, version: true } });
    expect(claim.version).toBe(2);
    const edits = await db().auditEvent.findMany({ where: { claimId, action: "claim_updated" }, select: { changes: true } });
    expect(edits).toHaveLength(1);
    expect(edits[0]!.changes).toMatchObject({ statement: { to: claim.statement } });
  });

  it("shows the loser what is saved now and keeps their input", async () => {
    await updateClaim(editor, editInput("The bridge will close in April."));
    await actAs("editor");
    const { state } = await submit(updateClaimAction, { id: claimId, version: "1", statement: "The bridge will close in May." });
    expect(state?.status).toBe("error");
    expect(state?.message).toMatch(/Someone else saved this claim/);
    expect(state?.conflict).toMatchObject({ version: 2, current: { statement: "The bridge will close in April." } });
    expect(state?.values).toMatchObject({ statement: "The bridge will close in May." });

    // Saving again on purpose, from the version they have now seen, works.
    const again = await submit(updateClaimAction, { id: claimId, version: "2", statement: "The bridge will close in May." });
    expect(again.redirectedTo).toBe(`/desk/claims/${claimId}?saved=1`);
  });
});

describe("bad input is refused clearly and writes nothing", () => {
  const evidence = (url: string) => ({ claimId, url, headline: "Report", stance: "reports", sourcing: "anonymous", outletId });

  it.each([
    ["javascript:", "javascript:alert(document.cookie)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["relative", "/news/bridge"],
    ["10,000 characters", `https://wire.example/${"a".repeat(10_000)}`],
    ["empty", ""],
  ])("an evidence URL that is %s", async (_label, url) => {
    await actAs("editor");
    const { state } = await submit(linkEvidenceAction, evidence(url));
    expect(state?.status).toBe("error");
    expect(state?.fieldErrors?.url?.[0]).toMatch(/web address/);
    expect(state?.values?.url).toBe(url);
    await expect(db().evidence.count()).resolves.toBe(0);
  });

  it("an empty statement", async () => {
    await actAs("editor");
    const { state } = await submit(createClaimAction, { statement: "   ", context: "Context typed so far" });
    expect(state?.fieldErrors?.statement).toEqual(["The statement is required"]);
    expect(state?.values?.context).toBe("Context typed so far");
    await expect(db().claim.count()).resolves.toBe(1);
  });

  it("unknown entity ids", async () => {
    await actAs("editor");
    const { state } = await submit(createClaimAction, {
      statement: "The port strike ended.",
      entityIds: "0193a000-0000-7000-8000-000000000000",
      confirmNotDuplicate: "on",
    });
    expect(state?.fieldErrors?.entityIds?.[0]).toMatch(/no longer exists/);
    await expect(db().claim.count()).resolves.toBe(1);
  });

  it("a stale version", async () => {
    await updateClaim(editor, editInput("Changed meanwhile."));
    await actAs("editor");
    const { state } = await submit(setPublicationAction, { id: claimId, version: "1", publish: "publish" });
    expect(state?.message).toMatch(/changed this claim/);
    const claim = await db().claim.findUniqueOrThrow({ where: { id: claimId }, select: { publication: true } });
    expect(claim.publication).toBe("draft");
  });

  it("forged ids of another claim's evidence", async () => {
    const otherClaim = await createClaim(db(), { createdById: editor.id });
    const foreign = await createEvidence(db(), { claimId: otherClaim.id, createdById: editor.id, headline: "Foreign" });
    await actAs("editor");

    const edit = await submit(updateEvidenceAction, { ...evidence("https://wire.example/x"), id: foreign.id, version: "1" });
    expect(edit.state?.message).toBe("That evidence is not part of this claim.");
    const remove = await submit(removeEvidenceAction, { claimId, id: foreign.id, version: "1" });
    expect(remove.state?.message).toBe("That evidence is not part of this claim.");
    const copy = await submit(linkEvidenceAction, { ...evidence("https://wire.example/copy"), derivedFromId: foreign.id, derivation: "republishes" });
    expect(copy.state?.fieldErrors?.derivedFromId?.[0]).toMatch(/this claim's own evidence/);

    const after = await db().evidence.findUniqueOrThrow({ where: { id: foreign.id }, select: { headline: true, removedAt: true, version: true } });
    expect(after).toEqual({ headline: "Foreign", removedAt: null, version: 1 });
    await expect(db().evidence.count({ where: { claimId } })).resolves.toBe(0);
  });
});

describe("publishing", () => {
  it("needs at least one piece of evidence", async () => {
    await actAs("editor");
    const { state } = await submit(setPublicationAction, { id: claimId, version: "1", publish: "publish" });
    expect(state?.message).toMatch(/at least one piece of evidence/);

    await createEvidence(db(), { claimId, createdById: editor.id });
    const published = await submit(setPublicationAction, { id: claimId, version: "1", publish: "publish" });
    expect(published.state?.status).toBe("success");
    const claim = await db().claim.findUniqueOrThrow({ where: { id: claimId }, select: { publication: true, publishedAt: true } });
    expect(claim.publication).toBe("published");
    expect(claim.publishedAt).toBeInstanceOf(Date);
  });
});

describe("evidence", () => {
  it("is suggested its outlet from the URL's domain, and removal is recorded, not forgotten", async () => {
    await actAs("editor");
    const linked = await submit(linkEvidenceAction, {
      claimId,
      url: "https://www.wire.example/bridge",
      headline: "Bridge to close",
      stance: "reports",
      sourcing: "anonymous",
      speakerDescription: "a council official",
    });
    expect(linked.redirectedTo).toContain(`/desk/claims/${claimId}`);
    const item = await db().evidence.findFirstOrThrow({ where: { claimId }, select: { id: true, outletId: true, version: true } });
    expect(item.outletId).toBe(outletId);

    await submit(removeEvidenceAction, { claimId, id: item.id, version: String(item.version) });
    const removed = await db().evidence.findUniqueOrThrow({ where: { id: item.id }, select: { removedAt: true, removedById: true } });
    expect(removed.removedAt).toBeInstanceOf(Date);
    expect(removed.removedById).not.toBeNull();
    const actions = (await db().auditEvent.findMany({ where: { evidenceId: item.id }, orderBy: { createdAt: "asc" }, select: { action: true } })).map(
      (event) => event.action,
    );
    expect(actions).toEqual(["evidence_linked", "evidence_removed"]);
  });
});

describe("evidence rules that keep the record honest", () => {
  it("refuses removing a published claim's only evidence", async () => {
    const item = await createEvidence(db(), { claimId, createdById: editor.id });
    await db().claim.update({ where: { id: claimId }, data: { publication: "published", publishedAt: new Date() } });
    await actAs("editor");
    const { state } = await submit(removeEvidenceAction, { claimId, id: item.id, version: "1" });
    expect(state?.message).toMatch(/only evidence/);
    const after = await db().evidence.findUniqueOrThrow({ where: { id: item.id }, select: { removedAt: true } });
    expect(after.removedAt).toBeNull();
  });

  it("refuses a copy loop: evidence cannot end up copying itself", async () => {
    const a = await createEvidence(db(), { claimId, createdById: editor.id, headline: "A" });
    const b = await createEvidence(db(), { claimId, createdById: editor.id, headline: "B" });
    await db().evidence.update({ where: { id: b.id }, data: { derivedFromId: a.id, derivation: "republishes" } });
    await actAs("editor");
    const { state } = await submit(updateEvidenceAction, {
      claimId,
      id: a.id,
      version: "1",
      url: "https://wire.example/a",
      headline: "A",
      stance: "reports",
      sourcing: "anonymous",
      outletId,
      derivedFromId: b.id,
      derivation: "republishes",
    });
    expect(state?.fieldErrors?.derivedFromId?.[0]).toMatch(/already copies or cites this one/);
    const after = await db().evidence.findUniqueOrThrow({ where: { id: a.id }, select: { derivedFromId: true } });
    expect(after.derivedFromId).toBeNull();
  });
});

describe("mutations check permissions themselves", () => {
  it("refuses a fact-checker even when called directly, as a script would", async () => {
    const checker = { id: (await createUser(db(), "fact_checker")).id, role: "fact_checker" as const };
    await expect(
      createClaimMutation(checker, { ...editInput("A claim."), confirmNotDuplicate: true }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateClaim(checker, editInput("Changed."))).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("merging entities", () => {
  it("repoints claims and evidence to the entity kept and marks the duplicate merged", async () => {
    const keep = await db().entity.create({ data: { kind: "person", name: "Dmitry Peskov" }, select: { id: true } });
    const dupe = await db().entity.create({ data: { kind: "person", name: "Dmitri Peskov" }, select: { id: true } });
    await db().claimEntity.createMany({ data: [{ claimId, entityId: keep.id }, { claimId, entityId: dupe.id }] });
    const item = await createEvidence(db(), { claimId, createdById: editor.id });
    await db().evidence.update({ where: { id: item.id }, data: { speakerId: dupe.id } });

    await mergeEntities(editor, { sourceId: dupe.id, targetId: keep.id });

    const links = await db().claimEntity.findMany({ where: { claimId }, select: { entityId: true } });
    expect(links).toEqual([{ entityId: keep.id }]);
    const speaker = await db().evidence.findUniqueOrThrow({ where: { id: item.id }, select: { speakerId: true } });
    expect(speaker.speakerId).toBe(keep.id);
    const merged = await db().entity.findUniqueOrThrow({ where: { id: dupe.id }, select: { mergedIntoId: true } });
    expect(merged.mergedIntoId).toBe(keep.id);
  });
});
