// Every server action and route handler, driven with fuzzed input (tests/fuzz/arbitraries.ts) as
// every kind of visitor, against the real database. Properties, for every run:
//   - nothing is thrown but a Next redirect;
//   - no message or body holds a stack trace, SQL, a Postgres or Prisma error, or a file path;
//   - no unexpected error is logged (the generic "something went wrong" path is for bugs);
//   - Postgres never receives U+0000 or an unpaired surrogate;
//   - a refusal changes no row in any table;
//   - a success stores every string exactly as submitted, after the documented normalisation.
// The database is reset before every run, so a counterexample replays and shrinks on its own.
// FUZZ_RUNS and FUZZ_SEED (tests/fuzz/arbitraries.ts) make a long run: FUZZ_RUNS=500 npx vitest
// run --project integration tests/integration/fuzz-actions.test.ts
import { fc, test } from "@fast-check/vitest";
import type { Arbitrary } from "fast-check";
import { parseAtomFeed } from "feedsmith";
import { Temporal } from "temporal-polyfill";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as entitySearch } from "@/app/api/desk/entities/route";
import { GET as similarClaims } from "@/app/api/desk/similar-claims/route";
import { GET as claimCard } from "@/app/(public)/claims/[slug]/card.png/route";
import { GET as claimFeed } from "@/app/(public)/claims/[slug]/feed.xml/route";
import { GET as changesFeed } from "@/app/feeds/changes.xml/route";
import { GET as health } from "@/app/api/health/route";
import { GET as oEmbed } from "@/app/api/oembed/route";
import { GET as embedCard } from "@/app/embed/claims/[slug]/route";
import { escapeHtml } from "@/lib/embeds/card";
import { siteConfig } from "@/lib/env";
import { acceptInvitationAction, changeRoleAction, createAccountAction, setAccountActiveAction, setTimeZoneAction } from "@/lib/accounts/actions";
import { ROLES } from "@/lib/accounts/schema";
import type { FormState } from "@/lib/actions/form-state";
import { createApiTokenAction } from "@/lib/api-tokens/actions";
import { signInAction } from "@/lib/auth/actions";
import { createClaimAction, setPublicationAction, updateClaimAction } from "@/lib/claims/actions";
import { listDeskClaims } from "@/lib/claims/queries";
import { DATE_PRECISIONS } from "@/lib/claims/schema";
import { db } from "@/lib/db";
import { createEntityAction, mergeEntitiesAction, updateEntityAction } from "@/lib/entities/actions";
import { listEntities } from "@/lib/entities/queries";
import { linkEvidenceAction, removeEvidenceAction, updateEvidenceAction } from "@/lib/evidence/actions";
import { DERIVATIONS, SOURCINGS, STANCES } from "@/lib/evidence/schema";
import { acceptClaimAction, acceptEvidenceAction, analyseArticleAction } from "@/lib/intake/actions";
import { VerificationStatus } from "@/lib/generated/prisma/enums";
import { dismissSuggestionAction, moveStatusAction } from "@/lib/verification/actions";
import { createDeskFixture, DESK_FIXTURE_NAMES, type DeskFixture } from "@/tests/factories/desk";
import { PERSONAS, type Persona, type PersonaPool, signInPersonas } from "@/tests/factories/sessions";
import {
  fuzzParameters,
  hostileString,
  ordinaryText,
  percentGarbage,
  storableHostileString,
  unstorableString,
} from "@/tests/fuzz/arbitraries";
import { submit } from "@/tests/setup/next-request";
import { recordQueries } from "@/tests/setup/query-log";
import { openTableSnapshots, type TableSnapshot } from "@/tests/setup/table-snapshot";

vi.mock("next/headers", async () => (await import("@/tests/setup/next-request")).nextHeadersMock);
vi.mock("next/headers.js", async () => (await import("@/tests/setup/next-request")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("@/tests/setup/next-request")).nextCacheMock);

// ---------------------------------------------------------------------------------------------
// The world each run starts from (the database is reset before every run): tests/factories/desk.ts.

type Fixture = DeskFixture;

type Ref = { ref: keyof Fixture };
type FieldValue = string | Ref;
type Fields = Record<string, FieldValue | FieldValue[] | undefined>;
type Values = Record<string, string | string[]>;

let personas: PersonaPool;
let snapshots: Awaited<ReturnType<typeof openTableSnapshots>>;
let f: Fixture;

beforeAll(async () => {
  personas = await signInPersonas();
  snapshots = await openTableSnapshots();
});

afterAll(async () => {
  await snapshots.close();
});

// Runs after the suite's reset (tests/setup/database.ts), before every test and every fuzz run.
beforeEach(async () => {
  await personas.restore();
  f = await createDeskFixture(personas);
});

// ---------------------------------------------------------------------------------------------
// Field generators. A field is usually something the form would send, often hostile text, and
// sometimes missing.

const ref = (name: keyof Fixture): Arbitrary<FieldValue> => fc.constant({ ref: name });

/** An id field: the right one most of the time, else garbage or an id that does not exist. */
const idOf = (...names: (keyof Fixture)[]): Arbitrary<FieldValue> =>
  fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...names).map((name): FieldValue => ({ ref: name })) }, { weight: 1, arbitrary: hostileString }, { weight: 1, arbitrary: fc.uuid() });

/** A choice (select, radio): a valid option most of the time. */
const choice = (...options: readonly string[]): Arbitrary<FieldValue> =>
  fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...options) }, { weight: 1, arbitrary: hostileString });

/** A free-text field: ordinary text, hostile text the database can store, or anything at all. */
const freeText: Arbitrary<FieldValue> = fc.oneof(
  { weight: 3, arbitrary: ordinaryText },
  { weight: 4, arbitrary: storableHostileString },
  { weight: 1, arbitrary: hostileString },
);

/** Missing (1 in 6), or a value. */
const optional = (arbitrary: Arbitrary<FieldValue | FieldValue[]>) => fc.option(arbitrary, { nil: undefined, freq: 6 });

const listOf = (arbitrary: Arbitrary<FieldValue>) => fc.array(arbitrary, { maxLength: 3 });

/** Comma-separated names, with case variants of existing ones and LIKE wildcards. */
const names: Arbitrary<FieldValue> = fc
  .array(fc.oneof(ordinaryText, hostileString, fc.constantFrom("Jane Mayor", "jane mayor", "JANE MAYOR", "%", "_", "J%", "Jane_Mayor", "\\")), { maxLength: 3 })
  .map((parts) => parts.join(","));

/** Comma-separated tags, with case variants and near misses. */
const tags: Arbitrary<FieldValue> = fc
  .array(
    fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom("budget", "Budget", "BUDGET", "ukraine-war", "Ukraine-War", "a", "\u212a") },
      { weight: 1, arbitrary: fc.constantFrom("tag-", "-tag", "two words", "ünïcode") },
      { weight: 1, arbitrary: hostileString },
    ),
    { maxLength: 4 },
  )
  .map((parts) => parts.join(", "));

const isoDate = fc.date({ min: new Date("0001-01-01T00:00:00Z"), max: new Date("9999-12-31T23:59:59Z"), noInvalidDate: true });
const dateField: Arbitrary<FieldValue> = fc.oneof(
  { weight: 3, arbitrary: fc.constant("") },
  { weight: 3, arbitrary: isoDate.map((date) => date.toISOString().slice(0, 10)) },
  { weight: 1, arbitrary: fc.constantFrom("0000-01-01", "2024-02-29", "2023-02-29", "1969-12-31", "+002024-01-01") },
  { weight: 1, arbitrary: hostileString },
);
const dateTimeField: Arbitrary<FieldValue> = fc.oneof(
  { weight: 3, arbitrary: fc.constant("") },
  { weight: 3, arbitrary: isoDate.map((date) => date.toISOString().slice(0, 16)) },
  { weight: 1, arbitrary: fc.constantFrom("0000-01-01T00:00", "2024-01-01T23:59:59.999999", "2024-01-01T00:00:60") },
  { weight: 1, arbitrary: hostileString },
);
// Zones with a half or three-quarter hour offset, across the date line, one that skipped a day,
// and names that are not zones.
const zoneField: Arbitrary<FieldValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("UTC", "America/New_York", "Asia/Kolkata", "Asia/Kathmandu", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Pacific/Apia", "Australia/Lord_Howe") },
  { weight: 1, arbitrary: fc.constantFrom("", "EST", "utc", "+03:00", "Mars/Olympus_Mons", " Europe/London ") },
  { weight: 1, arbitrary: hostileString },
);
const urlField: Arbitrary<FieldValue> = fc.oneof(
  { weight: 3, arbitrary: fc.webUrl({ validSchemes: ["http", "https"], withQueryParameters: true, withFragments: true }) },
  { weight: 2, arbitrary: fc.constantFrom("https://citypaper.example/story", "HTTPS://CITYPAPER.EXAMPLE/a", "https://www.citypaper.example/x?y=%00", " https://news.example/a\tb ", "https://news.example/\u202e", "http://[::1]/", "https:news.example", "javascript:alert(1)") },
  { weight: 2, arbitrary: storableHostileString.map((tail) => `https://citypaper.example/${tail}`) },
  { weight: 1, arbitrary: hostileString },
);
const domainField: Arbitrary<FieldValue> = fc.oneof(
  fc.constantFrom("", "reuters.com", "https://www.Example.org/path", "CITYPAPER.EXAMPLE", "xn--bcher-kva.de", "-bad.com", "a..b"),
  fc.domain(),
  hostileString,
);
const emailField: Arbitrary<FieldValue> = fc.oneof(
  { weight: 3, arbitrary: fc.emailAddress() },
  { weight: 1, arbitrary: fc.constantFrom(" New.Hire@Test.Example ", "a@b", "invited@test.example") },
  { weight: 2, arbitrary: hostileString },
);
const statuses = Object.values(VerificationStatus);

/** Mostly the persona allowed to act, so that successes are common enough to check. */
const personaFor = (allowed: Persona): Arbitrary<Persona> =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(allowed) }, { weight: 2, arbitrary: fc.constantFrom(...PERSONAS) });

function resolve(fields: Fields): Values {
  const one = (value: FieldValue): string => (typeof value === "string" ? value : f[value.ref]);
  const values: Values = {};
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    values[name] = Array.isArray(value) ? value.map(one) : one(value);
  }
  return values;
}

// ---------------------------------------------------------------------------------------------
// The properties.

// What a leaked error looks like: stack frames, file paths, Prisma and Postgres wording, SQL.
const LEAKS: RegExp[] = [
  /\n\s+at\s/,
  /\bat (?:async )?\S+ \(/,
  /file:\/\/|node_modules|\/work\/|\/tmp\/|[A-Za-z]:\\|\.(?:ts|tsx|js|mjs|cjs):\d+/,
  /prisma|DriverAdapter|\bP[1-3]\d{3}\b/i,
  /\b(?:SELECT|INSERT|UPDATE|DELETE)\b[\s\S]*\b(?:FROM|INTO|SET|WHERE)\b/i,
  /\b(?:ERROR|DETAIL|HINT|STATEMENT):/,
  /violates|constraint|syntax error|invalid byte sequence|invalid input syntax|unsupported Unicode|duplicate key|relation "|column "|\b(?:22021|22P02|23505|23514|40001)\b/i,
];

/** `text` with every submitted string taken out: echoing the user's own input is not a leak. */
function withoutInput(text: string, submitted: Iterable<string>): string {
  let rest = text;
  const pieces = [...submitted].flatMap((value) => [value, value.trim(), value.trim().toLowerCase(), ...value.split(",").map((part) => part.trim())]);
  for (const piece of pieces.filter((value) => value.length > 0).sort((a, b) => b.length - a.length)) rest = rest.split(piece).join(" ");
  return rest;
}

function expectNoLeak(texts: (string | undefined)[], submitted: Iterable<string>) {
  for (const text of texts) {
    if (!text) continue;
    const rest = withoutInput(text, [...submitted, ...DESK_FIXTURE_NAMES]);
    for (const pattern of LEAKS) expect(rest, `leak ${pattern} in ${JSON.stringify(text).slice(0, 500)}`).not.toMatch(pattern);
  }
}

/** Runs `call` with the driver and console watched; checks the properties that hold for every outcome. */
async function watched<T>(call: () => Promise<T>): Promise<T> {
  const log = recordQueries();
  const errors = vi.spyOn(console, "error").mockImplementation(() => {});
  let logged: unknown[][] = [];
  try {
    return await call();
  } finally {
    logged = [...errors.mock.calls];
    errors.mockRestore();
    log.stop();
    expect(logged.map((args) => args.map(String).join(" ").slice(0, 500)), "logged an unexpected error").toEqual([]);
    expect(log.unstorable().map((query) => query.text.slice(0, 200)), "sent Postgres text it cannot store").toEqual([]);
  }
}

type Outcome = { state?: FormState; redirectedTo?: string };

function succeeded(outcome: Outcome): boolean {
  return outcome.redirectedTo !== undefined || outcome.state?.status === "success";
}

type ActionCase = {
  name: string;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  personas: Arbitrary<Persona>;
  fields: Arbitrary<Fields>;
  /** Input that must succeed; run first, so every property sees at least one success. */
  example: [Persona, Fields];
  /** On success: what was stored reads back as submitted, after the documented normalisation. */
  stored?: (values: Values, outcome: Outcome) => Promise<void>;
};

/** Successes per action: a round-trip property that never saw a success would prove nothing. */
const successes = new Map<string, number>();

async function checkAction({ name, action, stored }: ActionCase, persona: Persona, fields: Fields): Promise<void> {
  personas.use(persona);
  const values = resolve(fields);
  const before: TableSnapshot = await snapshots.take();
  const outcome = await watched(() => submit(action, values));
  const submitted = Object.values(values).flat();
  expectNoLeak([outcome.state?.message, ...Object.values(outcome.state?.fieldErrors ?? {}).flat()], submitted);
  if (outcome.redirectedTo !== undefined) {
    expect(outcome.redirectedTo).toMatch(/^\/(?![/\\])/);
  }
  if (!succeeded(outcome)) {
    expect(outcome.state?.status).toBe("error");
    expect(await snapshots.take(), `refused (${outcome.state?.message}) but changed rows`).toEqual(before);
    return;
  }
  successes.set(name, (successes.get(name) ?? 0) + 1);
  await stored?.(values, outcome);
}

// ---------------------------------------------------------------------------------------------
// Documented normalisation, written out independently of the schemas.

/**
 * The value as the action receives it. FormData holds USVStrings: an unpaired surrogate is already
 * U+FFFD when it arrives, as in a browser's form submission (so forms can never send one; the
 * schemas refuse them anyway, for every other way in).
 */
const str = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value)?.toWellFormed();
/** Text fields are trimmed (String.prototype.trim); nothing else changes. */
const trimmed = (value: string | string[] | undefined) => (str(value) ?? "").trim();
const items = (value: string | string[] | undefined) => (str(value) ?? "").split(",").map((item) => item.trim()).filter(Boolean);
/** Tags are trimmed and lower-cased, and each is kept once. */
const expectedTags = (value: string | string[] | undefined) => [...new Set(items(value).map((tag) => tag.toLowerCase()))];
/** A web address is trimmed, and loses tabs and line breaks (as browsers do when they follow it). */
const expectedUrl = (value: string | string[] | undefined) => trimmed(value).replace(/[\t\n\r]/g, "");
/** A domain is lower-cased, without scheme, "www." or path. */
const expectedDomain = (value: string | string[] | undefined) =>
  trimmed(value).toLowerCase().replace(/^https?:\/\//, "").replace(/^www\./, "").replace(/\/.*$/, "");

/** A typed name reuses an existing entity whose name is the same but for case; else it is stored as typed. */
const sameName = (stored: string, typed: string) => stored === typed || stored.toLowerCase() === typed.toLowerCase();

const idFrom = (target: string | undefined) => /\/desk\/claims\/([0-9a-f-]{36})/.exec(target ?? "")?.[1];

async function expectClaimStored(values: Values, outcome: Outcome) {
  // The desk's form redirects to the new claim; intake's stays on its page and names it.
  const id = idFrom(outcome.redirectedTo) ?? outcome.state?.created?.id;
  expect(id).toBeDefined();
  const claim = await db().claim.findUniqueOrThrow({
    where: { id },
    select: { statement: true, context: true, tags: true, entities: { select: { entity: { select: { name: true, kind: true } } } } },
  });
  expect(claim.statement).toBe(trimmed(values.statement));
  expect(claim.context).toBe(trimmed(values.context));
  expect(claim.tags).toEqual(expectedTags(values.tags));
  for (const [field, kind] of [["newPeople", "person"], ["newOrganisations", "organisation"]] as const) {
    for (const name of new Set(items(values[field]))) {
      expect(
        claim.entities.some(({ entity }) => entity.kind === kind && sameName(entity.name, name)),
        `${field} ${JSON.stringify(name)} not among ${JSON.stringify(claim.entities)}`,
      ).toBe(true);
    }
  }
  if (trimmed(values.newEntityName)) {
    expect(claim.entities.some(({ entity }) => sameName(entity.name, trimmed(values.newEntityName)))).toBe(true);
  }
}

async function expectEvidenceStored(evidenceId: string | undefined, values: Values) {
  expect(evidenceId).toBeDefined();
  const evidence = await db().evidence.findUniqueOrThrow({
    where: { id: evidenceId },
    select: { url: true, headline: true, publishedAt: true, quote: true, speakerDescription: true, outlet: { select: { id: true, name: true } }, speaker: { select: { name: true } } },
  });
  // A wall-clock time in the zone sent with it (UTC without one), stored as its instant; a time
  // the clocks fell back over is the earlier one (a skipped time never gets this far).
  const published = str(values.publishedAt);
  const zone = trimmed(values.publishedAtZone) || "UTC";
  expect(evidence.publishedAt?.getTime() ?? null).toBe(
    published ? Temporal.PlainDateTime.from(published).toZonedDateTime(zone, { disambiguation: "earlier" }).epochMilliseconds : null,
  );
  expect(evidence.url).toBe(expectedUrl(values.url));
  expect(evidence.headline).toBe(trimmed(values.headline));
  expect(evidence.quote).toBe(trimmed(values.quote));
  expect(evidence.speakerDescription).toBe(trimmed(values.speakerDescription) || null);
  if (trimmed(values.newOutletName) && evidence.outlet?.id !== f.outletId) expect(evidence.outlet?.name).toBe(trimmed(values.newOutletName));
  if (trimmed(values.newSpeakerName)) expect(sameName(evidence.speaker?.name ?? "", trimmed(values.newSpeakerName))).toBe(true);
}

async function newEvidenceId(): Promise<string | undefined> {
  const rows = await db().evidence.findMany({ where: { id: { notIn: [f.evidenceId, f.otherEvidenceId] }, claimId: f.claimId }, select: { id: true } });
  expect(rows).toHaveLength(1);
  return rows[0]?.id;
}

async function expectEntityStored(id: string | undefined, values: Values) {
  expect(id).toBeDefined();
  const entity = await db().entity.findUniqueOrThrow({ where: { id }, select: { name: true, description: true, domain: true, kind: true } });
  expect(entity.name).toBe(trimmed(values.name));
  expect(entity.description).toBe(trimmed(values.description));
  expect(entity.domain).toBe(entity.kind === "organisation" && trimmed(values.domain) ? expectedDomain(values.domain) : null);
}

// ---------------------------------------------------------------------------------------------
// Every server action.

const claimFields = {
  statement: freeText,
  context: optional(freeText),
  eventDate: optional(dateField),
  eventDatePrecision: optional(choice(...DATE_PRECISIONS)),
  tags: optional(tags),
  entityIds: optional(listOf(idOf("personId", "outletId"))),
  newPeople: optional(names),
  newOrganisations: optional(names),
  // One entity created in the picker: its four parallel fields, each sometimes missing.
  newEntityName: optional(freeText),
  newEntityKind: optional(choice("person", "organisation")),
  newEntityDescription: optional(freeText),
  newEntityAffiliationId: optional(fc.oneof(fc.constant(""), idOf("organisationId", "outletId", "personId"))),
  confirmNewEntities: optional(fc.constantFrom("on", "")),
};

/**
 * Evidence fields. The form's either-or groups (an outlet chosen or typed; a speaker chosen, typed
 * or described; a source copied together with how) are mostly filled the way the form allows, so
 * that successes are common, and sometimes both ways at once.
 */
const evidenceFields = (derivedFrom: keyof Fixture): Arbitrary<Fields> =>
  fc
    .record({
      base: fc.record({
        claimId: idOf("claimId"),
        url: urlField,
        headline: freeText,
        publishedAt: optional(dateTimeField),
        publishedAtZone: optional(zoneField),
        stance: choice(...STANCES),
        sourcing: choice(...SOURCINGS),
        quote: optional(freeText),
      }),
      outlet: fc.oneof(
        fc.record({ outletId: idOf("outletId", "organisationId") }),
        fc.record({ newOutletName: freeText, newOutletDomain: optional(domainField), newOutletDescription: optional(freeText), confirmNewOutlet: optional(fc.constantFrom("on", "")) }),
        fc.constant({}),
        fc.record({ outletId: idOf("outletId"), newOutletName: freeText }),
      ),
      speaker: fc.oneof(
        fc.record({ speakerId: idOf("personId") }),
        fc.record({ newSpeakerName: freeText }),
        fc.record({
          newSpeakerName: freeText,
          newSpeakerKind: optional(choice("person", "organisation")),
          newSpeakerDescription: optional(freeText),
          newSpeakerAffiliationId: optional(fc.oneof(fc.constant(""), idOf("organisationId", "personId"))),
          confirmNewSpeaker: optional(fc.constantFrom("on", "")),
        }),
        fc.record({ speakerDescription: freeText }),
        fc.constant({}),
        fc.record({ speakerId: fc.oneof(fc.constant(""), idOf("personId")), newSpeakerName: optional(freeText), speakerDescription: optional(freeText) }),
      ),
      derivation: fc.oneof(
        fc.constant({}),
        fc.record({ derivedFromId: idOf(derivedFrom), derivation: choice(...DERIVATIONS) }),
        fc.record({ derivedFromId: optional(fc.oneof(fc.constant(""), idOf(derivedFrom))), derivation: optional(fc.oneof(fc.constant(""), choice(...DERIVATIONS))) }),
      ),
    })
    .map(({ base, outlet, speaker, derivation }): Fields => ({ ...base, ...outlet, ...speaker, ...derivation }));

const entityFields = {
  kind: choice("person", "organisation"),
  name: freeText,
  description: optional(freeText),
  affiliationId: optional(fc.oneof(fc.constant(""), idOf("organisationId", "outletId"))),
  domain: optional(domainField),
  confirmNotDuplicate: optional(fc.constantFrom("on", "")),
};

const password: Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom("a long unusual passphrase 42", "ドローンが撃墜された夜に", "𝕏𝕏𝕏𝕏 long enough") },
  { weight: 2, arbitrary: hostileString },
);

const ACTIONS: ActionCase[] = [
  {
    name: "createClaim",
    action: createClaimAction,
    personas: personaFor("editor"),
    example: ["editor", { statement: " A council budget was cut by a third. ", tags: "Budget, budget", newPeople: "jane mayor, Dmitry Peskov", confirmNotDuplicate: "on" }],
    fields: fc.record({ ...claimFields, confirmNotDuplicate: choice("on") }),
    stored: expectClaimStored,
  },
  {
    name: "updateClaim",
    action: updateClaimAction,
    personas: personaFor("editor"),
    example: ["editor", { id: { ref: "claimId" }, version: "1", statement: "The mayor resigned on Tuesday.", context: "  He said so.  ", tags: "" }],
    fields: fc.record({ ...claimFields, id: idOf("claimId"), version: choice("1") }),
    stored: expectClaimStored,
  },
  {
    name: "setPublication",
    action: setPublicationAction,
    personas: personaFor("editor"),
    example: ["editor", { id: { ref: "claimId" }, version: "1", publish: "publish" }],
    fields: fc.record({ id: idOf("claimId"), version: choice("1"), publish: choice("publish", "unpublish") }),
  },
  {
    name: "createEntity",
    action: createEntityAction,
    personas: personaFor("editor"),
    example: ["editor", { kind: "organisation", name: "Wire Service", description: "News agency", domain: "https://www.Wire.example/about" }],
    fields: fc.record(entityFields),
    async stored(values) {
      const created = await db().entity.findMany({ where: { id: { notIn: [f.personId, f.duplicateId, f.outletId, f.organisationId] } }, select: { id: true } });
      expect(created).toHaveLength(1);
      await expectEntityStored(created[0]?.id, values);
    },
  },
  {
    name: "updateEntity",
    action: updateEntityAction,
    personas: personaFor("editor"),
    example: ["editor", { id: { ref: "outletId" }, loadedAt: { ref: "outletLoadedAt" }, kind: "organisation", name: "The City Paper", domain: "citypaper.example" }],
    fields: fc.record({ ...entityFields, id: idOf("outletId", "personId"), loadedAt: fc.oneof({ weight: 6, arbitrary: ref("outletLoadedAt") }, { weight: 1, arbitrary: hostileString }) }),
    stored: (values) => expectEntityStored(str(values.id), values),
  },
  {
    name: "mergeEntities",
    action: mergeEntitiesAction,
    personas: personaFor("editor"),
    example: ["editor", { sourceId: { ref: "duplicateId" }, targetId: { ref: "personId" } }],
    fields: fc.record({ sourceId: idOf("duplicateId", "organisationId"), targetId: idOf("personId", "outletId") }),
  },
  {
    name: "linkEvidence",
    action: linkEvidenceAction,
    personas: personaFor("editor"),
    example: ["editor", { claimId: { ref: "claimId" }, url: "https://citypaper.example/follow-up", headline: "Mayor confirms", stance: "confirms", sourcing: "on_record", newSpeakerName: "Jane Mayor", quote: "I resign." }],
    fields: evidenceFields("evidenceId"),
    stored: async (values) => expectEvidenceStored(await newEvidenceId(), values),
  },
  {
    name: "updateEvidence",
    action: updateEvidenceAction,
    personas: personaFor("editor"),
    example: ["editor", { claimId: { ref: "claimId" }, id: { ref: "evidenceId" }, version: "1", url: "https://citypaper.example/mayor", headline: "The mayor resigns, officially", stance: "reports", sourcing: "on_record", outletId: { ref: "outletId" } }],
    fields: fc.record({ fields: evidenceFields("otherEvidenceId"), id: idOf("evidenceId"), version: choice("1") }).map(({ fields, ...rest }): Fields => ({ ...fields, ...rest })),
    stored: (values) => expectEvidenceStored(str(values.id), values),
  },
  {
    name: "acceptClaim",
    action: acceptClaimAction,
    personas: personaFor("editor"),
    example: ["editor", { statement: "The two ministers met secretly in Geneva", eventDate: "2024-11-07", tags: "", confirmNotDuplicate: "on" }],
    fields: fc.record({ ...claimFields, confirmNotDuplicate: choice("on") }),
    stored: expectClaimStored,
  },
  {
    name: "acceptEvidence",
    action: acceptEvidenceAction,
    personas: personaFor("editor"),
    example: ["editor", { claimId: { ref: "claimId" }, url: "https://citypaper.example/denial", headline: "Mayor denies", stance: "denies", sourcing: "on_record", newSpeakerName: "Jane Mayor", quote: "No." }],
    fields: evidenceFields("evidenceId"),
    stored: async (values) => expectEvidenceStored(await newEvidenceId(), values),
  },
  {
    // Pasted text only: a web address would make the fuzz run fetch whatever hosts it invents.
    name: "analyseArticle",
    action: analyseArticleAction,
    personas: personaFor("editor"),
    example: ["editor", { article: "The two ministers met in Geneva, a newspaper reported, citing two officials. The embassy declined to comment.", url: "" }],
    fields: fc.record({ article: freeText, url: fc.constant("") }),
  },
  {
    name: "removeEvidence",
    action: removeEvidenceAction,
    personas: personaFor("editor"),
    example: ["editor", { claimId: { ref: "claimId" }, id: { ref: "otherEvidenceId" }, version: "1" }],
    fields: fc.record({ claimId: idOf("claimId"), id: idOf("evidenceId", "otherEvidenceId"), version: choice("1") }),
  },
  {
    name: "moveStatus",
    action: moveStatusAction,
    personas: personaFor("fact_checker"),
    example: ["fact_checker", { claimId: { ref: "claimId" }, fromStatus: "unverified", toStatus: "corroborated", rationale: "Two outlets.", citedEvidenceIds: [{ ref: "evidenceId" }] }],
    fields: fc.record({
      claimId: idOf("claimId"),
      fromStatus: choice("unverified", ...statuses),
      toStatus: choice(...statuses),
      rationale: freeText,
      citedEvidenceIds: optional(listOf(idOf("evidenceId", "otherEvidenceId"))),
    }),
    async stored(values) {
      const latest = await db().statusTransition.findFirstOrThrow({ where: { claimId: f.claimId }, orderBy: { sequence: "desc" }, select: { rationale: true } });
      expect(latest.rationale).toBe(trimmed(values.rationale));
    },
  },
  {
    name: "dismissSuggestion",
    action: dismissSuggestionAction,
    personas: personaFor("fact_checker"),
    example: ["fact_checker", { claimId: { ref: "claimId" }, suggestedStatus: "corroborated", evidenceIds: [{ ref: "evidenceId" }] }],
    fields: fc.record({ claimId: idOf("claimId"), suggestedStatus: choice(...statuses), evidenceIds: optional(listOf(idOf("evidenceId", "otherEvidenceId"))) }),
  },
  {
    name: "createAccount",
    action: createAccountAction,
    personas: personaFor("admin"),
    example: ["admin", { name: "New Hire", email: "New.Hire@Test.Example", role: "editor" }],
    fields: fc.record({ name: freeText, email: emailField, role: choice(...ROLES) }),
    async stored(values) {
      const user = await db().user.findUniqueOrThrow({ where: { email: trimmed(values.email).toLowerCase() }, select: { name: true } });
      expect(user.name).toBe(trimmed(values.name));
    },
  },
  {
    name: "changeRole",
    action: changeRoleAction,
    personas: personaFor("admin"),
    example: ["admin", { userId: { ref: "subjectUserId" }, role: "fact_checker" }],
    fields: fc.record({ userId: idOf("subjectUserId"), role: choice(...ROLES) }),
  },
  {
    name: "setAccountActive",
    action: setAccountActiveAction,
    personas: personaFor("admin"),
    example: ["admin", { userId: { ref: "subjectUserId" }, active: "deactivate" }],
    fields: fc.record({ userId: idOf("subjectUserId"), active: choice("activate", "deactivate") }),
  },
  {
    name: "createApiToken",
    action: createApiTokenAction,
    personas: personaFor("admin"),
    example: ["admin", { name: "WordPress", scope: "editor" }],
    fields: fc.record({ name: freeText, scope: choice("read", "editor", "fact_checker") }),
    async stored(values) {
      const token = await db().apiToken.findFirstOrThrow({ orderBy: { createdAt: "desc" }, select: { name: true } });
      expect(token.name).toBe(trimmed(values.name));
    },
  },
  {
    name: "setTimeZone",
    action: setTimeZoneAction,
    personas: fc.constantFrom(...PERSONAS),
    example: ["fact_checker", { timeZone: "Asia/Kathmandu" }],
    fields: fc.record({ timeZone: zoneField }),
    async stored(values) {
      // Only the signed-in person's own row changes (the personas start with no zone).
      const chosen = await db().user.findMany({ where: { timeZone: { not: null } }, select: { timeZone: true } });
      expect(chosen.map(({ timeZone }) => timeZone)).toEqual(trimmed(values.timeZone) ? [trimmed(values.timeZone)] : []);
    },
  },
  {
    name: "acceptInvitation",
    action: acceptInvitationAction,
    personas: fc.constantFrom(...PERSONAS),
    example: ["anonymous", { token: { ref: "invitationToken" }, password: "a long unusual passphrase 42", confirm: "a long unusual passphrase 42" }],
    fields: fc
      .record({ token: idOf("invitationToken"), password, confirmSame: fc.boolean(), other: hostileString })
      .map(({ token, password, confirmSame, other }): Fields => ({ token, password, confirm: confirmSame ? password : other })),
  },
  {
    name: "signIn",
    action: signInAction,
    personas: fc.constantFrom(...PERSONAS),
    example: ["anonymous", { email: { ref: "editorEmail" }, password: { ref: "editorPassword" }, next: "/desk/claims/new" }],
    fields: fc.record({
      email: fc.oneof({ weight: 3, arbitrary: ref("editorEmail") }, { weight: 2, arbitrary: emailField }),
      password: fc.oneof({ weight: 3, arbitrary: ref("editorPassword") }, { weight: 2, arbitrary: hostileString }),
      next: optional(fc.oneof(fc.constantFrom("/desk/claims/new", "/desk?tag=a%00b", "//evil.example", "/\\evil.example"), percentGarbage, hostileString)),
    }),
  },
];

/** Default runs per property; FUZZ_RUNS overrides. Bounded so that the file stays near a minute. */
const RUNS = 20;
// A property is one test: give a long run (npm run fuzz) time in proportion to its runs, or a
// timed-out property would go on in the background and trip over the next one's reset.
vi.setConfig({ testTimeout: Math.max(60_000, fuzzParameters(RUNS).numRuns * 1_000) });

describe("every server action, fuzzed, as every persona", () => {
  for (const actionCase of ACTIONS) {
    test.prop([actionCase.personas, actionCase.fields], { ...fuzzParameters(RUNS), examples: [actionCase.example] })(actionCase.name, async (persona, fields) => {
      await checkAction(actionCase, persona, fields);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Every route handler.

// XML 1.0's Char production: what a feed may contain at all.
const XML_CHARS = /^[\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]*$/u;

async function expectValidAtom(response: Response): Promise<ReturnType<typeof parseAtomFeed>> {
  expect(response.status).toBe(200);
  const body = await response.text();
  expect(body, "characters XML 1.0 does not allow").toMatch(XML_CHARS);
  return parseAtomFeed(body);
}

describe("every route handler, fuzzed, as every persona", () => {
  test.prop(
    [
      fc.constantFrom(...PERSONAS),
      fc.oneof(
        { weight: 2, arbitrary: fc.record({ q: freeText, kind: optional(choice("any", "person", "organisation", "outlet")) }).map((fields) => ({ encoded: true as const, fields })) },
        { weight: 1, arbitrary: fc.oneof(percentGarbage, hostileString).map((raw) => ({ encoded: false as const, raw })) },
      ),
    ],
    fuzzParameters(RUNS),
  )("GET /api/desk/entities", async (persona, input) => {
    personas.use(persona);
    const url = new URL("http://desk.test/api/desk/entities");
    const submitted: string[] = [];
    if (input.encoded) {
      for (const [name, value] of Object.entries(input.fields)) {
        if (value === undefined) continue;
        url.searchParams.set(name, String(value));
        submitted.push(String(value));
      }
    } else {
      url.search = `?q=${input.raw}&kind=${input.raw}`;
      submitted.push(input.raw);
    }
    const before = await snapshots.take();
    const response = await watched(() => entitySearch(new Request(url)));
    expect([200, 401]).toContain(response.status);
    const body = (await response.json()) as { entities?: { name: string }[]; error?: string };
    expectNoLeak([body.error], submitted);
    if (persona !== "anonymous" && persona !== "deactivated") expect(response.status).toBe(200);
    expect(await snapshots.take()).toEqual(before);
  });

  test.prop(
    [
      fc.constantFrom(...PERSONAS),
      fc.oneof(
        { weight: 2, arbitrary: fc.record({ statement: freeText, excludeId: optional(idOf("claimId")) }).map((fields) => ({ encoded: true as const, fields })) },
        { weight: 1, arbitrary: fc.oneof(percentGarbage, hostileString).map((raw) => ({ encoded: false as const, raw })) },
      ),
    ],
    fuzzParameters(RUNS),
  )("GET /api/desk/similar-claims", async (persona, input) => {
    personas.use(persona);
    const url = new URL("http://desk.test/api/desk/similar-claims");
    const submitted: string[] = [];
    if (input.encoded) {
      for (const [name, value] of Object.entries(resolve(input.fields))) {
        url.searchParams.set(name, String(value));
        submitted.push(String(value));
      }
    } else {
      url.search = `?statement=${input.raw}`;
      submitted.push(input.raw);
    }
    const before = await snapshots.take();
    const response = await watched(() => similarClaims(new Request(url)));
    expect([200, 401, 403]).toContain(response.status);
    const body = (await response.json()) as { claims?: { statement: string }[]; error?: string };
    expectNoLeak([body.error], submitted);
    if (persona === "editor") expect(response.status).toBe(200);
    expect(await snapshots.take()).toEqual(before);
  });

  test.prop(
    [fc.constantFrom(...PERSONAS), fc.oneof({ weight: 2, arbitrary: hostileString }, { weight: 1, arbitrary: unstorableString }, { weight: 1, arbitrary: idOf("publishedSlug", "draftSlug") })],
    fuzzParameters(RUNS),
  )("GET /claims/[slug]/feed.xml", async (persona, slugField) => {
    personas.use(persona);
    const slug = typeof slugField === "string" ? slugField : f[slugField.ref];
    const response = await watched(() => claimFeed(new Request("http://x/feed.xml"), { params: Promise.resolve({ slug }) }));
    if (slug === f.publishedSlug) {
      const feed = await expectValidAtom(response);
      expect(feed.entries?.length).toBe(1);
    } else {
      expect(response.status).toBe(404);
      expect(await response.text()).toBe("Not found");
    }
  });

  test.prop(
    [fc.constantFrom(...PERSONAS), fc.oneof({ weight: 2, arbitrary: hostileString }, { weight: 1, arbitrary: unstorableString }, { weight: 1, arbitrary: idOf("publishedSlug", "draftSlug") })],
    fuzzParameters(RUNS),
  )("GET /claims/[slug]/card.png", async (persona, slugField) => {
    personas.use(persona);
    const slug = typeof slugField === "string" ? slugField : f[slugField.ref];
    const response = await watched(() => claimCard(new Request("http://x/card.png"), { params: Promise.resolve({ slug }) }));
    if (slug === f.publishedSlug) {
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("image/png");
    } else {
      expect(response.status).toBe(404);
      expect(await response.text()).toBe("Not found");
    }
  });

  // The feed's input is what is stored: hostile text that any path (a form, a script) could have
  // saved. Stored text must come out as valid XML, whatever it holds.
  test.prop([fc.constantFrom(...PERSONAS), storableHostileString.filter((text) => text.trim() !== ""), storableHostileString.filter((text) => text.trim() !== "")], fuzzParameters(RUNS))(
    "GET /feeds/changes.xml",
    async (persona, statement, rationale) => {
      const claim = await db().claim.findUniqueOrThrow({ where: { slug: f.publishedSlug }, select: { id: true } });
      // The history triggers check the claim's status against its latest transition at commit.
      await db().$transaction([
        db().claim.update({ where: { id: claim.id }, data: { statement, status: "disputed" } }),
        db().statusTransition.create({
          data: { claimId: claim.id, sequence: 2, fromStatus: "unverified", toStatus: "disputed", actorId: personas.account("fact_checker").id, actorRole: "fact_checker", rationale },
        }),
      ]);
      personas.use(persona);
      const feed = await expectValidAtom(await watched(() => changesFeed()));
      expect(feed.entries?.length).toBe(2);
    },
  );

  test.prop(
    [fc.constantFrom(...PERSONAS), fc.oneof({ weight: 2, arbitrary: hostileString }, { weight: 1, arbitrary: unstorableString }, { weight: 1, arbitrary: idOf("publishedSlug", "draftSlug") })],
    fuzzParameters(RUNS),
  )("GET /embed/claims/[slug]", async (persona, slugField) => {
    personas.use(persona);
    const slug = typeof slugField === "string" ? slugField : f[slugField.ref];
    const response = await watched(() => embedCard(new Request("http://x/embed"), { params: Promise.resolve({ slug }) }));
    const body = await response.text();
    // The same card for everyone: it reads no session, and sets no cookie.
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(body).not.toMatch(/<script/i);
    expect(response.status).toBe(slug === f.publishedSlug ? 200 : 404);
    expectNoLeak([body], [slug]);
  });

  // What is stored comes out as escaped text only, whatever it holds.
  test.prop([fc.constantFrom(...PERSONAS), storableHostileString.filter((text) => text.trim() !== "")], fuzzParameters(RUNS))(
    "GET /embed/claims/[slug] with a hostile stored statement",
    async (persona, statement) => {
      await db().claim.updateMany({ where: { slug: f.publishedSlug }, data: { statement } });
      personas.use(persona);
      const response = await watched(() => embedCard(new Request("http://x/embed"), { params: Promise.resolve({ slug: f.publishedSlug }) }));
      expect(response.status).toBe(200);
      const body = await response.text();
      expect(body).toContain(`<h1>${escapeHtml(statement)}</h1>`);
      expect(body.match(/<script/gi)).toBeNull();
    },
  );

  test.prop(
    [
      fc.constantFrom(...PERSONAS),
      fc.oneof(
        {
          weight: 2,
          arbitrary: fc
            .record({
              url: fc.oneof(hostileString, idOf("publishedSlug", "draftSlug")),
              format: optional(fc.oneof(choice("json", "xml"), hostileString)),
              maxwidth: optional(fc.oneof(fc.integer({ min: -10, max: 100_000 }).map(String), hostileString)),
              maxheight: optional(fc.oneof(fc.integer({ min: -10, max: 100_000 }).map(String), hostileString)),
            })
            .map((fields) => ({ encoded: true as const, fields })),
        },
        { weight: 1, arbitrary: fc.oneof(percentGarbage, hostileString).map((raw) => ({ encoded: false as const, raw })) },
      ),
    ],
    fuzzParameters(RUNS),
  )("GET /api/oembed", async (persona, input) => {
    personas.use(persona);
    const url = new URL("http://x/api/oembed");
    const submitted: string[] = [];
    let published = false;
    if (input.encoded) {
      for (const [name, value] of Object.entries(input.fields)) {
        if (value === undefined) continue;
        if (Array.isArray(value)) continue;
        const text = typeof value === "string" ? value : `${siteConfig().url}/claims/${f[value.ref]}`;
        if (typeof value !== "string") published = value.ref === "publishedSlug";
        url.searchParams.set(name, text);
        submitted.push(text);
      }
    } else {
      url.search = `?url=${input.raw}&maxwidth=${input.raw}`;
      submitted.push(input.raw);
    }
    const response = await watched(() => oEmbed(new Request(url)));
    expect([200, 400, 404, 501]).toContain(response.status);
    const body = await response.text();
    expectNoLeak([body], submitted);
    if (response.status === 200) {
      expect(published).toBe(true);
      const answer = JSON.parse(body) as { type: string; html: string; width: number; height: number };
      expect(answer.type).toBe("rich");
      expect(answer.html).toMatch(/^<iframe [^<>]*><\/iframe>$/);
      expect(answer.width).toBeLessThanOrEqual(Math.min(600, Number(url.searchParams.get("maxwidth") ?? 600)));
      expect(answer.height).toBeLessThanOrEqual(Number(url.searchParams.get("maxheight") ?? Infinity));
    }
  });

  test.prop([fc.constantFrom(...PERSONAS)], fuzzParameters(5))("GET /api/health", async (persona) => {
    personas.use(persona);
    const response = await watched(() => health());
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", database: "reachable" });
  });
});

it("saw every action succeed, so that the round-trip property was checked at all", () => {
  expect(ACTIONS.filter(({ name }) => !successes.get(name)).map(({ name }) => name)).toEqual([]);
});

// ---------------------------------------------------------------------------------------------
// Counterexamples the fuzzing found, kept as named tests (each failed before its fix).

describe("regressions found by fuzzing", () => {
  const claimAction = ACTIONS.find(({ name }) => name === "createClaim")!;
  const evidenceAction = ACTIONS.find(({ name }) => name === "linkEvidence")!;

  it("a typed name holding LIKE wildcards is a new person, not whoever the pattern matches", async () => {
    // Prisma's `equals` with `mode: "insensitive"` is ILIKE: "Jane_Mayor" and "J%" reused Jane Mayor.
    // ("Jane_Mayor" looks like Jane Mayor to pg_trgm, which ignores punctuation: hence the confirmation.)
    await checkAction(claimAction, "editor", { statement: "The mayor resigned.", newPeople: "Jane_Mayor, J%, \\", confirmNotDuplicate: "on", confirmNewEntities: "on" });
    await checkAction(evidenceAction, "editor", { claimId: { ref: "claimId" }, url: "https://citypaper.example/b", headline: "A", stance: "reports", sourcing: "on_record", newSpeakerName: "%" });
    const people = await db().entity.findMany({ where: { kind: "person" }, select: { name: true }, orderBy: { name: "asc" } });
    expect(people.map(({ name }) => name)).toEqual(["%", "J%", "J. Mayor", "Jane Mayor", "Jane_Mayor", "\\"]);
  });

  it("a typed name that differs only in case still reuses the entity", async () => {
    await checkAction(claimAction, "editor", { statement: "The mayor resigned.", newPeople: "JANE MAYOR", confirmNotDuplicate: "on" });
    expect(await db().entity.count({ where: { kind: "person" } })).toBe(2);
  });

  it("tags that differ only in case are kept once", async () => {
    // They were made unique before being lower-cased: "budget, BUDGET" stored ["budget", "budget"].
    await checkAction(claimAction, "editor", { statement: "The council cut the budget.", tags: "budget, BUDGET, Ukraine-War", confirmNotDuplicate: "on" });
    const claim = await db().claim.findFirstOrThrow({ where: { statement: "The council cut the budget." }, select: { tags: true } });
    expect(claim.tags).toEqual(["budget", "ukraine-war"]);
  });

  it("a date in the year 0 is a field error, not a database error", async () => {
    // PostgreSQL has no year 0: "0000-01-01" failed the insert (22008) and was logged as a bug.
    personas.use("editor");
    const claim = await watched(() => submit(createClaimAction, { statement: "Rome was founded.", eventDate: "0000-01-01", confirmNotDuplicate: "on" }));
    expect(claim.state?.fieldErrors?.eventDate).toEqual(["Enter a year from 1 onwards"]);
    const evidence = await watched(() =>
      submit(linkEvidenceAction, { claimId: f.claimId, url: "https://citypaper.example/c", headline: "A", stance: "reports", sourcing: "on_record", publishedAt: "0000-01-01T00:00" }),
    );
    expect(evidence.state?.fieldErrors?.publishedAt).toEqual(["Enter a year from 1 onwards"]);
  });

  it("stored text holding U+FFFE or U+FFFF still makes a valid feed", async () => {
    // XML 1.0 forbids both; the feed used to copy them and no parser could read it.
    await db().claim.updateMany({ where: { slug: f.publishedSlug }, data: { statement: "Bridge \ufffe closed \uffff" } });
    const feed = await expectValidAtom(await claimFeed(new Request("http://x/feed.xml"), { params: Promise.resolve({ slug: f.publishedSlug }) }));
    expect(feed.title?.value).toContain("Bridge  closed");
  });

  it("a form cannot send an unpaired surrogate: FormData makes it U+FFFD, which is stored as such", async () => {
    await checkAction(ACTIONS.find(({ name }) => name === "createAccount")!, "admin", { name: "x\udc00\ud800x", email: "x@test.example", role: "editor" });
    expect((await db().user.findUniqueOrThrow({ where: { email: "x@test.example" }, select: { name: true } })).name).toBe("x\ufffd\ufffdx");
  });
});

describe("found while reading the fuzzing's first counterexample", () => {
  it("the desk's searches take % and _ as the characters they are", async () => {
    // Prisma's `contains` is ILIKE '%' || $1 || '%' without escaping: "%" and "_" listed everything.
    await db().entity.create({ data: { kind: "organisation", name: "100% Fact" } });
    expect((await listEntities({ q: "%" })).map(({ name }) => name)).toEqual(["100% Fact"]);
    expect(await listEntities({ q: "_" })).toEqual([]);
    expect((await listDeskClaims({ q: "_", page: 1 })).total).toBe(0);
    expect((await listDeskClaims({ q: "MAYOR", page: 1 })).total).toBe(1);
  });
});
