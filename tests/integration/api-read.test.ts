// The partner API's reads (docs/api.md), called as route handlers against the demo data: what
// readers may see and nothing more, cursor pages that neither skip nor repeat, ETag and 304,
// Cache-Control and CORS, 400 problem details for bad parameters; and every answer checked
// against the OpenAPI document the app serves, which is itself validated as OpenAPI 3.1.
import { Validator } from "@seriousme/openapi-schema-validator";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as listClaims } from "@/app/api/v1/claims/route";
import { GET as getClaim } from "@/app/api/v1/claims/[ref]/route";
import { GET as listEntities } from "@/app/api/v1/entities/route";
import { GET as getEntity } from "@/app/api/v1/entities/[id]/route";
import { GET as openapi } from "@/app/api/v1/openapi.json/route";
import { GET as search } from "@/app/api/v1/search/route";
import { apiRateLimiter } from "@/lib/api/route";
import { db } from "@/lib/db";
import { seedDemoData } from "@/prisma/seed";
import { responseChecker } from "@/tests/support/openapi-check";

vi.mock("next/cache", async () => (await import("@/tests/setup/next-request")).nextCacheMock);

const BASE = "http://localhost:3000/api/v1";
let check: ReturnType<typeof responseChecker>;

beforeAll(async () => {
  const document = await (await openapi(new Request(`${BASE}/openapi.json`))).json();
  check = responseChecker(document);
});

beforeEach(async () => {
  apiRateLimiter().reset();
  await seedDemoData(db());
});

type Call = { path: string; template: string; handler: (request: Request) => Promise<Response> | Response };

/** Calls a handler and checks its answer against the document; returns the status, headers and JSON. */
async function call({ path, template, handler }: Call, headers: Record<string, string> = {}) {
  const response = await handler(new Request(`${BASE}${path}`, { headers }));
  const type = response.headers.get("content-type") ?? "";
  const body = response.status === 304 ? null : await response.json();
  if (response.status !== 304) check(template, "get", response.status, type, body);
  return { status: response.status, headers: response.headers, body };
}

const claims = (query = "") => ({ path: `/claims${query}`, template: "/claims", handler: listClaims });
const claim = (ref: string) => ({
  path: `/claims/${ref}`,
  template: "/claims/{ref}",
  handler: (request: Request) => getClaim(request, { params: Promise.resolve({ ref }) }),
});
const entities = (query = "") => ({ path: `/entities${query}`, template: "/entities", handler: listEntities });
const entity = (id: string) => ({
  path: `/entities/${id}`,
  template: "/entities/{id}",
  handler: (request: Request) => getEntity(request, { params: Promise.resolve({ id }) }),
});
const searching = (query: string) => ({ path: `/search${query}`, template: "/search", handler: search });

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1 and describes every read", async () => {
    const response = await openapi(new Request(`${BASE}/openapi.json`));
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const document = await response.json();
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(["/claims", "/claims/{ref}", "/search", "/entities", "/entities/{id}"]));
  });
});

describe("GET /api/v1/claims", () => {
  it("lists published claims only, newest update first, with caching and CORS headers", async () => {
    const { status, headers, body } = await call(claims());
    expect(status).toBe(200);
    const published = await db().claim.findMany({ where: { publication: "published" }, orderBy: [{ updatedAt: "desc" }, { id: "desc" }] });
    expect(body.data.map((item: { slug: string }) => item.slug)).toEqual(published.map((item) => item.slug));
    expect(body.data.some((item: { slug: string }) => item.slug === "musk-joined-trump-zelenskyy-call")).toBe(false);
    expect(body.nextCursor).toBeNull();
    expect(headers.get("cache-control")).toMatch(/^public, max-age=0, s-maxage=60/);
    expect(headers.get("access-control-allow-origin")).toBe("*");
    expect(headers.get("etag")).toMatch(/^"[\w-]+"$/);
  });

  it("pages by cursor without skipping or repeating, even when a claim is updated between pages", async () => {
    const all = (await call(claims())).body.data.map((item: { slug: string }) => item.slug);
    const first = await call(claims("?limit=2"));
    expect(first.body.data.map((item: { slug: string }) => item.slug)).toEqual(all.slice(0, 2));
    // The claim on top is edited meanwhile: it moves to the front, which the next pages have passed.
    await db().claim.update({ where: { slug: all[0] }, data: { updatedAt: new Date() } });
    const seen = [...first.body.data.map((item: { slug: string }) => item.slug)];
    let cursor = first.body.nextCursor;
    while (cursor) {
      const page = await call(claims(`?limit=2&cursor=${encodeURIComponent(cursor)}`));
      seen.push(...page.body.data.map((item: { slug: string }) => item.slug));
      cursor = page.body.nextCursor;
    }
    expect(seen).toEqual(all);
  });

  it("filters by status, tag, entity, outlet and updatedSince", async () => {
    const disputed = (await call(claims("?status=disputed"))).body.data;
    expect(disputed.length).toBeGreaterThan(0);
    expect(disputed.every((item: { status: string }) => item.status === "disputed")).toBe(true);

    const tagged = await db().claim.findFirstOrThrow({ where: { publication: "published", tags: { isEmpty: false } } });
    const byTag = (await call(claims(`?tag=${tagged.tags[0]}`))).body.data;
    expect(byTag.map((item: { slug: string }) => item.slug)).toContain(tagged.slug);
    expect(byTag.every((item: { tags: string[] }) => item.tags.includes(tagged.tags[0]!))).toBe(true);

    const about = await db().claimEntity.findFirstOrThrow({ where: { claim: { publication: "published" } }, include: { claim: true } });
    const byEntity = (await call(claims(`?entity=${about.entityId}`))).body.data;
    expect(byEntity.map((item: { slug: string }) => item.slug)).toContain(about.claim.slug);

    const evidence = await db().evidence.findFirstOrThrow({ where: { outletId: { not: null }, removedAt: null, claim: { publication: "published" } }, include: { claim: true } });
    const byOutlet = (await call(claims(`?outlet=${evidence.outletId}`))).body.data;
    expect(byOutlet.map((item: { slug: string }) => item.slug)).toContain(evidence.claim.slug);

    const since = new Date(Date.now() + 60_000).toISOString();
    expect((await call(claims(`?updatedSince=${since}`))).body.data).toEqual([]);
    await db().claim.update({ where: { slug: "trump-spoke-with-putin" }, data: { updatedAt: new Date(Date.now() + 120_000) } });
    expect((await call(claims(`?updatedSince=${since}`))).body.data.map((item: { slug: string }) => item.slug)).toEqual(["trump-spoke-with-putin"]);
  });

  it("answers bad parameters with 400 problem details naming them", async () => {
    for (const [query, field] of [
      ["?status=maybe", "status"],
      ["?limit=0", "limit"],
      ["?limit=abc", "limit"],
      ["?entity=not-a-uuid", "entity"],
      ["?updatedSince=yesterday", "updatedSince"],
      ["?cursor=garbage", "cursor"],
      ["?tag=a%00b", "tag"],
    ] as const) {
      const { status, headers, body } = await call(claims(query));
      expect(status, query).toBe(400);
      expect(headers.get("content-type")).toBe("application/problem+json");
      expect(body.errors.map((error: { field: string }) => error.field), query).toContain(field);
    }
  });

  it("gives 304 to a matching If-None-Match, and a new ETag once a claim changes", async () => {
    const first = await call(claims());
    const etag = first.headers.get("etag")!;
    const again = await call(claims(), { "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    await db().claim.update({ where: { slug: "trump-spoke-with-putin" }, data: { statement: "Changed for the test." } });
    const changed = await call(claims(), { "If-None-Match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
  });
});

describe("GET /api/v1/claims/{ref}", () => {
  it("gives a published claim by slug or id with evidence, independence and history, and no staff names", async () => {
    const bySlug = await call(claim("trump-spoke-with-putin"));
    expect(bySlug.status).toBe(200);
    const row = await db().claim.findUniqueOrThrow({ where: { slug: "trump-spoke-with-putin" }, include: { createdBy: true } });
    const byId = await call(claim(row.id));
    expect(byId.body).toEqual(bySlug.body);
    expect(bySlug.body.evidence.length).toBeGreaterThan(0);
    expect(bySlug.body.independence.summary).toMatch(/independent|No reports/);
    expect(bySlug.body.history.map((entry: { to: string }) => entry.to)).toEqual(["disputed", "unverified"]);
    const users = await db().user.findMany();
    const text = JSON.stringify(bySlug.body);
    for (const user of users) {
      expect(text).not.toContain(user.email);
      expect(text).not.toContain(user.id);
    }
  });

  it("does not give drafts, made-up slugs or impossible references", async () => {
    const draft = await db().claim.findUniqueOrThrow({ where: { slug: "musk-joined-trump-zelenskyy-call" } });
    for (const ref of ["musk-joined-trump-zelenskyy-call", draft.id, "no-such-claim", "Bad Slug", "a".repeat(300)]) {
      const { status, headers } = await call(claim(ref));
      expect(status, ref).toBe(404);
      expect(headers.get("content-type")).toBe("application/problem+json");
    }
  });
});

describe("GET /api/v1/search", () => {
  it("finds published claims and never drafts; q is required", async () => {
    const found = await call(searching("?q=Putin"));
    expect(found.status).toBe(200);
    expect(found.body.data.map((hit: { slug: string }) => hit.slug)).toContain("trump-spoke-with-putin");
    expect(found.headers.get("cache-control")).toMatch(/s-maxage=10/);
    const drafts = await call(searching("?q=Musk"));
    expect(drafts.body.data.some((hit: { slug: string }) => hit.slug === "musk-joined-trump-zelenskyy-call")).toBe(false);
    expect((await call(searching(""))).status).toBe(400);
  });
});

describe("GET /api/v1/entities", () => {
  it("lists entities on published claims by name, pages by cursor, and gives one", async () => {
    const all = (await call(entities("?limit=100"))).body.data;
    expect(all.length).toBeGreaterThan(2);
    const names = all.map((item: { name: string }) => item.name);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { data: { name: string }[]; nextCursor: string | null } } = await call(entities(`?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`));
      seen.push(...page.body.data.map((item) => item.name));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(names);

    const one = await call(entity(all[0].id));
    expect(one.status).toBe(200);
    expect(one.body.name).toBe(all[0].name);
    expect((await call(entity("00000000-0000-4000-8000-000000000000"))).status).toBe(404);
    expect((await call(entity("nope"))).status).toBe(404);
    expect((await call(entities("?kind=robot"))).status).toBe(400);
  });
});
