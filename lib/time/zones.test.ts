import { describe, expect, it } from "vitest";
import { describeTimeZone, formatOffset, isTimeZone, listTimeZones, offsetMinutes, TimeZoneSchema, timeZoneCity } from "@/lib/time/zones";

describe("isTimeZone", () => {
  it("accepts UTC, the runtime's zones, and the current names browsers report", () => {
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Europe/Moscow")).toBe(true);
    expect(isTimeZone("America/Argentina/Buenos_Aires")).toBe(true);
    expect(isTimeZone("Asia/Kolkata")).toBe(true);
    expect(isTimeZone("Asia/Kathmandu")).toBe(true);
    expect(isTimeZone("Europe/Kyiv")).toBe(true);
    expect(isTimeZone("Etc/GMT+5")).toBe(true);
    for (const zone of listTimeZones()) expect(isTimeZone(zone), zone).toBe(true);
  });

  it("refuses abbreviations, offsets, odd spellings and made-up places", () => {
    for (const value of ["", "EST", "utc", "europe/moscow", "+03:00", "UTC+3", "Mars/Olympus_Mons", "Europe/Moscow ", "Europe/../etc", "Europe/Moscow\u0000"]) {
      expect(isTimeZone(value), JSON.stringify(value)).toBe(false);
    }
  });

  it("is what the schema checks, with a message a person can act on", () => {
    expect(TimeZoneSchema.safeParse(" Asia/Kolkata ").data).toBe("Asia/Kolkata");
    expect(TimeZoneSchema.safeParse("EST").error?.issues[0]?.message).toBe("Choose a time zone from the list, such as Europe/London");
    expect(TimeZoneSchema.safeParse(undefined).success).toBe(false);
    expect(TimeZoneSchema.safeParse("Europe/Moscow\u0000").error?.issues[0]?.message).toBe("The time zone contains a character we cannot store");
  });
});

describe("offsets", () => {
  it("reads the zone's offset at an instant, in minutes east of UTC", () => {
    expect(offsetMinutes("UTC", new Date("2024-11-10T12:00:00Z"))).toBe(0);
    expect(offsetMinutes("Asia/Kathmandu", new Date("2024-11-10T12:00:00Z"))).toBe(345);
    expect(offsetMinutes("America/St_Johns", new Date("2024-11-10T12:00:00Z"))).toBe(-210);
    expect(offsetMinutes("America/New_York", new Date("2024-07-10T12:00:00Z"))).toBe(-240);
  });

  it("writes offsets the way people read them", () => {
    expect(formatOffset(0)).toBe("UTC");
    expect(formatOffset(180)).toBe("UTC+3");
    expect(formatOffset(-300)).toBe("UTC\u22125");
    expect(formatOffset(345)).toBe("UTC+5:45");
    expect(formatOffset(-210)).toBe("UTC\u22123:30");
  });

  it("names a zone with its offsets, both of them where the clocks change", () => {
    const now = new Date("2024-11-10T12:00:00Z");
    expect(describeTimeZone("UTC", now)).toBe("UTC");
    expect(describeTimeZone("Europe/Moscow", now)).toBe("Europe/Moscow, UTC+3");
    expect(describeTimeZone("Asia/Kolkata", now)).toBe("Asia/Kolkata, UTC+5:30");
    expect(describeTimeZone("America/New_York", now)).toBe("America/New_York, UTC\u22125, UTC\u22124 in summer time");
    expect(describeTimeZone("Australia/Sydney", now)).toBe("Australia/Sydney, UTC+10, UTC+11 in summer time");
  });

  it("names the place a zone keeps the time of", () => {
    expect(timeZoneCity("America/New_York")).toBe("New York time");
    expect(timeZoneCity("America/Argentina/Buenos_Aires")).toBe("Buenos Aires time");
    expect(timeZoneCity("UTC")).toBe("UTC");
    expect(timeZoneCity("Etc/GMT+5")).toBe("Etc/GMT+5");
  });
});
