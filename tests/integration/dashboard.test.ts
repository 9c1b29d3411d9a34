// The desk home's numbers against a real Postgres, on a small newsroom whose every number is known
// by hand: open claims by status (drafts apart), the review queue's size and age, the time to a
// first verdict, verdicts per week (empty weeks included, Monday 00:00 UTC boundaries), and the
// outlets and speakers that appear most (removed evidence left out, merged duplicates counted for
// the entity that replaced them). "Now" is pinned, so the windows never move under the test.
import { beforeEach, describe, expect, it } from "vitest";
import { getDashboard } from "@/lib/dashboard/queries";
import { db } from "@/lib/db";
import { mergeEntities } from "@/lib/entities/mutations";
import { ForbiddenError } from "@/lib/errors";
import { createClaim, createEvidence, createUser, recordMove } from "@/tests/factories";

const NOW = new Date("2026-11-25T12:00:00Z"); // a Wednesday
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(NOW.getTime() - ms);

let editor: { id: string; role: "editor" };
let checkerId: string;

beforeEach(async () => {
  editor = { id: (await createUser(db(), "editor")).id, role: "editor" };
  checkerId = (await createUser(db(), "fact_checker")).id;
});

const claim = (createdAt: Date, publication: "draft" | "published" = "published") =>
  createClaim(db(), { createdById: editor.id, createdAt, publication }).then((row) => row.id);

/**
 * A: published, unverified, logged 2 days ago.           → open, queue (2 days)
 * B: draft, unverified, logged 10 hours ago.             → open, queue (10 h)
 * C: published, disputed after 1 day, 5 days ago; new evidence since → open, queue (5 days, since its move)
 * D: draft, corroborated after 3 days, 20 days ago.      → open
 * E: published, confirmed after 4 h, on Sunday 22 Nov 23:59 → settled
 * F: published, false 150 days ago (first verdict out of the window), disputed on Monday 23 Nov 00:00 → open
 * G: published, retracted after 2 days, 200 days ago     → settled
 */
async function newsroom() {
  const a = await claim(ago(2 * DAY));
  const b = await claim(ago(10 * HOUR), "draft");
  const c = await claim(ago(6 * DAY));
  await recordMove(db(), { claimId: c, actorId: checkerId, toStatus: "disputed", at: ago(5 * DAY) });
  await createEvidence(db(), { claimId: c, createdById: editor.id, stance: "context", createdAt: ago(1 * DAY) });
  const d = await claim(ago(23 * DAY), "draft");
  await recordMove(db(), { claimId: d, actorId: checkerId, toStatus: "corroborated", at: ago(20 * DAY) });
  const e = await claim(new Date("2026-11-22T19:59:00Z"));
  await recordMove(db(), { claimId: e, actorId: checkerId, toStatus: "confirmed", at: new Date("2026-11-22T23:59:00Z") });
  const f = await claim(ago(200 * DAY));
  await recordMove(db(), { claimId: f, actorId: checkerId, toStatus: "false", at: ago(150 * DAY) });
  await recordMove(db(), { claimId: f, actorId: checkerId, toStatus: "disputed", at: new Date("2026-11-23T00:00:00Z") });
  const g = await claim(ago(202 * DAY));
  await recordMove(db(), { claimId: g, actorId: checkerId, toStatus: "retracted", at: ago(200 * DAY) });
  return { a, b, c, d, e, f, g };
}

describe("the dashboard of an empty newsroom", () => {
  it("has zeros, no medians, twelve empty weeks and no outlets or speakers", async () => {
    const dashboard = await getDashboard(editor, NOW);
    expect(dashboard.openClaims).toEqual([
      { status: "unverified", published: 0, draft: 0 },
      { status: "corroborated", published: 0, draft: 0 },
      { status: "disputed", published: 0, draft: 0 },
    ]);
    expect(dashboard.queue).toEqual({ count: 0, oldestSince: null, medianSeconds: null, byRank: { 0: 0, 1: 0, 2: 0 } });
    expect(dashboard.queueAge.map((bucket) => bucket.count)).toEqual([0, 0, 0, 0, 0]);
    expect(dashboard.firstVerdict).toEqual({ count: 0, medianSeconds: null });
    expect(dashboard.verdictsPerWeek).toHaveLength(12);
    expect(dashboard.verdictsPerWeek.every((week) => week.count === 0)).toBe(true);
    expect(dashboard.topOutlets).toEqual([]);
    expect(dashboard.topSpeakers).toEqual([]);
  });
});

describe("the dashboard's numbers", () => {
  it("counts open claims by status, drafts apart from published, and leaves settled ones out", async () => {
    await newsroom();
    expect((await getDashboard(editor, NOW)).openClaims).toEqual([
      { status: "unverified", published: 1, draft: 1 },
      { status: "corroborated", published: 0, draft: 1 },
      { status: "disputed", published: 2, draft: 0 },
    ]);
  });

  it("measures the review queue: its size by reason, the oldest and the median wait, and the wait by bucket", async () => {
    const { c } = await newsroom();
    const { queue, queueAge } = await getDashboard(editor, NOW);
    expect(queue.count).toBe(3);
    expect(queue.byRank).toEqual({ 0: 0, 1: 1, 2: 2 });
    // C has waited since its move five days ago: the new evidence is what put it back in the queue.
    expect(queue.oldestSince).toEqual(ago(5 * DAY));
    expect((await db().claim.findUniqueOrThrow({ where: { id: c }, select: { reviewRank: true } })).reviewRank).toBe(1);
    expect(queue.medianSeconds).toBe(2 * 86_400); // 10 h, 2 days, 5 days
    expect(queueAge).toEqual([
      { label: "Under a day", count: 1 },
      { label: "1–3 days", count: 1 },
      { label: "3–7 days", count: 1 },
      { label: "1–4 weeks", count: 0 },
      { label: "Over 4 weeks", count: 0 },
    ]);
  });

  it("takes the median time from logging to a first verdict given in the last 90 days", async () => {
    await newsroom();
    // C (1 day), D (3 days), E (4 h); F's and G's first verdicts are older than 90 days.
    expect((await getDashboard(editor, NOW)).firstVerdict).toEqual({ count: 3, medianSeconds: 86_400 });
  });

  it("counts verdicts per week for twelve weeks, Monday to Monday in UTC, with empty weeks as zero", async () => {
    await newsroom();
    const weeks = (await getDashboard(editor, NOW)).verdictsPerWeek;
    expect(weeks).toHaveLength(12);
    expect(weeks[0]?.week).toEqual(new Date("2026-09-07T00:00:00Z"));
    expect(weeks.at(-1)?.week).toEqual(new Date("2026-11-23T00:00:00Z"));
    const counts = Object.fromEntries(weeks.filter((week) => week.count > 0).map((week) => [week.week.toISOString().slice(0, 10), week.count]));
    // D on 5 Nov; C on 20 Nov and E on Sunday 22 Nov 23:59; F's second move at Monday 23 Nov 00:00.
    // Logging a claim is not a verdict, and F's first move (150 days ago) is before the twelve weeks.
    expect(counts).toEqual({ "2026-11-02": 1, "2026-11-16": 2, "2026-11-23": 1 });
    expect(weeks.reduce((sum, week) => sum + week.count, 0)).toBe(4);
  });

  it("does not count a verdict after `now`", async () => {
    const { a } = await newsroom();
    await recordMove(db(), { claimId: a, actorId: checkerId, toStatus: "corroborated", at: new Date(NOW.getTime() + HOUR) });
    const dashboard = await getDashboard(editor, NOW);
    expect(dashboard.verdictsPerWeek.at(-1)?.count).toBe(1);
    expect(dashboard.firstVerdict.count).toBe(3);
  });
});

describe("the outlets and speakers that appear most", () => {
  it("counts live evidence of the last 90 days, and a merged duplicate's evidence for the entity that replaced it", async () => {
    const claimId = await claim(ago(30 * DAY));
    const other = await claim(ago(30 * DAY), "draft");
    const outlet = (name: string, domain: string) => db().entity.create({ data: { kind: "organisation", name, domain }, select: { id: true } }).then((row) => row.id);
    const person = (name: string) => db().entity.create({ data: { kind: "person", name }, select: { id: true } }).then((row) => row.id);
    const reuters = await outlet("Reuters", "reuters.com");
    const reutersDuplicate = await outlet("Reuters News", "reuters.example");
    const post = await outlet("The Washington Post", "washingtonpost.com");
    const cbc = await outlet("CBC News", "cbc.ca");
    const peskov = await person("Dmitry Peskov");
    const peskovDuplicate = await person("Dmitri Peskov");
    const cheung = await person("Steven Cheung");
    const link = (options: { outletId?: string; speakerId?: string; createdAt?: Date; removedAt?: Date; on?: string }) =>
      createEvidence(db(), { claimId: options.on ?? claimId, createdById: editor.id, createdAt: options.createdAt ?? ago(2 * DAY), ...options });

    await link({ outletId: reuters });
    await link({ outletId: reuters, on: other }); // a draft's evidence counts too
    await link({ outletId: reutersDuplicate, speakerId: peskovDuplicate });
    await link({ outletId: reuters, removedAt: ago(DAY) }); // removed: not counted
    await link({ outletId: reuters, createdAt: ago(91 * DAY) }); // older than the window
    await link({ outletId: post, speakerId: peskov });
    await link({ outletId: post });
    await link({ outletId: cbc, speakerId: cheung });
    await link({ outletId: cbc });
    await link({ speakerId: peskov, removedAt: ago(DAY) }); // removed
    await link({}); // no outlet, no named speaker

    // Merging re-points the duplicate's evidence; a row that still names the duplicate (history
    // imported from elsewhere, say) is resolved by the query itself.
    await mergeEntities(editor, { sourceId: reutersDuplicate, targetId: reuters });
    await mergeEntities(editor, { sourceId: peskovDuplicate, targetId: peskov });
    await db().evidence.create({
      data: { claimId, url: "https://reuters.example/old", headline: "Old wire", sourcing: "anonymous", stance: "reports", createdById: editor.id, outletId: reutersDuplicate, createdAt: ago(DAY) },
    });

    const { topOutlets, topSpeakers } = await getDashboard(editor, NOW);
    expect(topOutlets).toEqual([
      { id: reuters, name: "Reuters", count: 4 },
      { id: cbc, name: "CBC News", count: 2 },
      { id: post, name: "The Washington Post", count: 2 },
    ]);
    expect(topSpeakers).toEqual([
      { id: peskov, name: "Dmitry Peskov", count: 2 },
      { id: cheung, name: "Steven Cheung", count: 1 },
    ]);
  });

  it("lists at most eight of each", async () => {
    const claimId = await claim(ago(DAY));
    for (let index = 0; index < 10; index += 1) {
      const outletId = (await db().entity.create({ data: { kind: "organisation", name: `Outlet ${index}`, domain: `o${index}.example` }, select: { id: true } })).id;
      for (let count = 0; count <= index; count += 1) await createEvidence(db(), { claimId, createdById: editor.id, outletId, createdAt: ago(HOUR) });
    }
    const { topOutlets } = await getDashboard(editor, NOW);
    expect(topOutlets.map((row) => [row.name, row.count])).toEqual([9, 8, 7, 6, 5, 4, 3, 2].map((index) => [`Outlet ${index}`, index + 1]));
  });
});

describe("who may read it", () => {
  it("every desk role; nobody signed out", async () => {
    for (const role of ["editor", "fact_checker", "admin"] as const) await expect(getDashboard({ role }, NOW)).resolves.toBeDefined();
    await expect(getDashboard(null, NOW)).rejects.toThrow(ForbiddenError);
  });
});
