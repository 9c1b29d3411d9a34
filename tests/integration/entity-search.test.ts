// The desk's entity pickers against a real Postgres: the search behind GET /api/desk/entities
// (ranking, merged entities, LIKE escaping, kinds, the index), who may call it, entities created
// inline with a description and an affiliation in the same transaction as the claim or evidence,
// the duplicate warning, and that an inline speaker affiliated with a claim's entity makes
// "denial suggests disputed" fire.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET as searchRoute } from "@/app/api/desk/entities/route";
import { createClaimAction } from "@/lib/claims/actions";
import { db } from "@/lib/db";
import { createEntityAction } from "@/lib/entities/actions";
import { entitySearchSql, searchEntities } from "@/lib/entities/queries";
import { linkEvidenceAction } from "@/lib/evidence/actions";
import { listReviewQueue } from "@/lib/review/queries";
import { ReviewFiltersSchema } from "@/lib/review/schema";
import { createClaim, createUser } from "@/tests/factories";
import { actAs, PERSONAS, type Persona } from "@/tests/factories/sessions";
import { submit } from "@/tests/setup/next-request";

vi.mock("next/headers", async () => (await import("@/tests/setup/next-request")).nextHeadersMock);
vi.mock("next/headers.js", async () => (await import("@/tests/setup/next-request")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("@/tests/setup/next-request")).nextCacheMock);

type Kind = "person" | "organisation";
const entity = (name: string, kind: Kind = "person", extra: { description?: string; domain?: string; affiliationId?: string } = {}) =>
  db().entity.create({ data: { kind, name, ...extra }, select: { id: true } }).then((row) => row.id);
const names = async (q: string, kind: "any" | Kind | "outlet" = "any") => (await searchEntities(q, kind)).map((row) => row.name);
const counts = async () => ({ entities: await db().entity.count(), claims: await db().claim.count(), evidence: await db().evidence.count(), audit: await db().auditEvent.count() });

describe("the search", () => {
  it("ranks the exact name first, then names that start with the text, then the most alike", async () => {
    await entity("Peskov Foundation", "organisation");
    await entity("Dmitry Peskov", "person", { description: "Kremlin spokesman" });
    await entity("Peskov");
    await entity("Anna Peskova");
    await entity("Apeskovich");
    // Exact; starts with it; a word starts with it (shortest first); contains it.
    expect(await names("peskov")).toEqual(["Peskov", "Peskov Foundation", "Anna Peskova", "Dmitry Peskov", "Apeskovich"]);
    // A misspelling still finds the name (trigram word similarity), and the answer is bounded.
    expect(await names("Peskof")).toContain("Dmitry Peskov");
    for (let index = 0; index < 15; index += 1) await entity(`Peskov clone ${index}`);
    expect(await names("peskov")).toHaveLength(10);
  });

  it("finds a word that starts with one or two typed characters", async () => {
    await entity("Dmitry Peskov");
    await entity("Vladimir Putin");
    expect(await names("pe")).toEqual(["Dmitry Peskov"]);
    expect(await names("v")).toEqual(["Vladimir Putin"]);
    expect(await names("mit")).toEqual(["Dmitry Peskov"]);
  });

  it("never offers a merged duplicate", async () => {
    const kept = await entity("Dmitry Peskov");
    const merged = await entity("Dmitry Peskov (dup)");
    await db().entity.update({ where: { id: merged }, data: { mergedIntoId: kept } });
    expect(await names("Dmitry Peskov")).toEqual(["Dmitry Peskov"]);
  });

  it("treats % and _ as themselves, not as wildcards", async () => {
    await entity("100% Fact Check", "organisation");
    await entity("1000 Facts", "organisation");
    await entity("snake_case Inc", "organisation");
    await entity("snakeXcase Inc", "organisation");
    // Unescaped, "%" and "_" alone would match every name.
    expect(await names("%")).toEqual([]);
    expect(await names("_")).toEqual([]);
    expect(await names("\\")).toEqual([]);
    expect(await names("e_c")).toEqual(["snake_case Inc"]);
    expect((await names("100%"))[0]).toBe("100% Fact Check");
  });

  it("filters by kind; outlets are organisations, those with a web domain first", async () => {
    await entity("Reuters Institute", "organisation");
    await entity("Reuters", "organisation", { domain: "reuters.com" });
    await entity("Reuters Fan", "person");
    expect(await names("reuters", "person")).toEqual(["Reuters Fan"]);
    expect(await names("reuters", "organisation")).toEqual(["Reuters", "Reuters Institute"]);
    expect(await names("reuters institute", "outlet")).toEqual(["Reuters Institute"]);
    expect(await names("reut", "outlet")).toEqual(["Reuters", "Reuters Institute"]);
    expect(await names("reuters", "any")).toHaveLength(3);
  });

  it("goes through the partial trigram index", async () => {
    await entity("Dmitry Peskov");
    // Enough rows, statistics, and the index's pending list flushed (VACUUM), for the planner to
    // prefer the index to reading the table.
    await db().$executeRaw`INSERT INTO entities (id, kind, name, "updatedAt") SELECT gen_random_uuid(), 'person', md5(i::text), now() FROM generate_series(1, 5000) i`;
    await db().$executeRaw`VACUUM ANALYZE entities`;
    const plan = await db().$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      const sql = entitySearchSql("Peskov", "person");
      return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${sql.text}`, ...sql.values);
    });
    expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toContain("entities_name_trgm_idx");
  });
});

describe("GET /api/desk/entities", () => {
  const expected: Record<Persona, number> = { anonymous: 401, deactivated: 401, fact_checker: 200, admin: 200, editor: 200 };
  it.each(PERSONAS)("as %s", async (persona) => {
    await entity("Dmitry Peskov", "person", { description: "Kremlin spokesman" });
    await actAs(persona);
    const response = await searchRoute(new Request("http://desk.test/api/desk/entities?q=peskov&kind=person"));
    expect(response.status).toBe(expected[persona]);
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const body = (await response.json()) as { entities?: { name: string; description: string }[] };
    if (expected[persona] === 200) expect(body.entities).toEqual([expect.objectContaining({ name: "Dmitry Peskov", description: "Kremlin spokesman" })]);
    else expect(body.entities).toBeUndefined();
  });

  it("answers no entities, never an error, for a kind it does not know or text it cannot search", async () => {
    await entity("Dmitry Peskov");
    await actAs("editor");
    for (const query of ["q=peskov&kind=robot", "q=", "kind=person", `q=${"x".repeat(201)}`, "q=%00", "q=%ED%A0%80"]) {
      const response = await searchRoute(new Request(`http://desk.test/api/desk/entities?${query}`));
      expect(response.status, query).toBe(200);
      expect(((await response.json()) as { entities: unknown[] }).entities, query).toEqual([]);
    }
  });
});

describe("creating entities inline", () => {
  let editorId: string;
  let kremlin: string;
  beforeEach(async () => {
    editorId = (await createUser(db(), "editor")).id;
    kremlin = await entity("Kremlin", "organisation", { description: "Office of the President of Russia" });
    await actAs("editor");
  });

  it("a claim creates its new people with their description and affiliation, and audits them", async () => {
    const { redirectedTo } = await submit(createClaimAction, {
      statement: "Trump spoke with Putin.",
      entityIds: kremlin,
      newEntityName: ["Dmitry Peskov", "Kremlin Press Office"],
      newEntityKind: ["person", "organisation"],
      newEntityDescription: ["Kremlin spokesman", ""],
      newEntityAffiliationId: [kremlin, kremlin],
    });
    expect(redirectedTo).toMatch(/\/desk\/claims\//);
    const peskov = await db().entity.findFirstOrThrow({ where: { name: "Dmitry Peskov" }, select: { id: true, kind: true, description: true, affiliationId: true } });
    expect(peskov).toMatchObject({ kind: "person", description: "Kremlin spokesman", affiliationId: kremlin });
    const office = await db().entity.findFirstOrThrow({ where: { name: "Kremlin Press Office" }, select: { kind: true, affiliationId: true } });
    expect(office).toEqual({ kind: "organisation", affiliationId: kremlin });
    const claim = await db().claim.findFirstOrThrow({ where: { statement: "Trump spoke with Putin." }, select: { entities: { select: { entityId: true } } } });
    expect(claim.entities.map((link) => link.entityId)).toHaveLength(3);
    expect(await db().auditEvent.count({ where: { action: "entity_created", entityId: peskov.id } })).toBe(1);
  });

  it("writes nothing at all when the claim is refused after the entities were created", async () => {
    const before = await counts();
    const { state } = await submit(createClaimAction, {
      statement: "Trump spoke with Putin.",
      newEntityName: ["Dmitry Peskov", "Steven Cheung"],
      newEntityKind: ["person", "person"],
      newEntityDescription: ["Kremlin spokesman", ""],
      // The second affiliation is a person, not an organisation: refused after the first entity was created.
      newEntityAffiliationId: [kremlin, editorId],
    });
    expect(state?.status).toBe("error");
    expect(state?.fieldErrors?.entityIds?.[0]).toMatch(/organisation/);
    expect(await counts()).toEqual(before);
  });

  it("evidence creates a new speaker with a description and affiliation in its own transaction", async () => {
    const claimId = (await createClaim(db(), { createdById: editorId, publication: "draft" })).id;
    const fields = {
      claimId,
      url: "https://tass.example/peskov",
      headline: "Kremlin denies the call",
      stance: "denies",
      sourcing: "on_record",
      newOutletName: "TASS",
      newOutletDescription: "Russian state news agency",
      newSpeakerName: "Dmitry Peskov",
      newSpeakerKind: "person",
      newSpeakerDescription: "Kremlin spokesman",
      newSpeakerAffiliationId: kremlin,
    };
    const before = await counts();
    // Refused once the outlet was created: its affiliation is not an organisation.
    const refused = await submit(linkEvidenceAction, { ...fields, newSpeakerAffiliationId: editorId });
    expect(refused.state?.fieldErrors?.speakerId?.[0]).toMatch(/organisation/);
    expect(await counts()).toEqual(before);

    expect((await submit(linkEvidenceAction, fields)).redirectedTo).toMatch(/evidence=linked/);
    const evidence = await db().evidence.findFirstOrThrow({
      where: { claimId },
      select: { speaker: { select: { name: true, description: true, affiliationId: true } }, outlet: { select: { name: true, description: true, domain: true } } },
    });
    expect(evidence.speaker).toEqual({ name: "Dmitry Peskov", description: "Kremlin spokesman", affiliationId: kremlin });
    expect(evidence.outlet).toEqual({ name: "TASS", description: "Russian state news agency", domain: "tass.example" });
  });

  it("makes the denial suggestion fire when the new speaker is affiliated with the claim's entity", async () => {
    const putin = await entity("Vladimir Putin", "person", { affiliationId: kremlin });
    const claimId = (await createClaim(db(), { createdById: editorId, publication: "draft", statement: "Trump spoke with Putin." })).id;
    await db().claimEntity.create({ data: { claimId, entityId: putin } });
    const denial = {
      claimId,
      url: "https://tass.example/peskov",
      headline: "Kremlin denies the call",
      stance: "denies",
      sourcing: "on_record",
      newOutletName: "TASS",
      newSpeakerName: "Dmitry Peskov",
      newSpeakerDescription: "Kremlin spokesman",
    };
    const suggested = async () => (await listReviewQueue(ReviewFiltersSchema.parse({ show: "suggested" }))).items;

    // A bare name, as the form once sent: nobody can tell that he speaks for the Kremlin.
    expect((await submit(linkEvidenceAction, { ...denial, newSpeakerName: "Dmitry Peskov Jr" })).redirectedTo).toBeDefined();
    expect(await suggested()).toEqual([]);

    expect((await submit(linkEvidenceAction, { ...denial, url: "https://tass.example/peskov-2", newSpeakerAffiliationId: kremlin, confirmNewSpeaker: "on" })).redirectedTo).toBeDefined();
    const [item] = await suggested();
    expect(item?.id).toBe(claimId);
    expect(item?.suggestions).toEqual([expect.objectContaining({ to: "disputed" })]);
    expect(item?.suggestions[0]?.reason).toMatch(/Dmitry Peskov \(Kremlin spokesman\), a party to the claim/);
  });
});

describe("the duplicate warning", () => {
  let peskov: string;
  beforeEach(async () => {
    peskov = await entity("Dmitry Peskov", "person", { description: "Kremlin spokesman" });
    await actAs("editor");
  });

  it("refuses a near-duplicate speaker, naming the existing one and keeping every field; confirming creates it", async () => {
    const claimId = (await createClaim(db(), { createdById: (await createUser(db(), "editor")).id, publication: "draft" })).id;
    const fields = {
      claimId,
      url: "https://tass.example/peskov",
      headline: "Kremlin denies the call",
      stance: "denies",
      sourcing: "on_record",
      newOutletName: "TASS",
      newSpeakerName: "Dmitri Peskov",
      newSpeakerDescription: "Press secretary",
      newSpeakerNameLabel: "kept as sent",
    };
    const before = await counts();
    const { state } = await submit(linkEvidenceAction, fields);
    expect(state?.status).toBe("error");
    expect(state?.fieldErrors?.speakerId?.[0]).toMatch(/“Dmitri Peskov” looks like Dmitry Peskov — Kremlin spokesman/);
    expect(state?.confirm).toEqual(["confirmNewSpeaker"]);
    expect(state?.values).toEqual(fields);
    expect(await counts()).toEqual(before);

    expect((await submit(linkEvidenceAction, { ...fields, confirmNewSpeaker: "on" })).redirectedTo).toMatch(/evidence=linked/);
    const speaker = await db().evidence.findFirstOrThrow({ where: { claimId }, select: { speaker: { select: { id: true, name: true } } } });
    expect(speaker.speaker?.name).toBe("Dmitri Peskov");
    expect(speaker.speaker?.id).not.toBe(peskov);
  });

  it("an exact name (but for case) reuses the existing entity without asking", async () => {
    const { redirectedTo } = await submit(createClaimAction, {
      statement: "Peskov denied the call.",
      newEntityName: "dmitry peskov",
      newEntityKind: "person",
      newEntityDescription: "",
      newEntityAffiliationId: "",
    });
    expect(redirectedTo).toBeDefined();
    expect(await db().entity.count({ where: { name: { contains: "eskov" } } })).toBe(1);
  });

  it("on a claim, and on the new-entity page, until confirmed", async () => {
    const claim = { statement: "Peskov denied the call.", newEntityName: "Dmitri Peskov", newEntityKind: "person", newEntityDescription: "", newEntityAffiliationId: "" };
    const refused = await submit(createClaimAction, claim);
    expect(refused.state?.fieldErrors?.entityIds?.[0]).toMatch(/looks like Dmitry Peskov/);
    expect(refused.state?.confirm).toEqual(["confirmNewEntities"]);
    expect((await submit(createClaimAction, { ...claim, confirmNewEntities: "on" })).redirectedTo).toBeDefined();

    const page = { kind: "person", name: "Dmitriy Peskov", description: "Spokesman" };
    const onPage = await submit(createEntityAction, page);
    expect(onPage.state?.fieldErrors?.name?.[0]).toMatch(/“Dmitriy Peskov” looks like Dmitr(y|i) Peskov/);
    expect(onPage.state?.confirm).toEqual(["confirmNotDuplicate"]);
    expect(onPage.state?.values).toEqual(page);
    expect((await submit(createEntityAction, { ...page, confirmNotDuplicate: "on" })).redirectedTo).toMatch(/created=1/);
    expect(await db().entity.count({ where: { name: { contains: "Peskov" } } })).toBe(3);
  });

  it("does not take someone else of the same first name for a duplicate", async () => {
    await entity("Vladimir Putin");
    const { redirectedTo } = await submit(createEntityAction, { kind: "person", name: "Vladimir Zelensky" });
    expect(redirectedTo).toMatch(/created=1/);
  });
});
