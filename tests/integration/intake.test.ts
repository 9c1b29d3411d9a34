// Article intake against the real database: analysing an article (pasted, or fetched from a local
// HTTP server through the SSRF guard) matches its speakers, outlets and claims to the desk's; and
// accepting proposals writes claims, evidence, entities and their history through the desk's own
// mutations, for editors only.
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { acceptClaimAction, acceptEvidenceAction, analyseArticleAction, type IntakeState } from "@/lib/intake/actions";
import { entityKey } from "@/lib/intake/queries";
import { createClaim, createUser } from "@/tests/factories";
import { actAs } from "@/tests/factories/sessions";
import { readFixture } from "@/tests/fixtures/articles/score";
import { submit } from "@/tests/setup/next-request";
import { snapshotTables as snapshot } from "@/tests/setup/table-snapshot";

vi.mock("next/headers", async () => (await import("@/tests/setup/next-request")).nextHeadersMock);
vi.mock("next/headers.js", async () => (await import("@/tests/setup/next-request")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("@/tests/setup/next-request")).nextCacheMock);

const GENEVA = readFixture("geneva-denied.html");

// A local "news site": the article, a 404, a PDF, and a page that never finishes.
let server: http.Server;
let base: string;
beforeAll(async () => {
  server = http.createServer((request, response) => {
    if (request.url === "/world/geneva") {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(GENEVA);
    } else if (request.url === "/report.pdf") {
      response.writeHead(200, { "content-type": "application/pdf" });
      response.end("%PDF-1.7");
    } else {
      response.writeHead(404, { "content-type": "text/html" });
      response.end("<p>Not found</p>");
    }
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
  delete process.env.OUTBOUND_ALLOW_PRIVATE;
});

async function analyse(fields: Record<string, string>) {
  return (await submit<IntakeState>(analyseArticleAction, fields)).state!;
}

describe("analysing an article", () => {
  beforeEach(() => {
    delete process.env.OUTBOUND_ALLOW_PRIVATE;
  });

  it("matches speakers and outlets to the desk's entities by trigram similarity, and finds the claim it duplicates", async () => {
    await actAs("editor");
    const author = await createUser(db(), "editor");
    const peskov = await db().entity.create({ data: { kind: "person", name: "Dmitry Peskov", description: "Kremlin spokesman" }, select: { id: true } });
    const reuters = await db().entity.create({ data: { kind: "organisation", name: "Reuters", domain: "reuters.com" }, select: { id: true } });
    const existing = await createClaim(db(), { createdById: author.id, statement: "The foreign ministers of Russia and Ukraine met secretly in Geneva." });

    const state = await analyse({ article: GENEVA });
    expect(state.status, JSON.stringify(state.fieldErrors)).toBe("success");
    const analysis = state.analysis!;
    expect(analysis.article.headline).toBe("Russian and Ukrainian ministers met secretly in Geneva, paper says; Kremlin denies");
    // The editor's zone is UTC by default: the wall clock of 14:30Z.
    expect(analysis.article.publishedAtLocal).toBe("2024-11-08T14:30");
    expect(analysis.matches.entities[entityKey("person", "Dmitri Peskov")]).toMatchObject({ id: peskov.id, exact: false });
    expect(analysis.matches.entities[entityKey("organisation", "Reuters")]).toMatchObject({ id: reuters.id, exact: true });
    expect(analysis.matches.entities[entityKey("organisation", "Le Temps")]).toBeNull();
    const meeting = analysis.proposals.claims[0]!;
    expect(analysis.matches.similarClaims[meeting.id]?.map((claim) => claim.id)).toEqual([existing.id]);
    // The pasted article is kept in the form.
    expect(state.values?.article).toBe(GENEVA.trim());
  });

  it("fetches a web address through the SSRF guard, and says why when it cannot", async () => {
    await actAs("editor");
    const blocked = await analyse({ url: `${base}/world/geneva` });
    expect(blocked).toMatchObject({ status: "error", fieldErrors: { url: [expect.stringMatching(/private network/)] } });
    expect(blocked.values?.url).toBe(`${base}/world/geneva`);

    process.env.OUTBOUND_ALLOW_PRIVATE = "1";
    const fetched = await analyse({ url: `${base}/world/geneva` });
    expect(fetched.status).toBe("success");
    expect(fetched.analysis?.article).toMatchObject({ outlet: "Northline News", fetchedUrl: `${base}/world/geneva` });
    expect(fetched.analysis?.proposals.claims.length).toBe(3);

    expect((await analyse({ url: `${base}/gone` })).fieldErrors?.url?.[0]).toMatch(/answered 404/);
    expect((await analyse({ url: `${base}/report.pdf` })).fieldErrors?.url?.[0]).toMatch(/not a web page \(it is application\/pdf\)/);
  });

  it("asks for an article when given neither text nor address", async () => {
    await actAs("editor");
    expect((await analyse({ article: "  ", url: "" })).fieldErrors?.article).toEqual(["Paste the article's text, or enter its web address"]);
  });

  it.each(["anonymous", "fact_checker", "admin"] as const)("is refused to %s, who could not accept a proposal", async (persona) => {
    await actAs(persona);
    const state = await analyse({ article: GENEVA });
    expect(state.status).toBe("error");
    expect(state.analysis).toBeUndefined();
  });
});

describe("accepting proposals", () => {
  it("logs the claim and links its evidence through the desk's mutations, with their history", async () => {
    await actAs("editor");
    const peskov = await db().entity.create({ data: { kind: "person", name: "Dmitry Peskov" }, select: { id: true } });
    const analysis = (await analyse({ article: GENEVA })).analysis!;
    const meeting = analysis.proposals.claims[0]!;

    const claimState = (
      await submit(acceptClaimAction, { statement: meeting.statement, eventDate: meeting.eventDate ?? "", eventDatePrecision: meeting.eventDatePrecision, tags: "" })
    ).state!;
    expect(claimState.status).toBe("success");
    const claimId = claimState.created!.id;
    expect(await db().claim.findUniqueOrThrow({ where: { id: claimId }, select: { statement: true, eventDate: true, publication: true } })).toEqual({
      statement: "The foreign ministers of Russia and Ukraine met secretly in Geneva",
      eventDate: new Date("2024-11-07T00:00:00Z"),
      publication: "draft",
    });

    // Le Temps' report (an outlet new to the desk), then this article citing it.
    const leTemps = meeting.evidence.find((evidence) => evidence.outlet === "Le Temps")!;
    const original = (
      await submit(acceptEvidenceAction, {
        claimId,
        url: "https://letemps.example/geneve-rencontre",
        headline: "Rencontre secrète à Genève",
        stance: leTemps.stance,
        sourcing: leTemps.sourcing,
        newOutletName: "Le Temps",
        speakerDescription: "two officials who were not authorised to speak publicly",
      })
    ).state!;
    expect(original.status, original.message).toBe("success");
    const citing = (
      await submit(acceptEvidenceAction, {
        claimId,
        url: analysis.article.canonicalUrl!,
        headline: analysis.article.headline!,
        publishedAt: analysis.article.publishedAtLocal,
        stance: "reports",
        sourcing: leTemps.sourcing,
        newOutletName: analysis.article.outlet!,
        derivedFromId: original.created!.id,
        derivation: "cites",
      })
    ).state!;
    expect(citing.status, citing.message).toBe("success");

    // Peskov's denial, with the entity "Dmitri Peskov" matched to.
    const denial = meeting.evidence.find((evidence) => evidence.speaker?.name === "Dmitri Peskov")!;
    const denied = (
      await submit(acceptEvidenceAction, {
        claimId,
        url: analysis.article.canonicalUrl!,
        headline: analysis.article.headline!,
        stance: denial.stance,
        sourcing: denial.sourcing,
        outletId: (await db().entity.findFirstOrThrow({ where: { name: "Northline News" }, select: { id: true } })).id,
        speakerId: analysis.matches.entities[entityKey("person", "Dmitri Peskov")]!.id,
        quote: denial.quote,
      })
    ).state!;
    expect(denied.status, denied.message).toBe("success");

    const evidence = await db().evidence.findMany({
      where: { claimId },
      orderBy: { createdAt: "asc" },
      select: { stance: true, sourcing: true, derivation: true, derivedFromId: true, speakerId: true, quote: true, outlet: { select: { name: true, domain: true } } },
    });
    expect(evidence).toEqual([
      { stance: "reports", sourcing: "anonymous", derivation: null, derivedFromId: null, speakerId: null, quote: "", outlet: { name: "Le Temps", domain: "letemps.example" } },
      { stance: "reports", sourcing: "anonymous", derivation: "cites", derivedFromId: original.created!.id, speakerId: null, quote: "", outlet: { name: "Northline News", domain: "northline.example" } },
      { stance: "denies", sourcing: "on_record", derivation: null, derivedFromId: null, speakerId: peskov.id, quote: "No such meeting took place", outlet: { name: "Northline News", domain: "northline.example" } },
    ]);
    const history = await db().auditEvent.findMany({ where: { OR: [{ claimId }, { entityId: { not: null } }] }, select: { action: true }, orderBy: { id: "asc" } });
    expect(history.map((event) => event.action).sort()).toEqual(
      ["claim_created", "entity_created", "entity_created", "evidence_linked", "evidence_linked", "evidence_linked"].sort(),
    );
  });

  it("stops at a claim the desk already has, unless the editor confirms it is another", async () => {
    await actAs("editor");
    const author = await createUser(db(), "editor");
    await createClaim(db(), { createdById: author.id, statement: "The two ministers met secretly in Geneva." });
    const fields = { statement: "The two ministers met secretly in Geneva", tags: "ukraine-war" };
    const before = await db().claim.count();
    const refused = (await submit(acceptClaimAction, fields)).state!;
    expect(refused).toMatchObject({ status: "error", confirm: ["confirmNotDuplicate"], values: fields });
    expect(refused.similar).toHaveLength(1);
    expect(await db().claim.count()).toBe(before);
    expect((await submit(acceptClaimAction, { ...fields, confirmNotDuplicate: "on" })).state?.status).toBe("success");
    expect(await db().claim.count()).toBe(before + 1);
  });

  it("a new speaker that looks like one on the desk asks first, and writes nothing", async () => {
    await actAs("editor");
    const author = await createUser(db(), "editor");
    const claim = await createClaim(db(), { createdById: author.id, statement: "The two ministers met secretly in Geneva." });
    await db().entity.create({ data: { kind: "person", name: "Dmitry Peskov" } });
    await db().entity.create({ data: { kind: "organisation", name: "Northline News", domain: "northline.example" } });
    const before = await snapshot();
    const fields = {
      claimId: claim.id,
      url: "https://northline.example/world/geneva",
      headline: "Ministers met",
      stance: "denies",
      sourcing: "on_record",
      newSpeakerName: "Dmitri Peskov",
      newSpeakerDescription: "Kremlin spokesman",
    };
    const state = (await submit(acceptEvidenceAction, fields)).state!;
    expect(state).toMatchObject({ status: "error", confirm: ["confirmNewSpeaker"], values: fields });
    expect(await snapshot()).toEqual(before);
  });

  it.each(["anonymous", "fact_checker", "admin"] as const)("as %s: refused, nothing written", async (persona) => {
    await actAs(persona);
    const before = await snapshot();
    const state = (await submit(acceptClaimAction, { statement: "The two ministers met secretly in Geneva", tags: "", confirmNotDuplicate: "on" })).state!;
    expect(state.status).toBe("error");
    expect(await snapshot()).toEqual(before);
  });
});
