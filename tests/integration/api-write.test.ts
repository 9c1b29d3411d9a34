// The partner API's authorization matrix: every endpoint × (no token, a revoked token, and a live
// token of each scope). Reads are public; writes need an editor token; nothing else writes, and a
// refused request changes no table. Allowed writes go through the desk's mutations: history rows
// name the token, reader caches are expired as the desk expires them, and every answer matches
// the OpenAPI document.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as listClaims, POST as createClaimApi } from "@/app/api/v1/claims/route";
import { GET as getClaim } from "@/app/api/v1/claims/[ref]/route";
import { POST as linkEvidenceApi } from "@/app/api/v1/claims/[ref]/evidence/route";
import { GET as listEntities } from "@/app/api/v1/entities/route";
import { GET as getEntity } from "@/app/api/v1/entities/[id]/route";
import { GET as openapi } from "@/app/api/v1/openapi.json/route";
import { GET as search } from "@/app/api/v1/search/route";
import { apiRateLimiter } from "@/lib/api/route";
import { createApiToken, revokeApiToken } from "@/lib/api-tokens/mutations";
import { db } from "@/lib/db";
import { createClaim, createEvidence, createUser } from "@/tests/factories";
import { nextCacheMock } from "@/tests/setup/next-request";
import { snapshotTables } from "@/tests/setup/table-snapshot";
import { responseChecker } from "@/tests/support/openapi-check";

vi.mock("next/cache", async () => (await import("@/tests/setup/next-request")).nextCacheMock);

const BASE = "http://localhost:3000/api/v1";
type Caller = "none" | "revoked" | "read" | "editor" | "fact_checker";
const CALLERS: Caller[] = ["none", "revoked", "read", "editor", "fact_checker"];

type Fixture = { secrets: Record<Exclude<Caller, "none">, string>; tokenIds: Record<string, string>; adminId: string; claimId: string; slug: string; entityId: string; outletId: string };

let check: ReturnType<typeof responseChecker>;
let f: Fixture;

beforeAll(async () => {
  check = responseChecker(await (await openapi(new Request(`${BASE}/openapi.json`))).json());
});

beforeEach(async () => {
  apiRateLimiter().reset();
  const admin = await createUser(db(), "admin");
  const actor = { id: admin.id, role: "admin" as const };
  const secrets = {} as Fixture["secrets"];
  const tokenIds: Record<string, string> = {};
  for (const scope of ["read", "editor", "fact_checker"] as const) {
    const made = await createApiToken(actor, { name: `CMS ${scope}`, scope });
    secrets[scope] = made.secret;
    tokenIds[scope] = made.id;
  }
  const revoked = await createApiToken(actor, { name: "Old CMS", scope: "editor" });
  await revokeApiToken(actor, { id: revoked.id });
  secrets.revoked = revoked.secret;
  const author = await createUser(db(), "editor");
  const claim = await createClaim(db(), { createdById: author.id, statement: "The mayor resigned on Monday." });
  const evidence = await createEvidence(db(), { claimId: claim.id, createdById: author.id });
  const person = await db().entity.create({ data: { kind: "person", name: "Jane Mayor" } });
  await db().claimEntity.create({ data: { claimId: claim.id, entityId: person.id } });
  const outlet = await db().entity.create({ data: { kind: "organisation", name: "City Paper", domain: "citypaper.example" } });
  await db().evidence.update({ where: { id: evidence.id }, data: { outletId: outlet.id } });
  f = { secrets, tokenIds, adminId: admin.id, claimId: claim.id, slug: claim.slug, entityId: person.id, outletId: outlet.id };
});

function headersFor(caller: Caller, extra: Record<string, string> = {}): Record<string, string> {
  return { "x-claimtrail-client-address": "198.51.100.9", ...(caller === "none" ? {} : { Authorization: `Bearer ${f.secrets[caller]}` }), ...extra };
}

type Endpoint = {
  name: string;
  template: string;
  method: "GET" | "POST";
  call: (headers: Record<string, string>) => Promise<Response>;
  expected: Record<Caller, number>;
};

const READ: Record<Caller, number> = { none: 200, revoked: 401, read: 200, editor: 200, fact_checker: 200 };
const WRITE: Record<Caller, number> = { none: 401, revoked: 401, read: 403, editor: 201, fact_checker: 403 };

const json = (body: unknown) => ({ method: "POST", body: JSON.stringify(body), headers: { "Content-Type": "application/json" } });
const claimBody = { statement: "The council approved the budget on Friday.", tags: ["budget"], newPeople: ["Ann Treasurer"] };
const evidenceBody = () => ({ url: "https://citypaper.example/budget", headline: "Council passes budget", stance: "reports", sourcing: "document", outletId: f.outletId });

const ENDPOINTS: Endpoint[] = [
  { name: "list claims", template: "/claims", method: "GET", expected: READ, call: (h) => listClaims(new Request(`${BASE}/claims`, { headers: h })) },
  {
    name: "one claim",
    template: "/claims/{ref}",
    method: "GET",
    expected: READ,
    call: (h) => getClaim(new Request(`${BASE}/claims/${f.slug}`, { headers: h }), { params: Promise.resolve({ ref: f.slug }) }),
  },
  { name: "search", template: "/search", method: "GET", expected: READ, call: (h) => search(new Request(`${BASE}/search?q=mayor`, { headers: h })) },
  { name: "list entities", template: "/entities", method: "GET", expected: READ, call: (h) => listEntities(new Request(`${BASE}/entities`, { headers: h })) },
  {
    name: "one entity",
    template: "/entities/{id}",
    method: "GET",
    expected: READ,
    call: (h) => getEntity(new Request(`${BASE}/entities/${f.entityId}`, { headers: h }), { params: Promise.resolve({ id: f.entityId }) }),
  },
  {
    name: "log a claim",
    template: "/claims",
    method: "POST",
    expected: WRITE,
    call: (h) => {
      const init = json(claimBody);
      return createClaimApi(new Request(`${BASE}/claims`, { ...init, headers: { ...init.headers, ...h } }));
    },
  },
  {
    name: "link evidence",
    template: "/claims/{ref}/evidence",
    method: "POST",
    expected: WRITE,
    call: (h) => {
      const init = json(evidenceBody());
      return linkEvidenceApi(new Request(`${BASE}/claims/${f.claimId}/evidence`, { ...init, headers: { ...init.headers, ...h } }), {
        params: Promise.resolve({ ref: f.claimId }),
      });
    },
  },
];

const VOLATILE = ["sessions", "sign_in_attempts", "api_tokens"];

describe.each(ENDPOINTS)("$method $template ($name)", (endpoint) => {
  it.each(CALLERS)("with %s", async (caller) => {
    const before = await snapshotTables({ exclude: VOLATILE });
    const auditBefore = await db().auditEvent.count();
    const response = await endpoint.call(headersFor(caller));
    const expected = endpoint.expected[caller];
    expect(response.status).toBe(expected);
    const body = await response.json();
    check(endpoint.template, endpoint.method, response.status, response.headers.get("content-type") ?? "", body);
    if (response.status === 401) expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    // CORS only on reads.
    expect(response.headers.get("access-control-allow-origin")).toBe(endpoint.method === "GET" ? "*" : null);
    if (endpoint.method === "POST" && expected === 201) {
      // Written by the desk's mutation, in history as the token's maker, through the token.
      const entries = await db().auditEvent.findMany({ where: { apiTokenId: f.tokenIds.editor, action: { notIn: ["api_token_created", "api_token_revoked"] } } });
      expect(entries.length).toBeGreaterThan(0);
      expect(entries.every((entry) => entry.actorId === f.adminId && entry.actorRole === "editor")).toBe(true);
      expect(await db().auditEvent.count()).toBeGreaterThan(auditBefore);
    } else if (endpoint.method === "POST") {
      expect(await snapshotTables({ exclude: VOLATILE })).toEqual(before);
    }
  });
});

describe("writes through the API", () => {
  it("log a draft claim with its first status and history, and refuse a duplicate until confirmed", async () => {
    const init = json(claimBody);
    const created = await createClaimApi(new Request(`${BASE}/claims`, { ...init, headers: { ...init.headers, ...headersFor("editor") } }));
    expect(created.status).toBe(201);
    const body = await created.json();
    const claim = await db().claim.findUniqueOrThrow({ where: { id: body.id }, include: { transitions: true, entities: { include: { entity: true } } } });
    expect(claim).toMatchObject({ publication: "draft", status: "unverified", tags: ["budget"] });
    expect(claim.transitions).toHaveLength(1);
    expect(claim.entities.map(({ entity }) => entity.name)).toEqual(["Ann Treasurer"]);
    expect(created.headers.get("location")).toBe(body.deskUrl);

    const again = await createClaimApi(new Request(`${BASE}/claims`, { ...init, headers: { ...init.headers, ...headersFor("editor") } }));
    expect(again.status).toBe(409);
    const problem = await again.json();
    check("/claims", "POST", 409, again.headers.get("content-type") ?? "", problem);
    expect(problem.similar.map((item: { id: string }) => item.id)).toContain(body.id);
    const confirmed = json({ ...claimBody, newPeople: [], confirmNotDuplicate: true });
    const third = await createClaimApi(new Request(`${BASE}/claims`, { ...confirmed, headers: { ...confirmed.headers, ...headersFor("editor") } }));
    expect(third.status).toBe(201);
  });

  it("answer invalid bodies with 400 or 422 naming the field, and write nothing", async () => {
    const before = await snapshotTables({ exclude: VOLATILE });
    const cases: [unknown, number, string][] = [
      [{ statement: "" }, 400, "statement"],
      [{ statement: "Fine.", tags: ["Not A Tag!"] }, 400, "tags.0"],
      [{ statement: "Fine.", entityIds: ["nope"] }, 400, "entityIds.0"],
      [{ statement: "Fine.", extra: 1 }, 400, "body"],
      [{ statement: "a\u0000b" }, 400, "statement"],
      [{ statement: "Fine.", entityIds: ["00000000-0000-4000-8000-000000000000"] }, 422, "entityIds"],
    ];
    for (const [payload, status, field] of cases) {
      const init = json(payload);
      const response = await createClaimApi(new Request(`${BASE}/claims`, { ...init, headers: { ...init.headers, ...headersFor("editor") } }));
      const problem = await response.json();
      expect(response.status, JSON.stringify(payload)).toBe(status);
      check("/claims", "POST", status, response.headers.get("content-type") ?? "", problem);
      if (status === 400) expect(problem.errors.map((error: { field: string }) => error.field), JSON.stringify(problem)).toContain(field);
    }
    const notJson = await createClaimApi(new Request(`${BASE}/claims`, { method: "POST", body: "{", headers: { "Content-Type": "application/json", ...headersFor("editor") } }));
    expect(notJson.status).toBe(400);
    const form = await createClaimApi(new Request(`${BASE}/claims`, { method: "POST", body: "statement=x", headers: { "Content-Type": "application/x-www-form-urlencoded", ...headersFor("editor") } }));
    expect(form.status).toBe(415);
    const huge = await createClaimApi(new Request(`${BASE}/claims`, { ...json({ statement: "x".repeat(70_000) }), headers: { "Content-Type": "application/json", ...headersFor("editor") } }));
    expect(huge.status).toBe(413);
    expect(await snapshotTables({ exclude: VOLATILE })).toEqual(before);
  });

  it("link evidence to a published claim and expire its reader caches like the desk", async () => {
    nextCacheMock.revalidateTag.mockClear();
    const init = json(evidenceBody());
    const response = await linkEvidenceApi(new Request(`${BASE}/claims/${f.claimId}/evidence`, { ...init, headers: { ...init.headers, ...headersFor("editor") } }), {
      params: Promise.resolve({ ref: f.claimId }),
    });
    expect(response.status).toBe(201);
    const expired = nextCacheMock.revalidateTag.mock.calls.map(([tag]) => tag);
    expect(expired).toEqual(expect.arrayContaining([`claim:${f.slug}`, "claims"]));
    const claim = await (await getClaim(new Request(`${BASE}/claims/${f.slug}`), { params: Promise.resolve({ ref: f.slug }) })).json();
    expect(claim.evidence.map((item: { headline: string }) => item.headline)).toContain("Council passes budget");
    const missing = await linkEvidenceApi(new Request(`${BASE}/claims/not-an-id/evidence`, { ...init, headers: { ...init.headers, ...headersFor("editor") } }), {
      params: Promise.resolve({ ref: "not-an-id" }),
    });
    expect(missing.status).toBe(404);
  });

  it("refuse a token whose maker was deactivated, and malformed Authorization headers", async () => {
    for (const header of ["Bearer", "Basic abc", "Bearer ct_short", `Bearer ${f.secrets.editor}x`]) {
      const response = await listClaims(new Request(`${BASE}/claims`, { headers: { Authorization: header } }));
      expect(response.status, header).toBe(401);
    }
    await db().user.update({ where: { id: f.adminId }, data: { deactivatedAt: new Date() } });
    expect((await listClaims(new Request(`${BASE}/claims`, { headers: headersFor("editor") }))).status).toBe(401);
  });

  it("record a token's last use", async () => {
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: f.tokenIds.read } })).lastUsedAt).toBeNull();
    await listClaims(new Request(`${BASE}/claims`, { headers: headersFor("read") }));
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: f.tokenIds.read } })).lastUsedAt).toBeInstanceOf(Date);
  });
});

describe("rate limits", () => {
  it("answer 429 with Retry-After past the limit, per address and per token", async () => {
    process.env.API_RATE_LIMIT_ADDRESS = "3";
    process.env.API_RATE_LIMIT_TOKEN = "4";
    try {
      const statuses = [];
      for (let index = 0; index < 4; index += 1) statuses.push((await listClaims(new Request(`${BASE}/claims`, { headers: headersFor("none") }))).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await listClaims(new Request(`${BASE}/claims`, { headers: headersFor("none") }));
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      const problem = await refused.json();
      check("/claims", "GET", 429, refused.headers.get("content-type") ?? "", problem);
      // Another address is not limited by the first one's requests; a token has its own budget.
      expect((await listClaims(new Request(`${BASE}/claims`, { headers: { "x-claimtrail-client-address": "198.51.100.10" } }))).status).toBe(200);
      const tokenStatuses = [];
      for (let index = 0; index < 5; index += 1) tokenStatuses.push((await listClaims(new Request(`${BASE}/claims`, { headers: headersFor("read") }))).status);
      expect(tokenStatuses).toEqual([200, 200, 200, 200, 429]);
    } finally {
      delete process.env.API_RATE_LIMIT_ADDRESS;
      delete process.env.API_RATE_LIMIT_TOKEN;
    }
  });
});
