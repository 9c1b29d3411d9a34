import { describe, expect, it } from "vitest";
import { formatDateTime } from "@/components/ui/date-time";
import { formatEventDate } from "@/lib/claims/format";

const report = new Date("2024-11-10T14:00:00Z");

describe("formatDateTime", () => {
  it("shows an instant in the zone it is given, naming the zone with the time", () => {
    expect(formatDateTime(report, "UTC", true)).toBe("10 Nov 2024, 14:00 UTC");
    expect(formatDateTime(report, "America/New_York", true)).toBe("10 Nov 2024, 09:00 (New York time, UTC\u22125)");
    expect(formatDateTime(new Date("2024-07-10T13:00:00Z"), "America/New_York", true)).toBe("10 Jul 2024, 09:00 (New York time, UTC\u22124)");
    expect(formatDateTime(report, "Asia/Kathmandu", true)).toBe("10 Nov 2024, 19:45 (Kathmandu time, UTC+5:45)");
  });

  it("gives the date of the instant in that zone, which can be another day", () => {
    expect(formatDateTime(report, "UTC")).toBe("10 Nov 2024");
    expect(formatDateTime(report, "Pacific/Kiritimati")).toBe("11 Nov 2024");
    expect(formatDateTime(new Date("2024-11-10T02:00:00Z"), "America/New_York")).toBe("9 Nov 2024");
  });
});

describe("event dates are calendar dates, kept out of zone conversion", () => {
  // Stored as db.Date, read back as midnight UTC.
  const eventDate = new Date("2024-11-10T00:00:00Z");

  it("read the same day whatever the zone of the page", () => {
    expect(formatEventDate(eventDate, "day")).toBe("10 Nov 2024");
    expect(formatEventDate(eventDate, "month")).toBe("November 2024");
    expect(formatEventDate(new Date("2024-01-01T00:00:00Z"), "year")).toBe("2024");
    // What happens if one goes through the instant formatter west of UTC: the reason they must not.
    expect(formatDateTime(eventDate, "America/New_York")).toBe("9 Nov 2024");
  });
});
