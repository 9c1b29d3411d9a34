import { fc, test as propertyTest } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { instantToWallClock, wallClockToInstant } from "@/lib/time/wall-clock";
import { listTimeZones, offsetMinutes } from "@/lib/time/zones";
import { fuzzParameters } from "@/tests/fuzz/arbitraries";

const instant = (wallClock: string, zone: string) => {
  const result = wallClockToInstant(wallClock, zone);
  if (!result.ok) throw new Error(`${wallClock} in ${zone}: ${result.reason}`);
  return result.instant.toISOString();
};

describe("wallClockToInstant", () => {
  it("keeps UTC as it is", () => {
    expect(instant("2024-11-10T09:00", "UTC")).toBe("2024-11-10T09:00:00.000Z");
    expect(instant("0001-01-01T00:00", "UTC")).toBe("0001-01-01T00:00:00.000Z");
  });

  it("applies the offset of the date entered, not of today", () => {
    expect(instant("2024-11-10T09:00", "America/New_York")).toBe("2024-11-10T14:00:00.000Z");
    expect(instant("2024-07-10T09:00", "America/New_York")).toBe("2024-07-10T13:00:00.000Z");
    expect(instant("2024-11-10T09:00", "Europe/Moscow")).toBe("2024-11-10T06:00:00.000Z");
  });

  it("handles half- and three-quarter-hour offsets", () => {
    expect(instant("2024-11-10T09:00", "Asia/Kolkata")).toBe("2024-11-10T03:30:00.000Z");
    expect(instant("2024-11-10T09:00", "Asia/Kathmandu")).toBe("2024-11-10T03:15:00.000Z");
    // Chatham is UTC+12:45, and +13:45 in its (southern) summer.
    expect(instant("2024-07-10T09:00", "Pacific/Chatham")).toBe("2024-07-09T20:15:00.000Z");
    expect(instant("2024-11-10T09:00", "Pacific/Chatham")).toBe("2024-11-09T19:15:00.000Z");
  });

  it("puts the same wall clock a day and an hour apart on either side of the date line", () => {
    const kiritimati = instant("2024-11-10T09:00", "Pacific/Kiritimati"); // UTC+14
    const pagoPago = instant("2024-11-10T09:00", "Pacific/Pago_Pago"); // UTC−11
    expect(kiritimati).toBe("2024-11-09T19:00:00.000Z");
    expect(pagoPago).toBe("2024-11-10T20:00:00.000Z");
  });

  it("refuses a time that the clocks skip when they spring forward", () => {
    expect(wallClockToInstant("2024-03-10T02:30", "America/New_York")).toEqual({ ok: false, reason: "nonexistent" });
    expect(wallClockToInstant("2024-03-31T01:30", "Europe/London")).toEqual({ ok: false, reason: "nonexistent" });
    // Lord Howe Island moves its clocks by half an hour.
    expect(wallClockToInstant("2024-10-06T02:15", "Australia/Lord_Howe")).toEqual({ ok: false, reason: "nonexistent" });
    // Samoa skipped 30 December 2011 entirely when it moved across the date line.
    expect(wallClockToInstant("2011-12-30T12:00", "Pacific/Apia")).toEqual({ ok: false, reason: "nonexistent" });
    // The minutes on either side of a gap exist.
    expect(instant("2024-03-10T01:59", "America/New_York")).toBe("2024-03-10T06:59:00.000Z");
    expect(instant("2024-03-10T03:00", "America/New_York")).toBe("2024-03-10T07:00:00.000Z");
    expect(instant("2011-12-31T00:00", "Pacific/Apia")).toBe("2011-12-30T10:00:00.000Z");
  });

  it("takes the earlier instant for a time that happens twice when the clocks fall back", () => {
    // 01:30 in New York on 3 Nov 2024 happened at 05:30Z (EDT) and again at 06:30Z (EST).
    expect(instant("2024-11-03T01:30", "America/New_York")).toBe("2024-11-03T05:30:00.000Z");
    expect(instant("2024-10-27T01:30", "Europe/London")).toBe("2024-10-27T00:30:00.000Z");
    expect(instant("2024-04-07T01:45", "Australia/Lord_Howe")).toBe("2024-04-06T14:45:00.000Z");
  });

  it("refuses what is not a wall-clock time of a datetime-local input", () => {
    expect(instant("2024-11-10T09:00:30.250", "America/New_York")).toBe("2024-11-10T14:00:30.250Z");
    for (const value of ["", "2024-11-10", "2024-11-10T09:00Z", "2024-11-10T09:00+03:00", "2024-11-10T24:00", "2023-02-29T10:00", "2024-13-01T10:00", "+002024-11-10T09:00"]) {
      expect(wallClockToInstant(value, "UTC"), value).toEqual({ ok: false, reason: "invalid" });
    }
  });
});

describe("instantToWallClock", () => {
  it("shows a stored instant on the clock of the zone", () => {
    const stored = new Date("2024-11-10T14:00:00Z");
    expect(instantToWallClock(stored, "UTC")).toBe("2024-11-10T14:00");
    expect(instantToWallClock(stored, "America/New_York")).toBe("2024-11-10T09:00");
    expect(instantToWallClock(stored, "Asia/Kathmandu")).toBe("2024-11-10T19:45");
    expect(instantToWallClock(stored, "Pacific/Kiritimati")).toBe("2024-11-11T04:00");
  });

  it("tells the two 01:30s of a fall-back night apart only by instant", () => {
    expect(instantToWallClock(new Date("2024-11-03T05:30:00Z"), "America/New_York")).toBe("2024-11-03T01:30");
    expect(instantToWallClock(new Date("2024-11-03T06:30:00Z"), "America/New_York")).toBe("2024-11-03T01:30");
  });
});

describe("round trips in every zone the runtime knows", () => {
  const zones = listTimeZones();
  const minutes = fc.integer({ min: Date.UTC(1900, 0, 1) / 60_000, max: Date.UTC(2100, 0, 1) / 60_000 }).map((minute) => new Date(minute * 60_000));

  // Every instant has a wall clock, and that wall clock leads back to it, or to the earlier
  // instant of the same wall clock when the clocks fell back.
  propertyTest.prop([fc.constantFrom(...zones), minutes], fuzzParameters(500))("instant → wall clock → instant", (zone, at) => {
    const wallClock = instantToWallClock(at, zone);
    const back = wallClockToInstant(wallClock, zone);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.instant.getTime()).toBeLessThanOrEqual(at.getTime());
    expect(instantToWallClock(back.instant, zone)).toBe(wallClock);
    // The wall clock is the instant moved by the zone's offset then, as Intl reports it.
    const offset = offsetMinutes(zone, at);
    if (Number.isInteger(offset) && at.getUTCFullYear() > 1970) {
      expect(new Date(at.getTime() + offset * 60_000).toISOString().slice(0, 16)).toBe(wallClock);
    }
  });
});
