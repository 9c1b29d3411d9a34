// Full-text and fuzzy search over published claims, on a real Postgres with the seed story.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { MARK_START } from "@/lib/search/highlight";
import { COMMON_QUERY, searchPublishedClaims, SEARCH_PAGE_SIZE } from "@/lib/search/queries";
import { createClaim, createEvidence, createUser } from "@/tests/factories";
import { seedDemoData } from "@/prisma/seed";

beforeEach(async () => {
  await seedDemoData(db());
});

const slugs = async (query: string) => (await searchPublishedClaims(query)).hits.map((hit) => hit.slug);

describe("searchPublishedClaims", () => {
  it("finds claims by their statement, context and evidence quotes, and marks the matches", async () => {
    const { hits } = await searchPublishedClaims("Putin call");
    expect(hits[0]?.slug).toBe("trump-spoke-with-putin");
    expect(hits[0]?.statement).toContain(`${MARK_START}Putin`);

    const quote = await searchPublishedClaims('"pure fiction"');
    expect(quote.hits.map((hit) => hit.slug)).toEqual(["trump-spoke-with-putin"]);
    expect(quote.hits[0]?.quote).toContain(`${MARK_START}pure`);
  });

  it("ranks a claim whose statement matches above one that only mentions the word in its evidence", async () => {
    const results = await slugs("drones");
    expect(results[0]).toBe("ukraine-34-drones-moscow");
  });

  it("understands web search syntax: phrases and exclusions", async () => {
    expect(await slugs("Trump -Putin")).not.toContain("trump-spoke-with-putin");
    expect(await slugs("Trump -Putin")).toContain("trump-spoke-with-zelenskyy");
  });

  it("finds near spellings for short or misspelled queries", async () => {
    const { hits } = await searchPublishedClaims("Zelensky");
    expect(hits.map((hit) => hit.slug)).toContain("trump-spoke-with-zelenskyy");
  });

  it("never returns drafts, however well they match", async () => {
    expect(await slugs("Musk joined")).not.toContain("musk-joined-trump-zelenskyy-call");
    expect(await slugs("Elon Musk")).not.toContain("musk-joined-trump-zelenskyy-call");
    expect(await slugs("never have invaded")).toEqual([]);
  });

  it("treats any input as text: no injection, no syntax errors", async () => {
    for (const query of ["'); DROP TABLE claims; --", "a & | ! ( :* <->", "\\", "%_", "\u0000", "ドローン"]) {
      await expect(searchPublishedClaims(query)).resolves.toBeDefined();
    }
    await expect(db().claim.count()).resolves.toBeGreaterThan(0);
  });

  it("follows changes to a claim's text and evidence", async () => {
    const claim = await db().claim.findUniqueOrThrow({ where: { slug: "trump-end-war-in-a-day" }, select: { id: true } });
    await db().claim.update({ where: { id: claim.id }, data: { context: "He also promised a quick armistice." } });
    expect(await slugs("armistice")).toEqual(["trump-end-war-in-a-day"]);
    const item = await db().evidence.findFirstOrThrow({ where: { claimId: claim.id }, select: { id: true } });
    await db().evidence.update({ where: { id: item.id }, data: { quote: "A negotiated truce within a day." } });
    expect(await slugs("truce")).toEqual(["trump-end-war-in-a-day"]);
    await db().evidence.update({ where: { id: item.id }, data: { removedAt: new Date(), removedById: (await db().user.findFirstOrThrow({ select: { id: true } })).id } });
    expect(await slugs("truce")).toEqual([]);
  });

  it("finds a phrase only where its words stand together, in statement, context or evidence, and honours an exclusion", async () => {
    const editor = await createUser(db());
    const make = (slug: string, statement: string) => createClaim(db(), { createdById: editor.id, slug, statement });
    await make("phrase-statement", "The harbour pilot refused the order.");
    await make("phrase-apart", "The pilot of the harbour refused the order.");
    await make("phrase-excluded", "The harbour pilot blamed drones.");
    const inContext = await make("phrase-context", "A ship ran aground.");
    await db().claim.update({ where: { id: inContext.id }, data: { context: "Witnesses saw the harbour pilot leave." } });
    const inEvidence = await make("phrase-evidence", "A second ship ran aground.");
    await createEvidence(db(), { claimId: inEvidence.id, createdById: editor.id, headline: "Harbour pilot speaks" });
    await createClaim(db(), { createdById: editor.id, slug: "phrase-draft", statement: "The harbour pilot, in a draft.", publication: "draft" });

    expect((await slugs('"harbour pilot" -drones')).sort()).toEqual(["phrase-context", "phrase-evidence", "phrase-statement"]);
    expect((await slugs('"harbour pilot"')).sort()).toEqual(["phrase-context", "phrase-evidence", "phrase-excluded", "phrase-statement"]);
    const negated = await slugs('-"harbour pilot" refused');
    expect(negated).toContain("phrase-apart");
    expect(negated).not.toContain("phrase-statement");
    const { hits } = await searchPublishedClaims('"harbour pilot" -drones');
    expect(hits.find((hit) => hit.slug === "phrase-statement")?.statement).toContain(`${MARK_START}harbour`);
  });

  it("matches exactly what websearch_to_tsquery matches, however the quotes, minus signs and 'or' are placed", async () => {
    const editor = await createUser(db());
    const statements = [
      "The harbour pilot refused the order.",
      "The pilot of the harbour refused.",
      "Harbour pilot said drones flew.",
      "The pilot said the harbour was closed.",
      "Pilot harbour, harbour pilot, pilot said.",
    ];
    for (const [index, statement] of statements.entries()) await createClaim(db(), { createdById: editor.id, slug: `equivalence-${index}`, statement });
    const queries = [
      '"harbour pilot"', '"harbour pilot" -drones', '- "harbour pilot"', '-"harbour pilot" pilot', '--"harbour pilot"',
      '"harbour pilot" or drones', 'x"harbour pilot"', '"pilot harbour"', '"the harbour pilot"', '"harbour  pilot" "pilot said"',
      '"harbour pilot said"', '"pilot said" -"harbour pilot"', '"harbour pilot', 'harbour pilot"', '"harbour" "pilot"',
    ];
    for (const query of queries) {
      const expected = await db().$queryRaw<{ slug: string }[]>`
        SELECT slug FROM claims WHERE publication = 'published' AND "searchVector" @@ websearch_to_tsquery('english', ${query})`;
      const { hits } = await searchPublishedClaims(query);
      expect(hits.filter((hit) => !hit.fuzzy).map((hit) => hit.slug).sort(), query).toEqual(expected.map((row) => row.slug).sort());
    }
  });

  it("ranks a common query's newest matches best first, and its pages go on through older matches without repeats or gaps", async () => {
    const editor = await createUser(db());
    const total = COMMON_QUERY.CANDIDATES + 30;
    const start = Date.now() - total * 60_000;
    // The oldest claim mentions the word most, but is not among the newest CANDIDATES matches.
    const statement = (index: number) =>
      index === 0 ? "Bridge, bridge, bridge, bridge: the bridge closed." : index === total - 10 ? "Bridge bridge bridge inspection." : `Bridge report ${index}.`;
    await db().$transaction(async (tx) => {
      await tx.claim.createMany({
        data: Array.from({ length: total }, (_, index) => ({
          id: `00000000-0000-7000-8000-${String(index).padStart(12, "0")}`,
          slug: `bridge-${index}`,
          statement: statement(index),
          publication: index % 25 === 24 ? ("draft" as const) : ("published" as const),
          publishedAt: index % 25 === 24 ? null : new Date(start),
          createdById: editor.id,
          updatedAt: new Date(start + index * 60_000),
        })),
      });
      await tx.statusTransition.createMany({
        data: Array.from({ length: total }, (_, index) => ({
          claimId: `00000000-0000-7000-8000-${String(index).padStart(12, "0")}`,
          sequence: 1,
          toStatus: "unverified" as const,
          actorId: editor.id,
          actorRole: "editor" as const,
          rationale: "Logged.",
        })),
      });
    });
    const matches = await db().$queryRaw<{ slug: string; updatedAt: Date }[]>`
      SELECT slug, "updatedAt" FROM claims WHERE publication = 'published' AND "searchVector" @@ websearch_to_tsquery('english', 'bridge')
       ORDER BY "updatedAt" DESC, id DESC`;
    expect(matches.length).toBeGreaterThan(COMMON_QUERY.CANDIDATES + SEARCH_PAGE_SIZE);

    const seen: string[] = [];
    for (let page = 1; ; page += 1) {
      const { hits, more } = await searchPublishedClaims("bridge", page);
      expect(hits.every((hit) => !hit.fuzzy)).toBe(true);
      seen.push(...hits.map((hit) => hit.slug));
      if (page === 1) expect(hits[0]?.slug).toBe(`bridge-${total - 10}`);
      if (!more) break;
      expect(hits).toHaveLength(SEARCH_PAGE_SIZE);
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(matches.map((row) => row.slug).sort());
    expect(seen.some((slug) => /^bridge-\d+$/.test(slug) && Number(slug.slice(7)) % 25 === 24)).toBe(false);
    // The first CANDIDATES results are the newest CANDIDATES matches; then older ones, newest first.
    const newest = matches.slice(0, COMMON_QUERY.CANDIDATES).map((row) => row.slug);
    expect([...seen.slice(0, COMMON_QUERY.CANDIDATES)].sort()).toEqual([...newest].sort());
    expect(seen.slice(COMMON_QUERY.CANDIDATES)).toEqual(matches.slice(COMMON_QUERY.CANDIDATES).map((row) => row.slug));
    expect(seen.slice(COMMON_QUERY.CANDIDATES)).toContain("bridge-0");
  });

  it("ranks every match of a query that is not common, across pages", async () => {
    const editor = await createUser(db());
    for (let index = 0; index < 25; index += 1) {
      await createClaim(db(), { createdById: editor.id, slug: `ferry-${index}`, statement: index === 3 ? "Ferry, ferry, ferry: the ferry sank." : `Ferry report ${index}.` });
    }
    const first = await searchPublishedClaims("ferry", 1);
    const second = await searchPublishedClaims("ferry", 2);
    expect(first.hits[0]?.slug).toBe("ferry-3");
    expect(first.more).toBe(true);
    expect(second.more).toBe(false);
    const all = [...first.hits, ...second.hits].map((hit) => hit.slug);
    expect(all).toHaveLength(25);
    expect(new Set(all).size).toBe(25);
  });
});

