// Times entered in a person's own zone are stored as UTC instants; each person sets only their
// own zone; calendar dates (a claim's event date) never move with any zone.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { setTimeZoneAction } from "@/lib/accounts/actions";
import { getViewer } from "@/lib/auth/session";
import { createClaimAction } from "@/lib/claims/actions";
import { formatEventDate } from "@/lib/claims/format";
import { db } from "@/lib/db";
import { linkEvidenceAction, updateEvidenceAction } from "@/lib/evidence/actions";
import { createClaim, createEvidence, createUser } from "@/tests/factories";
import { actAs, type Persona } from "@/tests/factories/sessions";
import { submit } from "@/tests/setup/next-request";
import { snapshotTables } from "@/tests/setup/table-snapshot";

vi.mock("next/headers", async () => (await import("@/tests/setup/next-request")).nextHeadersMock);
vi.mock("next/headers.js", async () => (await import("@/tests/setup/next-request")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("@/tests/setup/next-request")).nextCacheMock);

let claimId: string;
let outletId: string;

beforeEach(async () => {
  const author = await createUser(db(), "editor");
  claimId = (await createClaim(db(), { createdById: author.id, publication: "draft", statement: "The bridge will close in March." })).id;
  outletId = (await db().entity.create({ data: { kind: "organisation", name: "Wire", domain: "wire.example" }, select: { id: true } })).id;
});

const evidence = (publishedAt: string, publishedAtZone?: string) => ({
  claimId,
  url: `https://wire.example/${encodeURIComponent(publishedAt)}`,
  headline: "The bridge closes",
  stance: "reports",
  sourcing: "anonymous",
  outletId,
  publishedAt,
  ...(publishedAtZone === undefined ? {} : { publishedAtZone }),
});

async function storedPublishedAt(): Promise<string[]> {
  const rows = await db().evidence.findMany({ where: { claimId }, select: { publishedAt: true }, orderBy: { createdAt: "asc" } });
  return rows.map((row) => row.publishedAt?.toISOString() ?? "none");
}

describe("a publication time entered in the editor's zone", () => {
  it.each([
    ["America/New_York", "2024-11-10T09:00", "2024-11-10T14:00:00.000Z"],
    ["America/New_York", "2024-07-10T09:00", "2024-07-10T13:00:00.000Z"],
    ["Europe/Moscow", "2024-11-10T17:00", "2024-11-10T14:00:00.000Z"],
    ["Asia/Kolkata", "2024-11-10T19:30", "2024-11-10T14:00:00.000Z"],
    ["Asia/Kathmandu", "2024-11-10T19:45", "2024-11-10T14:00:00.000Z"],
    ["Pacific/Kiritimati", "2024-11-11T04:00", "2024-11-10T14:00:00.000Z"],
    ["Pacific/Pago_Pago", "2024-11-10T03:00", "2024-11-10T14:00:00.000Z"],
    ["UTC", "2024-11-10T14:00", "2024-11-10T14:00:00.000Z"],
    // A clock that fell back shows 01:30 twice: the earlier one (still daylight time) is taken.
    ["America/New_York", "2024-11-03T01:30", "2024-11-03T05:30:00.000Z"],
  ])("in %s, %s is stored as %s", async (zone, wallClock, instant) => {
    await actAs("editor");
    const { redirectedTo, state } = await submit(linkEvidenceAction, evidence(wallClock, zone));
    expect(redirectedTo, JSON.stringify(state)).toMatch(/evidence=linked/);
    expect(await storedPublishedAt()).toEqual([instant]);
  });

  it("is UTC when no zone comes with it (scripts, older forms)", async () => {
    await actAs("editor");
    await submit(linkEvidenceAction, evidence("2024-11-10T14:00"));
    expect(await storedPublishedAt()).toEqual(["2024-11-10T14:00:00.000Z"]);
  });

  it("refuses a time the clocks skipped, on the field, keeping the input and writing nothing", async () => {
    await actAs("editor");
    const before = await snapshotTables();
    const { state } = await submit(linkEvidenceAction, evidence("2024-03-10T02:30", "America/New_York"));
    expect(state?.status).toBe("error");
    expect(state?.fieldErrors?.publishedAt).toEqual([
      "2024-03-10 02:30 did not happen in America/New_York: the clocks went forward past it. Enter the time they showed after the change.",
    ]);
    expect(state?.values).toMatchObject({ publishedAt: "2024-03-10T02:30", publishedAtZone: "America/New_York", headline: "The bridge closes", outletId });
    expect(await snapshotTables()).toEqual(before);
  });

  it("refuses a zone that is not one, and a time that would leave the years 1 to 9999", async () => {
    await actAs("editor");
    const before = await snapshotTables();
    expect((await submit(linkEvidenceAction, evidence("2024-11-10T09:00", "EST"))).state?.fieldErrors?.publishedAtZone).toEqual([
      "Choose a time zone from the list, such as Europe/London",
    ]);
    expect((await submit(linkEvidenceAction, evidence("0001-01-01T00:00", "Asia/Tokyo"))).state?.fieldErrors?.publishedAt).toEqual(["Enter a year from 1 to 9999"]);
    expect((await submit(linkEvidenceAction, evidence("9999-12-31T23:00", "America/New_York"))).state?.fieldErrors?.publishedAt).toEqual(["Enter a year from 1 to 9999"]);
    expect(await snapshotTables()).toEqual(before);
  });

  it("is converted on edit too, and the edit history records the instant", async () => {
    const editor = await actAs("editor");
    const { id } = await createEvidence(db(), { claimId, createdById: editor.id! });
    const { redirectedTo, state } = await submit(updateEvidenceAction, { ...evidence("2024-11-10T19:45", "Asia/Kathmandu"), id, version: "1" });
    expect(redirectedTo, JSON.stringify(state)).toMatch(/evidence=saved/);
    expect(await storedPublishedAt()).toEqual(["2024-11-10T14:00:00.000Z"]);
    const edit = await db().auditEvent.findFirstOrThrow({ where: { evidenceId: id, action: "evidence_updated" }, select: { changes: true } });
    expect(edit.changes).toMatchObject({ publishedAt: { from: null, to: "2024-11-10T14:00:00.000Z" } });
  });
});

describe("setting one's own time zone", () => {
  const ALLOWED: Persona[] = ["editor", "fact_checker", "admin"];

  it.each(ALLOWED)("as %s: sets their own zone, and only theirs", async (persona) => {
    const other = await createUser(db(), "editor");
    const me = await actAs(persona);
    // A forged account field is no way to reach someone else: the action has none.
    const { state } = await submit(setTimeZoneAction, { timeZone: "Asia/Kathmandu", userId: other.id, id: other.id });
    expect(state?.status, JSON.stringify(state)).toBe("success");
    const zones = await db().user.findMany({ where: { timeZone: { not: null } }, select: { id: true, timeZone: true } });
    expect(zones).toEqual([{ id: me.id, timeZone: "Asia/Kathmandu" }]);
    expect(await getViewer()).toMatchObject({ id: me.id, timeZone: "Asia/Kathmandu", chosenTimeZone: "Asia/Kathmandu" });

    // Choosing the newsroom's zone clears it.
    await submit(setTimeZoneAction, { timeZone: "" });
    expect(await db().user.count({ where: { timeZone: { not: null } } })).toBe(0);
    expect(await getViewer()).toMatchObject({ timeZone: "UTC", chosenTimeZone: null });
  });

  it.each(["anonymous", "deactivated"] as const)("as %s: refused, nothing written", async (persona) => {
    await actAs(persona);
    const before = await snapshotTables();
    const { state } = await submit(setTimeZoneAction, { timeZone: "Asia/Kathmandu" });
    expect(state?.status).toBe("error");
    expect(state?.message).toMatch(/signed out/);
    expect(await snapshotTables()).toEqual(before);
  });

  it.each(["EST", "utc", "Mars/Olympus_Mons", "Europe/Moscow\u0000", "x".repeat(300)])("refuses %j with a field error, keeping it in the form", async (zone) => {
    await actAs("editor");
    const before = await snapshotTables();
    const { state } = await submit(setTimeZoneAction, { timeZone: zone });
    expect(state?.fieldErrors?.timeZone?.length).toBe(1);
    expect(state?.values).toMatchObject({ timeZone: zone });
    expect(await snapshotTables()).toEqual(before);
  });

  it("accepts the current names browsers report that Node lists under old ones", async () => {
    await actAs("editor");
    expect((await submit(setTimeZoneAction, { timeZone: "Asia/Kolkata" })).state?.status).toBe("success");
    expect(await getViewer()).toMatchObject({ timeZone: "Asia/Kolkata" });
  });
});

describe("the newsroom's zone", () => {
  const saved = process.env.NEWSROOM_TIME_ZONE;
  afterEach(() => {
    if (saved === undefined) delete process.env.NEWSROOM_TIME_ZONE;
    else process.env.NEWSROOM_TIME_ZONE = saved;
  });

  it("is what staff without a zone of their own get", async () => {
    process.env.NEWSROOM_TIME_ZONE = "Europe/Moscow";
    await actAs("editor");
    expect(await getViewer()).toMatchObject({ timeZone: "Europe/Moscow", chosenTimeZone: null });
  });
});

describe("a claim's event date is a calendar date, not an instant", () => {
  const savedTz = process.env.TZ;
  afterEach(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  it("stays the day entered whatever the editor's zone, the newsroom's and the server's", async () => {
    // The server's own zone as far from UTC as there is, and an editor across the date line.
    process.env.TZ = "Pacific/Kiritimati";
    await actAs("editor");
    await submit(setTimeZoneAction, { timeZone: "Pacific/Pago_Pago" });
    const { redirectedTo, state } = await submit(createClaimAction, {
      statement: "A ceasefire was agreed on the tenth.",
      eventDate: "2024-11-10",
      eventDatePrecision: "day",
      confirmNotDuplicate: "on",
    });
    expect(redirectedTo, JSON.stringify(state)).toMatch(/\/desk\/claims\//);
    const claim = await db().claim.findFirstOrThrow({ where: { statement: "A ceasefire was agreed on the tenth." }, select: { eventDate: true } });
    expect(claim.eventDate?.toISOString()).toBe("2024-11-10T00:00:00.000Z");
    const rows = await db().$queryRaw<{ day: string }[]>`SELECT "eventDate"::text AS day FROM claims WHERE statement = 'A ceasefire was agreed on the tenth.'`;
    expect(rows).toEqual([{ day: "2024-11-10" }]);
    expect(formatEventDate(claim.eventDate!, "day")).toBe("10 Nov 2024");
  });
});
