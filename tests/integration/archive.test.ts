// Evidence archiving (docs/archive.md) against the real test database, the real job worker and a
// local web server standing in for news sites: linking enqueues exactly one job with the write,
// the worker stores a snapshot with the right hashes and final URL, failures are recorded or
// retried as they deserve, link checks find rot, and the archived copy is served sandboxed to
// the right people only.
import { createHash } from "node:crypto";
import type { JobHelpers, Runner } from "graphile-worker";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it, vi } from "vitest";
import { GET as snapshotRoute } from "@/app/archive/[snapshotId]/route";
import { GET as snapshotTextRoute } from "@/app/archive/[snapshotId]/text/route";
import { checkSourceNowAction } from "@/lib/archive/actions";
import { diffTexts } from "@/lib/archive/diff";
import { enqueueArchive } from "@/lib/archive/enqueue";
import { checkJob, snapshotJob } from "@/lib/archive/jobs";
import { enqueueRechecks } from "@/lib/archive/mutations";
import { archiveLines, evidenceChange } from "@/lib/archive/queries";
import { listenForExpiry } from "@/lib/cache/expiry-listener";
import { db } from "@/lib/db";
import { linkEvidence, updateEvidence } from "@/lib/evidence/mutations";
import { EvidenceCreateSchema, EvidenceUpdateSchema } from "@/lib/evidence/schema";
import { startWorker } from "@/lib/jobs/worker";
import { createClaim, createUser } from "@/tests/factories";
import { actAs, PERSONAS } from "@/tests/factories/sessions";
import { submit } from "@/tests/setup/next-request";
import { articleHtml, type ArticleServer, startArticleServer } from "@/tests/support/article-server";

vi.mock("next/headers", async () => (await import("@/tests/setup/next-request")).nextHeadersMock);
vi.mock("next/headers.js", async () => (await import("@/tests/setup/next-request")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("@/tests/setup/next-request")).nextCacheMock);

const url = inject("databaseUrl");
const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

const PARAGRAPHS = [
  "The two ministers met secretly in Geneva on Thursday, two officials said, speaking on condition of anonymity because they were not authorised to speak.",
  "The ministry's spokeswoman called the report false. The embassy declined to comment when reached by telephone on Friday morning.",
  "Talks on a prisoner exchange have stalled for months, according to diplomats familiar with the negotiations between the two governments.",
];
const ARTICLE = articleHtml("Ministers met in Geneva", PARAGRAPHS, `<script>document.getElementById("headline").textContent = "SCRIPT RAN"</script>`);

let site: ArticleServer;
const stops: (() => Promise<void>)[] = [];
const savedEnv = { ...process.env };

beforeAll(async () => {
  site = await startArticleServer();
});
afterAll(async () => {
  await site.close();
});
beforeEach(() => {
  process.env.OUTBOUND_ALLOW_PRIVATE = "1";
  process.env.ARCHIVE_TIMEOUT_MS = "1000";
  for (const name of ["ARCHIVE_MAX_BYTES", "ARCHIVE_ORG", "ARCHIVE_RESPECT_ROBOTS", "S3_ENDPOINT", "S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"]) {
    delete process.env[name];
  }
});
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
  process.env = { ...savedEnv };
});

let editor: { id: string; role: "editor" };

async function claimWithOutlet(publication: "draft" | "published" = "draft") {
  editor = { id: (await createUser(db(), "editor")).id, role: "editor" };
  const claim = await createClaim(db(), { createdById: editor.id, publication });
  const outlet = await db().entity.create({ data: { kind: "organisation", name: "The Test Gazette", description: "News outlet" }, select: { id: true } });
  return { ...claim, outletId: outlet.id };
}

/**
 * Links evidence through the desk's own mutation (which enqueues the archive job), then points it
 * at the local test site: the evidence form accepts domain names only, and the test site is
 * 127.0.0.1. The job reads the URL when it runs, so it fetches the local page.
 */
async function link(claim: { id: string; outletId: string }, path: string) {
  const input = EvidenceCreateSchema.parse({ claimId: claim.id, url: `https://gazette.example${path}`, headline: "Report", stance: "reports", sourcing: "anonymous", outletId: claim.outletId });
  const evidence = await linkEvidence(editor, input);
  await db().evidence.update({ where: { id: evidence.id }, data: { url: `${site.origin}${path}` } });
  return evidence;
}

async function jobs() {
  return db().$queryRaw<{ task_identifier: string; payload: unknown; key: string | null; attempts: number; last_error: string | null; max_attempts: number }[]>`
    SELECT task.identifier AS task_identifier, job.payload, job.key, job.attempts, job.last_error, job.max_attempts
      FROM graphile_worker._private_jobs job JOIN graphile_worker._private_tasks task ON task.id = job.task_id
     ORDER BY job.id`;
}

async function worker(): Promise<Runner> {
  const runner = await startWorker({ connectionString: url, concurrency: 2, pollInterval: 100, schedule: [] });
  stops.push(() => runner.stop());
  return runner;
}

async function snapshots(evidenceId: string) {
  return db().evidenceSnapshot.findMany({ where: { evidenceId }, orderBy: { fetchedAt: "asc" } });
}

/** Runs the snapshot job's handler as the worker would on its `attempt`-th try of `maxAttempts`. */
function attempt(evidenceId: string, attempts: number, maxAttempts: number) {
  const helpers = { job: { attempts, max_attempts: maxAttempts }, logger: { warn: () => {} } } as unknown as JobHelpers;
  return snapshotJob({ evidenceId }, helpers);
}

describe("linking evidence", () => {
  it("enqueues exactly one archive job in the link's transaction, and none when it rolls back", async () => {
    const claim = await claimWithOutlet();
    site.set("/article", { kind: "html", body: ARTICLE });
    const evidence = await link(claim, "/article");
    expect(await jobs()).toEqual([
      expect.objectContaining({ task_identifier: "archive.snapshot", payload: { evidenceId: evidence.id }, key: `archive.snapshot:${evidence.id}` }),
    ]);

    // The same mutation failing after the job was added: no evidence, and no job either.
    const before = await jobs();
    await expect(
      db().$transaction(async (tx) => {
        await enqueueArchive(tx, evidence.id);
        throw new Error("the write failed");
      }),
    ).rejects.toThrow("the write failed");
    const input = EvidenceCreateSchema.parse({ claimId: claim.id, url: "https://gazette.example/other", headline: "Report", stance: "reports", sourcing: "anonymous", outletId: claim.outletId, derivedFromId: "0195f2c4-0000-7000-8000-000000000000", derivation: "republishes" });
    await expect(linkEvidence(editor, input)).rejects.toThrow();
    expect(await jobs()).toEqual(before);
    expect(await db().evidence.count()).toBe(1);
  });
});

describe("editing evidence", () => {
  it("archives a new address anew, and leaves an unchanged one alone", async () => {
    const claim = await claimWithOutlet();
    const input = EvidenceCreateSchema.parse({ claimId: claim.id, url: "https://gazette.example/first", headline: "Report", stance: "reports", sourcing: "anonymous", outletId: claim.outletId });
    const evidence = await linkEvidence(editor, input);
    await db().$executeRaw`DELETE FROM graphile_worker._private_jobs`;
    const edit = (url: string, version: number) =>
      updateEvidence(editor, EvidenceUpdateSchema.parse({ ...input, url, headline: `Report v${version}`, id: evidence.id, version: String(version) }));
    await edit("https://gazette.example/first", 1);
    expect(await jobs()).toEqual([]);
    await edit("https://gazette.example/corrected", 2);
    expect(await jobs()).toEqual([expect.objectContaining({ task_identifier: "archive.snapshot", payload: { evidenceId: evidence.id } })]);
  });
});

describe("the archive job", () => {
  it("stores the page, its readable text, the final URL after redirects and the SHA-256 of each, and expires the published claim's page", async () => {
    const claim = await claimWithOutlet("published");
    site.set("/article", { kind: "html", body: ARTICLE });
    site.set("/short-link", { kind: "redirect", to: "/amp-link" });
    site.set("/amp-link", { kind: "redirect", to: `${site.origin}/article`, status: 302 });
    const heard: string[][] = [];
    const listener = listenForExpiry(url, async (tags) => {
      heard.push(tags);
    });
    stops.push(listener.stop);

    const evidence = await link(claim, "/short-link");
    await worker();
    await expect.poll(async () => (await snapshots(evidence.id)).length, { timeout: 15_000 }).toBe(1);
    const [snapshot] = await snapshots(evidence.id);
    expect(snapshot).toMatchObject({
      requestedUrl: `${site.origin}/short-link`,
      finalUrl: `${site.origin}/article`,
      status: 200,
      contentType: "text/html; charset=utf-8",
      storage: "database",
      error: null,
      htmlTruncated: false,
      htmlBytes: Buffer.byteLength(ARTICLE),
      htmlSha256: sha256(ARTICLE),
    });
    expect(Buffer.from(snapshot!.html!).toString("utf8")).toBe(ARTICLE);
    for (const paragraph of PARAGRAPHS) expect(snapshot!.text).toContain(paragraph);
    expect(snapshot!.text).not.toContain("All rights reserved");
    expect(snapshot!.textSha256).toBe(sha256(snapshot!.text!));
    await expect.poll(jobs).toEqual([]);
    await expect.poll(() => heard.flat()).toContain(`claim:${claim.slug}`);

    const lines = await archiveLines([{ id: evidence.id, url: `${site.origin}/short-link` }]);
    expect(lines.get(evidence.id)?.state).toMatchObject({ kind: "archived", snapshotId: snapshot!.id, htmlSha256: sha256(ARTICLE) });
  });

  it("records a 404 once, without retrying it", async () => {
    const claim = await claimWithOutlet();
    const evidence = await link(claim, "/deleted-story");
    await worker();
    await expect.poll(async () => (await snapshots(evidence.id)).length, { timeout: 15_000 }).toBe(1);
    expect((await snapshots(evidence.id))[0]).toMatchObject({ status: 404, error: "the page answered 404" });
    await expect.poll(jobs).toEqual([]);
    expect(site.hits("/deleted-story")).toBe(1);
    const line = (await archiveLines([{ id: evidence.id, url: `${site.origin}/deleted-story` }])).get(evidence.id);
    expect(line?.state).toMatchObject({ kind: "failed", reason: "the page answered 404" });
  });

  it("retries a page slower than the timeout, and records the timeout on the last attempt", async () => {
    process.env.ARCHIVE_TIMEOUT_MS = "300";
    site.set("/slow", { kind: "slow", afterMs: 5_000, body: "<p>late</p></body></html>" });
    const claim = await claimWithOutlet();
    const evidence = await link(claim, "/slow");
    await worker();
    // The first attempts timed out and threw: the job waits for its next try (graphile-worker's
    // backoff), nothing is recorded yet.
    await expect
      .poll(async () => (await jobs())[0], { timeout: 15_000 })
      .toMatchObject({ task_identifier: "archive.snapshot", max_attempts: 8, last_error: expect.stringMatching(/No complete answer within 300 ms/) });
    expect(await snapshots(evidence.id)).toEqual([]);
    expect((await archiveLines([{ id: evidence.id, url: `${site.origin}/slow` }])).get(evidence.id)?.state).toMatchObject({ kind: "pending" });

    // Its last attempt records why, for the desk, instead of throwing again.
    await attempt(evidence.id, 8, 8);
    expect(await snapshots(evidence.id)).toEqual([expect.objectContaining({ status: null, error: "the site did not answer in time", htmlSha256: null })]);
  });

  it("keeps the first bytes of a page larger than the cap, and says it was cut", async () => {
    process.env.ARCHIVE_MAX_BYTES = "2048";
    const long = articleHtml("A long read", Array.from({ length: 60 }, (_, i) => `Paragraph ${i} of a very long article about the talks in Geneva.`));
    site.set("/long", { kind: "html", body: long });
    const claim = await claimWithOutlet();
    const evidence = await link(claim, "/long");
    await attempt(evidence.id, 1, 8);
    const [snapshot] = await snapshots(evidence.id);
    expect(snapshot).toMatchObject({ htmlTruncated: true, htmlBytes: 2048, htmlSha256: sha256(Buffer.from(long).subarray(0, 2048)), error: null });
  });

  it("refuses a private address when OUTBOUND_ALLOW_PRIVATE is unset, without retrying", async () => {
    delete process.env.OUTBOUND_ALLOW_PRIVATE;
    site.set("/private-article", { kind: "html", body: ARTICLE });
    const claim = await claimWithOutlet();
    const evidence = await link(claim, "/private-article");
    await attempt(evidence.id, 1, 8);
    expect(await snapshots(evidence.id)).toEqual([expect.objectContaining({ error: "the address is on a private network, which Claimtrail does not fetch", status: null })]);
    expect(site.hits("/private-article")).toBe(0);
  });

  it("archives a URL once, however often its job runs", async () => {
    site.set("/article", { kind: "html", body: ARTICLE });
    const claim = await claimWithOutlet();
    const evidence = await link(claim, "/article");
    await attempt(evidence.id, 1, 8);
    await attempt(evidence.id, 1, 8);
    expect(await snapshots(evidence.id)).toHaveLength(1);
  });

  it("respects robots.txt when the newsroom asks it to", async () => {
    process.env.ARCHIVE_RESPECT_ROBOTS = "1";
    site.set("/robots.txt", { kind: "html", body: "User-agent: *\nDisallow: /private/\n" });
    site.set("/private/story", { kind: "html", body: ARTICLE });
    site.set("/public/story", { kind: "html", body: ARTICLE });
    const claim = await claimWithOutlet();
    const refused = await link(claim, "/private/story");
    const allowed = await link(claim, "/public/story");
    await attempt(refused.id, 1, 8);
    await attempt(allowed.id, 1, 8);
    expect((await snapshots(refused.id))[0]).toMatchObject({ error: expect.stringContaining("robots.txt") });
    expect((await snapshots(allowed.id))[0]).toMatchObject({ error: null, status: 200 });
    expect(site.hits("/private/story")).toBe(0);
  });
});

describe("link-rot checks", () => {
  async function archived(path: string) {
    const claim = await claimWithOutlet("published");
    const evidence = await link(claim, path);
    await attempt(evidence.id, 1, 8);
    expect((await snapshots(evidence.id))[0]).toMatchObject({ status: 200, error: null });
    return { claim, evidence };
  }

  async function checks(evidenceId: string) {
    return db().evidenceLinkCheck.findMany({ where: { evidenceId }, orderBy: { checkedAt: "asc" } });
  }

  it("records an unchanged page as unchanged, and flags nothing", async () => {
    site.set("/steady", { kind: "html", body: ARTICLE });
    const { evidence } = await archived("/steady");
    await checkJob({ evidenceId: evidence.id });
    expect(await checks(evidence.id)).toEqual([expect.objectContaining({ change: "unchanged", status: 200, snapshotId: null })]);
    expect((await archiveLines([{ id: evidence.id, url: `${site.origin}/steady` }])).get(evidence.id)?.changed).toBeNull();
  });

  it.each([
    [404, "status_changed"],
    [410, "status_changed"],
  ] as const)("notices a page that now answers %i", async (status, change) => {
    site.set(`/vanishing-${status}`, { kind: "html", body: ARTICLE });
    const { claim, evidence } = await archived(`/vanishing-${status}`);
    site.set(`/vanishing-${status}`, { kind: "status", status });
    await checkJob({ evidenceId: evidence.id });
    const [check] = await checks(evidence.id);
    expect(check).toMatchObject({ change, status });
    expect(check!.snapshotId).not.toBeNull();
    expect((await archiveLines([{ id: evidence.id, url: `${site.origin}/vanishing-${status}` }])).get(evidence.id)?.changed).toMatchObject({ change });
    const shown = await evidenceChange(claim.id, evidence.id);
    expect(shown?.after).toContain(`Error ${status}`);
  });

  it("notices an article that now redirects to the site's home page", async () => {
    site.set("/retired", { kind: "html", body: ARTICLE });
    site.set("/", { kind: "html", body: articleHtml("The Test Gazette", ["Today's top stories from around the world, updated every hour by our newsroom."]) });
    const { evidence } = await archived("/retired");
    site.set("/retired", { kind: "redirect", to: "/" });
    await checkJob({ evidenceId: evidence.id });
    expect((await checks(evidence.id))[0]).toMatchObject({ change: "redirected_to_home", status: 200, finalUrl: `${site.origin}/` });
  });

  it("notices changed content, stores the new page once, and shows the difference word by word", async () => {
    site.set("/changing", { kind: "html", body: ARTICLE });
    const { claim, evidence } = await archived("/changing");
    const edited = articleHtml("Ministers met in Geneva", [PARAGRAPHS[0]!.replace("Geneva on Thursday", "Vienna on Thursday"), PARAGRAPHS[1]!, PARAGRAPHS[2]!]);
    site.set("/changing", { kind: "html", body: edited });
    await checkJob({ evidenceId: evidence.id });
    await checkJob({ evidenceId: evidence.id });
    const found = await checks(evidence.id);
    expect(found.map((check) => check.change)).toEqual(["content_changed", "content_changed"]);
    // The second check found the same changed page: it points at the snapshot the first one took.
    expect(found[1]!.snapshotId).toBe(found[0]!.snapshotId);
    expect(await snapshots(evidence.id)).toHaveLength(2);
    expect((await snapshots(evidence.id))[1]).toMatchObject({ htmlSha256: sha256(edited) });

    const shown = await evidenceChange(claim.id, evidence.id);
    expect(shown?.change).toBe("content_changed");
    const diff = diffTexts(shown!.before, shown!.after);
    expect(diff.parts.filter((part) => part.kind === "removed").map((part) => part.text.trim())).toEqual(["Geneva"]);
    expect(diff.parts.filter((part) => part.kind === "added").map((part) => part.text.trim())).toEqual(["Vienna"]);
    // Another claim's id does not show this evidence's change.
    const other = await claimWithOutlet();
    expect(await evidenceChange(other.id, evidence.id)).toBeNull();
  });

  it("records an unreachable source without flagging it as changed", async () => {
    site.set("/flaky", { kind: "html", body: ARTICLE });
    const { evidence } = await archived("/flaky");
    process.env.ARCHIVE_TIMEOUT_MS = "200";
    site.set("/flaky", { kind: "slow", afterMs: 5_000, body: "" });
    await checkJob({ evidenceId: evidence.id });
    expect((await checks(evidence.id))[0]).toMatchObject({ change: "unreachable", error: "the site did not answer in time" });
    const line = (await archiveLines([{ id: evidence.id, url: `${site.origin}/flaky` }])).get(evidence.id);
    expect(line?.changed).toBeNull();
    expect(line?.unreachableSince).not.toBeNull();
  });

  it("the weekly sweep queues one check per live piece of evidence, spread out, never doubled", async () => {
    const claim = await claimWithOutlet();
    const first = await link(claim, "/a");
    const second = await link(claim, "/b");
    await db().$executeRaw`DELETE FROM graphile_worker._private_jobs`;
    const now = new Date("2030-01-07T03:00:00Z");
    expect(await enqueueRechecks(now, 60 * 60 * 1000)).toBe(2);
    expect(await enqueueRechecks(now, 60 * 60 * 1000)).toBe(2);
    const queued = await db().$queryRaw<{ key: string; run_at: Date }[]>`SELECT key, run_at FROM graphile_worker.jobs ORDER BY run_at`;
    expect(queued.map((job) => job.key).sort()).toEqual([`archive.check:${first.id}`, `archive.check:${second.id}`].sort());
    expect(queued.map((job) => job.run_at.toISOString())).toEqual(["2030-01-07T03:00:00.000Z", "2030-01-07T03:30:00.000Z"]);
  });
});

describe("check the source now", () => {
  it.each(PERSONAS)("as %s: only those who may edit evidence queue a check, and only of this claim's evidence", async (persona) => {
    const claim = await claimWithOutlet();
    const evidence = await link(claim, "/checked");
    const other = await claimWithOutlet();
    await db().$executeRaw`DELETE FROM graphile_worker._private_jobs`;
    await actAs(persona);
    const outcome = await submit(checkSourceNowAction, { claimId: claim.id, evidenceId: evidence.id });
    const queued = (await jobs()).map((job) => job.key);
    if (persona === "editor") {
      expect(outcome.state?.status ?? "redirected").not.toBe("error");
      expect(queued).toEqual([`archive.check:${evidence.id}`]);
      // Another claim's id with this evidence: refused, nothing queued.
      await db().$executeRaw`DELETE FROM graphile_worker._private_jobs`;
      const foreign = await submit(checkSourceNowAction, { claimId: other.id, evidenceId: evidence.id });
      expect(foreign.state).toMatchObject({ status: "error", message: "That evidence is not part of this claim." });
      expect(await jobs()).toEqual([]);
    } else {
      expect(queued).toEqual([]);
    }
  });
});

describe("the archived copy's routes", () => {
  async function archivedFor(publication: "draft" | "published") {
    site.set("/article", { kind: "html", body: ARTICLE });
    const claim = await claimWithOutlet(publication);
    const evidence = await link(claim, "/article");
    await attempt(evidence.id, 1, 8);
    return (await snapshots(evidence.id))[0]!;
  }
  const call = (route: typeof snapshotRoute, id: string) => route(new Request(`http://localhost/archive/${id}`), { params: Promise.resolve({ snapshotId: id }) });

  it("serves a published claim's snapshot to anyone, byte for byte, under a sandbox policy that runs no script", async () => {
    const snapshot = await archivedFor("published");
    await actAs("anonymous");
    const response = await call(snapshotRoute, snapshot.id);
    expect(response.status).toBe(200);
    const body = Buffer.from(await response.arrayBuffer());
    expect(sha256(body)).toBe(snapshot.htmlSha256);
    const policy = response.headers.get("content-security-policy") ?? "";
    expect(policy.split(";").map((part) => part.trim())).toEqual(expect.arrayContaining(["sandbox", "default-src 'none'"]));
    expect(policy).not.toMatch(/script-src/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");

    const text = await call(snapshotTextRoute, snapshot.id);
    expect(text.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(text.headers.get("content-security-policy")).toBe(policy);
    const shown = await text.text();
    expect(shown).toContain(snapshot.htmlSha256!);
    expect(shown).toContain(PARAGRAPHS[0]);
  });

  it("shows a draft's snapshot to signed-in staff only", async () => {
    const snapshot = await archivedFor("draft");
    await actAs("anonymous");
    expect((await call(snapshotRoute, snapshot.id)).status).toBe(404);
    expect((await call(snapshotTextRoute, snapshot.id)).status).toBe(404);
    await actAs("deactivated");
    expect((await call(snapshotRoute, snapshot.id)).status).toBe(404);
    await actAs("editor");
    const response = await call(snapshotRoute, snapshot.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("content-security-policy")).toMatch(/^sandbox;/);
  });

  it("answers 404 for an id that is not a snapshot", async () => {
    await actAs("editor");
    expect((await call(snapshotRoute, "not-a-uuid")).status).toBe(404);
    expect((await call(snapshotRoute, "0195f2c4-0000-7000-8000-000000000000")).status).toBe(404);
  });
});

// S3 storage is not tested: there is no S3-compatible server (MinIO) on this machine, and a fake
// would prove nothing about the real client. docs/archive.md says so.
