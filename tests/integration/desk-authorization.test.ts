// Every desk server action × every kind of visitor: allowed ones succeed and write history;
// forbidden ones are refused inside the action and change nothing at all.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET as similarClaims } from "@/app/api/desk/similar-claims/route";
import { changeRoleAction, createAccountAction, setAccountActiveAction } from "@/lib/accounts/actions";
import type { FormState } from "@/lib/actions/form-state";
import { createApiTokenAction, revokeApiTokenAction } from "@/lib/api-tokens/actions";
import { createClaimAction, setPublicationAction, updateClaimAction } from "@/lib/claims/actions";
import { db } from "@/lib/db";
import { createEntityAction, mergeEntitiesAction, updateEntityAction } from "@/lib/entities/actions";
import { linkEvidenceAction, removeEvidenceAction, updateEvidenceAction } from "@/lib/evidence/actions";
import { acceptClaimAction, acceptEvidenceAction } from "@/lib/intake/actions";
import { dismissSuggestionAction, moveStatusAction } from "@/lib/verification/actions";
import { createClaim, createEvidence, createUser } from "@/tests/factories";
import { actAs, type Persona } from "@/tests/factories/sessions";
import { submit } from "@/tests/setup/next-request";
import { snapshotTables as snapshot } from "@/tests/setup/table-snapshot";

vi.mock("next/headers", async () => (await import("@/tests/setup/next-request")).nextHeadersMock);
vi.mock("next/headers.js", async () => (await import("@/tests/setup/next-request")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("@/tests/setup/next-request")).nextCacheMock);

type Fixture = {
  claimId: string;
  evidenceId: string;
  personId: string;
  duplicateId: string;
  outletId: string;
  outletUpdatedAt: string;
  subjectUserId: string;
  tokenId: string;
};

async function fixture(): Promise<Fixture> {
  const author = await createUser(db(), "editor");
  const claim = await createClaim(db(), { createdById: author.id, publication: "draft", statement: "The mayor resigned on Monday." });
  const evidence = await createEvidence(db(), { claimId: claim.id, createdById: author.id });
  const person = await db().entity.create({ data: { kind: "person", name: "Jane Mayor" }, select: { id: true } });
  const duplicate = await db().entity.create({ data: { kind: "person", name: "J. Mayor" }, select: { id: true } });
  const outlet = await db().entity.create({
    data: { kind: "organisation", name: "City Paper", domain: "citypaper.example" },
    select: { id: true, updatedAt: true },
  });
  const subject = await createUser(db(), "editor");
  const admin = await createUser(db(), "admin");
  const token = await db().apiToken.create({
    data: { name: "CMS", scope: "editor", prefix: "ct_test", secretHash: "0".repeat(64), createdById: admin.id },
    select: { id: true },
  });
  return {
    tokenId: token.id,
    claimId: claim.id,
    evidenceId: evidence.id,
    personId: person.id,
    duplicateId: duplicate.id,
    outletId: outlet.id,
    outletUpdatedAt: outlet.updatedAt.toISOString(),
    subjectUserId: subject.id,
  };
}

type Case = {
  name: string;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  allowed: Persona[];
  fields: (f: Fixture) => Record<string, string | string[]>;
};

const evidenceFields = (f: Fixture) => ({
  claimId: f.claimId,
  url: "https://citypaper.example/mayor-resigns",
  headline: "The mayor resigns",
  stance: "reports",
  sourcing: "on_record",
  outletId: f.outletId,
  speakerId: f.personId,
});

const CASES: Case[] = [
  {
    name: "log a claim",
    action: createClaimAction,
    allowed: ["editor"],
    fields: (f) => ({ statement: "A council budget was cut by a third.", entityIds: f.personId, tags: "budget", confirmNotDuplicate: "on" }),
  },
  {
    name: "edit a claim",
    action: updateClaimAction,
    allowed: ["editor"],
    fields: (f) => ({ id: f.claimId, version: "1", statement: "The mayor resigned on Tuesday.", tags: "" }),
  },
  { name: "publish a claim", action: setPublicationAction, allowed: ["editor"], fields: (f) => ({ id: f.claimId, version: "1", publish: "publish" }) },
  { name: "link evidence", action: linkEvidenceAction, allowed: ["editor"], fields: evidenceFields },
  {
    name: "edit evidence",
    action: updateEvidenceAction,
    allowed: ["editor"],
    fields: (f) => ({ ...evidenceFields(f), id: f.evidenceId, version: "1" }),
  },
  { name: "remove evidence", action: removeEvidenceAction, allowed: ["editor"], fields: (f) => ({ claimId: f.claimId, id: f.evidenceId, version: "1" }) },
  {
    name: "accept a claim proposed from an article",
    action: acceptClaimAction,
    allowed: ["editor"],
    fields: () => ({ statement: "The two ministers met secretly in Geneva.", eventDate: "2024-11-07", tags: "" }),
  },
  {
    name: "accept evidence proposed from an article",
    action: acceptEvidenceAction,
    allowed: ["editor"],
    fields: (f) => ({ ...evidenceFields(f), stance: "denies", speakerId: "", newSpeakerName: "Dmitri Peskov", newSpeakerDescription: "Kremlin spokesman" }),
  },
  { name: "add an entity", action: createEntityAction, allowed: ["editor"], fields: () => ({ kind: "person", name: "Dmitry Peskov", description: "Kremlin spokesman" }) },
  {
    name: "edit an entity",
    action: updateEntityAction,
    allowed: ["editor"],
    fields: (f) => ({ id: f.outletId, loadedAt: f.outletUpdatedAt, kind: "organisation", name: "The City Paper", domain: "citypaper.example" }),
  },
  { name: "merge entities", action: mergeEntitiesAction, allowed: ["editor"], fields: (f) => ({ sourceId: f.duplicateId, targetId: f.personId }) },
  { name: "create an account", action: createAccountAction, allowed: ["admin"], fields: () => ({ name: "New Hire", email: "new.hire@test.example", role: "editor" }) },
  { name: "change a role", action: changeRoleAction, allowed: ["admin"], fields: (f) => ({ userId: f.subjectUserId, role: "fact_checker" }) },
  { name: "deactivate an account", action: setAccountActiveAction, allowed: ["admin"], fields: (f) => ({ userId: f.subjectUserId, active: "deactivate" }) },
  { name: "create an API token", action: createApiTokenAction, allowed: ["admin"], fields: () => ({ name: "WordPress", scope: "editor" }) },
  { name: "revoke an API token", action: revokeApiTokenAction, allowed: ["admin"], fields: (f) => ({ id: f.tokenId }) },
  {
    name: "move a claim's status",
    action: moveStatusAction,
    allowed: ["fact_checker"],
    fields: (f) => ({ claimId: f.claimId, fromStatus: "unverified", toStatus: "corroborated", rationale: "Two outlets.", citedEvidenceIds: f.evidenceId }),
  },
  {
    name: "dismiss a suggestion",
    action: dismissSuggestionAction,
    allowed: ["fact_checker"],
    fields: (f) => ({ claimId: f.claimId, suggestedStatus: "corroborated", evidenceIds: f.evidenceId }),
  },
];

const PERSONAS: Persona[] = ["anonymous", "editor", "fact_checker", "admin", "deactivated"];

let f: Fixture;
beforeEach(async () => {
  f = await fixture();
});

describe.each(CASES)("$name", ({ action, allowed, fields }) => {
  it.each(PERSONAS)("as %s", async (persona) => {
    await actAs(persona);
    const before = await snapshot();
    const auditBefore = await db().auditEvent.count();
    const transitionsBefore = await db().statusTransition.count();
    const dismissalsBefore = await db().suggestionDismissal.count();
    const outcome = await submit(action, fields(f));

    if (allowed.includes(persona)) {
      expect(outcome.state?.status ?? "redirected", JSON.stringify(outcome.state)).not.toBe("error");
      // Every allowed action leaves a trace in history: the edit history, or the status history
      // and dismissal records of the verification workflow.
      const traces =
        (await db().auditEvent.count()) + (await db().statusTransition.count()) + (await db().suggestionDismissal.count());
      expect(traces).toBeGreaterThan(auditBefore + transitionsBefore + dismissalsBefore);
    } else {
      expect(outcome.redirectedTo).toBeUndefined();
      expect(outcome.state?.status).toBe("error");
      expect(outcome.state?.message).toMatch(persona === "anonymous" || persona === "deactivated" ? /signed out/ : /role does not allow/);
      expect(await snapshot()).toEqual(before);
    }
  });
});

// The desk's only route handler: similar claims while an editor types (drafts included).
describe("GET /api/desk/similar-claims", () => {
  const expected: Record<Persona, number> = { anonymous: 401, deactivated: 401, fact_checker: 403, admin: 403, editor: 200 };
  it.each(PERSONAS)("as %s", async (persona) => {
    await actAs(persona);
    const response = await similarClaims(new Request("http://desk.test/api/desk/similar-claims?statement=The%20mayor%20resigned%20on%20Monday"));
    expect(response.status).toBe(expected[persona]);
    const body = (await response.json()) as { claims?: { statement: string }[] };
    if (persona === "editor") expect(body.claims?.map((claim) => claim.statement)).toEqual(["The mayor resigned on Monday."]);
    else expect(body.claims).toBeUndefined();
  });
});
