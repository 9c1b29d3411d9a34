// Text PostgreSQL cannot store (U+0000, unpaired surrogates) never reaches it, from any way in:
// a URL parameter that holds it is a 404, a list filter that holds it is ignored, a form field
// that holds it gets a message. Each page, route handler and action is called as a function, with
// the driver watched (tests/setup/query-log.ts).
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import InvitationPage from "@/app/(auth)/invite/[token]/page";
import DeskClaimPage from "@/app/(newsroom)/desk/claims/[id]/page";
import EditClaimPage from "@/app/(newsroom)/desk/claims/[id]/edit/page";
import EditEvidencePage from "@/app/(newsroom)/desk/claims/[id]/evidence/[evidenceId]/page";
import NewEvidencePage from "@/app/(newsroom)/desk/claims/[id]/evidence/new/page";
import EditEntityPage from "@/app/(newsroom)/desk/entities/[id]/page";
import EntitiesPage from "@/app/(newsroom)/desk/entities/page";
import DeskPage from "@/app/(newsroom)/desk/claims/page";
import ClaimPage, { generateMetadata as claimMetadata } from "@/app/(public)/claims/[slug]/page";
import { GET as claimCard } from "@/app/(public)/claims/[slug]/card.png/route";
import { GET as claimFeed } from "@/app/(public)/claims/[slug]/feed.xml/route";
import EntityPage from "@/app/(public)/entities/[id]/page";
import HomePage from "@/app/(public)/page";
import SearchPage from "@/app/(public)/search/page";
import { GET as entitySearch } from "@/app/api/desk/entities/route";
import { GET as oEmbed } from "@/app/api/oembed/route";
import { GET as embedCard } from "@/app/embed/claims/[slug]/route";
import { siteConfig } from "@/lib/env";
import { GET as similarClaims } from "@/app/api/desk/similar-claims/route";
import { acceptInvitationAction, changeRoleAction, createAccountAction, setTimeZoneAction } from "@/lib/accounts/actions";
import type { FormState } from "@/lib/actions/form-state";
import { createClaimAction, updateClaimAction } from "@/lib/claims/actions";
import { createEntityAction, updateEntityAction } from "@/lib/entities/actions";
import { linkEvidenceAction, updateEvidenceAction } from "@/lib/evidence/actions";
import { searchPublishedClaims } from "@/lib/search/queries";
import { UNSTORABLE_TEXT } from "@/lib/text";
import { moveStatusAction } from "@/lib/verification/actions";
import { createDeskFixture, type DeskFixture } from "@/tests/factories/desk";
import { type Persona, type PersonaPool, signInPersonas } from "@/tests/factories/sessions";
import { pageOutcome } from "@/tests/setup/next-page";
import { submit } from "@/tests/setup/next-request";
import { recordQueries } from "@/tests/setup/query-log";
import { openTableSnapshots } from "@/tests/setup/table-snapshot";

vi.mock("next/headers", async () => (await import("@/tests/setup/next-request")).nextHeadersMock);
vi.mock("next/headers.js", async () => (await import("@/tests/setup/next-request")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("@/tests/setup/next-request")).nextCacheMock);
// Outside a Next request, connection() (which marks a page as per-request) has nothing to do.
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<object>()), connection: async () => {} }));

/** U+0000 and unpaired surrogates, alone and inside text, as URL parameters arrive decoded. */
const UNSTORABLE = ["\u0000", "a\u0000b", "trump-spoke-with-putin\u0000", "\ud800", "x\udc00", "\udc00\ud800", "claim-\ud83d"];

let personas: PersonaPool;
let f: DeskFixture;

beforeAll(async () => {
  personas = await signInPersonas();
});

beforeEach(async () => {
  await personas.restore();
  f = await createDeskFixture(personas);
});

/** Runs `call` as `persona` and returns what it did and every query it sent. */
async function observe<T>(persona: Persona, call: () => Promise<T>) {
  personas.use(persona);
  const log = recordQueries();
  try {
    return { result: await call(), queries: log.queries, unstorable: log.unstorable() };
  } finally {
    log.stop();
  }
}

const params = <T>(value: T) => ({ params: Promise.resolve(value) });
const searchParams = <T>(value: T) => ({ searchParams: Promise.resolve(value) });

describe("a URL parameter that cannot be stored is a 404, and never reaches the database", () => {
  it.each(UNSTORABLE)("the public claim page, its metadata, its feed and its card: %j", async (slug) => {
    const page = await observe("anonymous", () => pageOutcome(() => ClaimPage(params({ slug }))));
    expect(page.result).toEqual({ notFound: true });
    const metadata = await observe("anonymous", () => claimMetadata(params({ slug })));
    expect(metadata.result).toEqual({ title: "Claim not found" });
    const feed = await observe("anonymous", () => claimFeed(new Request("http://x/feed.xml"), params({ slug })));
    expect(feed.result.status).toBe(404);
    expect(await feed.result.text()).toBe("Not found");
    const card = await observe("anonymous", () => claimCard(new Request("http://x/card.png"), params({ slug })));
    expect(card.result.status).toBe(404);
    expect([...page.queries, ...metadata.queries, ...feed.queries, ...card.queries]).toEqual([]);
  });

  it.each(UNSTORABLE)("the embeddable card and oEmbed: %j", async (slug) => {
    const card = await observe("anonymous", () => embedCard(new Request("http://x/embed"), params({ slug })));
    expect(card.result.status).toBe(404);
    expect(await card.result.text()).toContain("This claim is not available");
    const url = `${siteConfig().url}/claims/${encodeURIComponent(slug.isWellFormed() ? slug : slug.toWellFormed())}`;
    const raw = `${siteConfig().url}/claims/${slug}`;
    const answers = [];
    for (const value of [url, raw]) {
      const request = new Request(`http://x/api/oembed?${new URLSearchParams({ url: value })}`);
      answers.push(await observe("anonymous", () => oEmbed(request)));
    }
    for (const answer of answers) expect(answer.result.status).toBe(404);
    expect(card.queries).toEqual([]);
    // The URL parser may make a storable slug of it (it drops a trailing U+0000, as browsers do),
    // which is then looked up; nothing unstorable is ever sent.
    expect(answers.flatMap((answer) => answer.unstorable)).toEqual([]);
  });

  it.each(UNSTORABLE)("the public entity page: %j", async (id) => {
    const page = await observe("anonymous", () => pageOutcome(() => EntityPage(params({ id }))));
    expect(page.result).toEqual({ notFound: true });
    expect(page.queries).toEqual([]);
  });

  it.each(UNSTORABLE)("the invitation page: %j", async (token) => {
    const page = await observe("anonymous", () => pageOutcome(() => InvitationPage(params({ token: `${"a".repeat(30)}${token}` }))));
    expect(page.result).toEqual({ notFound: true });
    expect(page.queries).toEqual([]);
  });

  // Before the sign-in check, too: a signed-out visitor is not sent to sign in and back to a page
  // that cannot exist (and an unpaired surrogate cannot even be put in the sign-in link).
  it.each(["anonymous", "editor"] as const)("every desk page with an id, as %s", async (persona) => {
    for (const bad of UNSTORABLE) {
      const pages: [string, () => Promise<unknown>][] = [
        ["claim", () => DeskClaimPage({ ...params({ id: bad }), ...searchParams({}) })],
        ["edit claim", () => EditClaimPage(params({ id: bad }))],
        ["new evidence", () => NewEvidencePage(params({ id: bad }))],
        ["edit evidence (claim id)", () => EditEvidencePage(params({ id: bad, evidenceId: f.evidenceId }))],
        ["edit evidence (evidence id)", () => EditEvidencePage(params({ id: f.claimId, evidenceId: bad }))],
        ["edit entity", () => EditEntityPage(params({ id: bad }))],
      ];
      for (const [name, render] of pages) {
        const page = await observe(persona, () => pageOutcome(render));
        expect(page.result, `${name} ${JSON.stringify(bad)}`).toEqual({ notFound: true });
        expect(page.unstorable).toEqual([]);
        if (persona === "anonymous") expect(page.queries).toEqual([]);
      }
    }
  });
});

describe("a list filter that cannot be stored is ignored, like any other bad value", () => {
  it.each(UNSTORABLE)("the reader's claim list: %j", async (bad) => {
    const page = await observe("anonymous", () => pageOutcome(() => HomePage(searchParams({ tag: bad, status: bad, about: bad, outlet: bad, page: bad }))));
    expect(page.result).toHaveProperty("rendered");
    expect(page.unstorable).toEqual([]);
  });

  it.each(UNSTORABLE)("search: %j", async (bad) => {
    const page = await observe("anonymous", () => pageOutcome(() => SearchPage(searchParams({ q: bad, page: bad }))));
    expect(page.result).toHaveProperty("rendered");
    expect(page.unstorable).toEqual([]);
  });

  it.each(UNSTORABLE)("the desk's claim list and entity list: %j", async (bad) => {
    const desk = await observe("editor", () => pageOutcome(() => DeskPage(searchParams({ q: bad, tag: bad, status: bad, publication: bad, mine: bad }))));
    expect(desk.result).toHaveProperty("rendered");
    const entities = await observe("editor", () => pageOutcome(() => EntitiesPage(searchParams({ q: bad }))));
    expect(entities.result).toHaveProperty("rendered");
    expect([...desk.unstorable, ...entities.unstorable]).toEqual([]);
  });

  it("the desk's entity list given ?q= twice searches the first (it used to hand Prisma an array)", async () => {
    const page = await observe("editor", () => pageOutcome(() => EntitiesPage(searchParams({ q: ["Jane", "City"] }))));
    expect(page.result).toHaveProperty("rendered");
  });

  it("the desk's claim page given its parameters twice, or unstorable ones (?cite= twice used to crash it)", async () => {
    for (const query of [{ cite: [f.evidenceId, f.otherEvidenceId], move: ["corroborated", "false"], moved: ["1", "1"] }, { cite: "\u0000", move: "\ud800", evidence: "a\u0000" }]) {
      const page = await observe("fact_checker", () => pageOutcome(() => DeskClaimPage({ ...params({ id: f.claimId }), ...searchParams(query) })));
      expect(page.result).toHaveProperty("rendered");
      expect(page.unstorable).toEqual([]);
    }
  });

  it.each(UNSTORABLE)("similar claims while an editor types: %j", async (bad) => {
    const url = new URL("http://desk.test/api/desk/similar-claims");
    url.searchParams.set("statement", `The mayor resigned ${bad}`);
    url.searchParams.set("excludeId", bad);
    const response = await observe("editor", () => similarClaims(new Request(url)));
    expect(response.result.status).toBe(200);
    expect(await response.result.json()).toEqual({ claims: [] });
    expect(response.unstorable).toEqual([]);
  });

  it.each(UNSTORABLE)("entity search while an editor types: %j", async (bad) => {
    const url = new URL("http://desk.test/api/desk/entities");
    url.searchParams.set("q", `Peskov ${bad}`);
    url.searchParams.set("kind", bad);
    const response = await observe("editor", () => entitySearch(new Request(url)));
    expect(response.result.status).toBe(200);
    expect(await response.result.json()).toEqual({ entities: [] });
    expect(response.unstorable).toEqual([]);
  });

  it("similar claims given a raw %00 in the query string", async () => {
    const response = await observe("editor", () => similarClaims(new Request("http://desk.test/api/desk/similar-claims?statement=The%20mayor%00resigned")));
    expect(await response.result.json()).toEqual({ claims: [] });
    expect(response.unstorable).toEqual([]);
  });
});

describe("search takes any text as words, never as syntax, and never fails", () => {
  const HOSTILE = [
    "& | ! :* ( <->",
    "a:* & !b | (c <-> d)",
    "'); DROP TABLE claims; --",
    "\u0000",
    "mayor\u0000resigned",
    "\ud800 mayor",
    "mayor \udc00",
    "\u202emayor\u202c \u200b\ufeff",
    "%00%ED%A0%80%zz",
    "\\",
    `${"😀".repeat(99)}x😀`,
    "mayor ".repeat(20_000),
  ];

  it.each(HOSTILE.map((query) => [JSON.stringify(query).slice(0, 40), query]))("%s", async (_name, query) => {
    const { result, unstorable } = await observe("anonymous", () => searchPublishedClaims(query));
    expect(result.hits.every((hit) => hit.statement.isWellFormed())).toBe(true);
    expect(unstorable).toEqual([]);
    const page = await observe("anonymous", () => pageOutcome(() => SearchPage(searchParams({ q: query }))));
    expect(page.result).toHaveProperty("rendered");
    expect(page.unstorable).toEqual([]);
  });

  it("cuts a 100 KB query to its first 200 characters instead of ignoring it", async () => {
    const { result } = await observe("anonymous", () => searchPublishedClaims("bridge ".repeat(20_000)));
    expect(result.hits.map((hit) => hit.slug)).toEqual([f.publishedSlug]);
  });
});

describe("a form field that cannot be stored gets a message, and nothing reaches the database", () => {
  type Case = {
    name: string;
    action: (state: FormState, formData: FormData) => Promise<FormState>;
    persona: Persona;
    field: string;
    fields: (fixture: DeskFixture) => Record<string, string | string[]>;
    message: string;
  };
  const claim = { statement: "A council budget was cut by a third.", tags: "budget", confirmNotDuplicate: "on" };
  const evidence = (fixture: DeskFixture) => ({
    claimId: fixture.claimId,
    url: "https://citypaper.example/budget",
    headline: "The budget is cut",
    stance: "reports",
    sourcing: "on_record",
    outletId: fixture.outletId,
  });
  const CASES: Case[] = [
    { name: "log a claim: statement", action: createClaimAction, persona: "editor", field: "statement", fields: () => claim, message: "The statement" },
    { name: "log a claim: context", action: createClaimAction, persona: "editor", field: "context", fields: () => claim, message: "The context" },
    { name: "log a claim: a tag", action: createClaimAction, persona: "editor", field: "tags", fields: () => claim, message: "A tag" },
    { name: "log a claim: a new person", action: createClaimAction, persona: "editor", field: "newPeople", fields: () => claim, message: "A name" },
    { name: "edit a claim: statement", action: updateClaimAction, persona: "editor", field: "statement", fields: (x) => ({ ...claim, id: x.claimId, version: "1" }), message: "The statement" },
    { name: "link evidence: url", action: linkEvidenceAction, persona: "editor", field: "url", fields: evidence, message: "The web address" },
    { name: "link evidence: headline", action: linkEvidenceAction, persona: "editor", field: "headline", fields: evidence, message: "The headline" },
    { name: "link evidence: quote", action: linkEvidenceAction, persona: "editor", field: "quote", fields: evidence, message: "The quote" },
    { name: "link evidence: new outlet domain", action: linkEvidenceAction, persona: "editor", field: "newOutletDomain", fields: evidence, message: "The outlet's domain" },
    {
      name: "edit evidence: speaker description",
      action: updateEvidenceAction,
      persona: "editor",
      field: "speakerDescription",
      fields: (x) => ({ ...evidence(x), id: x.evidenceId, version: "1" }),
      message: "The description of the source",
    },
    { name: "add an entity: name", action: createEntityAction, persona: "editor", field: "name", fields: () => ({ kind: "person", name: "Dmitry Peskov" }), message: "The name" },
    { name: "add an entity: description", action: createEntityAction, persona: "editor", field: "description", fields: () => ({ kind: "person", name: "Dmitry Peskov" }), message: "The description" },
    {
      name: "edit an entity: domain",
      action: updateEntityAction,
      persona: "editor",
      field: "domain",
      fields: (x) => ({ id: x.outletId, loadedAt: x.outletLoadedAt, kind: "organisation", name: "City Paper" }),
      message: "The domain",
    },
    {
      name: "move a status: rationale",
      action: moveStatusAction,
      persona: "fact_checker",
      field: "rationale",
      fields: (x) => ({ claimId: x.claimId, fromStatus: "unverified", toStatus: "corroborated", citedEvidenceIds: x.evidenceId }),
      message: "The rationale",
    },
    { name: "create an account: name", action: createAccountAction, persona: "admin", field: "name", fields: () => ({ name: "New Hire", email: "new.hire@test.example", role: "editor" }), message: "The name" },
    { name: "change a role: account", action: changeRoleAction, persona: "admin", field: "userId", fields: () => ({ role: "fact_checker" }), message: "The account" },
    { name: "your time zone", action: setTimeZoneAction, persona: "fact_checker", field: "timeZone", fields: () => ({}), message: "The time zone" },
    { name: "link evidence: its time zone", action: linkEvidenceAction, persona: "editor", field: "publishedAtZone", fields: (x) => ({ ...evidence(x), publishedAt: "2024-11-10T09:00" }), message: "The time zone" },
    {
      name: "accept an invitation: token",
      action: acceptInvitationAction,
      persona: "anonymous",
      field: "token",
      fields: () => ({ password: "a long unusual passphrase 42", confirm: "a long unusual passphrase 42" }),
      message: "The invitation link",
    },
  ];

  let snapshots: Awaited<ReturnType<typeof openTableSnapshots>>;
  beforeAll(async () => {
    snapshots = await openTableSnapshots();
  });
  afterAll(async () => {
    await snapshots.close();
  });

  it.each(CASES)("$name", async ({ action, persona, field, fields, message }) => {
    for (const bad of ["\u0000", `ordinary text\u0000 with a NUL in it ${"x".repeat(10)}`]) {
      const before = await snapshots.take();
      const values = { ...fields(f), [field]: field === "token" ? `${"a".repeat(30)}${bad}` : bad };
      const { result, unstorable } = await observe(persona, () => submit(action, values));
      expect(result.redirectedTo).toBeUndefined();
      expect(result.state?.status).toBe("error");
      expect(result.state?.fieldErrors?.[field]).toEqual([`${message} ${UNSTORABLE_TEXT}`]);
      expect(unstorable).toEqual([]);
      expect(await snapshots.take()).toEqual(before);
    }
  });
});
