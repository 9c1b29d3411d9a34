// Wall-clock times ("2024-11-10T09:00" as an editor reads it off a clock in their zone) to the
// instants the database keeps, and back. The rules, per docs/decisions/0007-time-zones.md:
// - a time that a zone skips (clocks spring forward: 02:30 on 10 Mar 2024 in New York) does not
//   exist and is refused, so nobody stores an hour they did not mean;
// - a time that happens twice (clocks fall back: 01:30 on 3 Nov 2024 in New York) is the earlier
//   of the two, as Temporal's default disambiguation also decides;
// - UTC never shifts.
// Temporal (through temporal-polyfill; Node 20 has no native Temporal) does the zone arithmetic
// by the specification rather than by hand. It is kept to the server: forms send the wall-clock
// text and the zone, and the mutation converts.
import { Temporal } from "temporal-polyfill";

/** A datetime-local input's value: minutes, and seconds when its `step` asks for them. */
const WALL_CLOCK = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?$/;

export type WallClockResult = { ok: true; instant: Date } | { ok: false; reason: "invalid" | "nonexistent" };

export function wallClockToInstant(wallClock: string, zone: string): WallClockResult {
  if (!WALL_CLOCK.test(wallClock)) return { ok: false, reason: "invalid" };
  let local: Temporal.PlainDateTime;
  try {
    // `reject` refuses 24:00, 30 February and their kind instead of rolling them over.
    local = Temporal.PlainDateTime.from(wallClock, { overflow: "reject" });
  } catch {
    return { ok: false, reason: "invalid" };
  }
  const earlier = local.toZonedDateTime(zone, { disambiguation: "earlier" });
  // In a gap, "earlier" answers the instant just before it, whose wall clock is not the one asked.
  if (!earlier.toPlainDateTime().equals(local)) return { ok: false, reason: "nonexistent" };
  return { ok: true, instant: new Date(earlier.epochMilliseconds) };
}

/** What a datetime-local input shows for `instant` in `zone`: "YYYY-MM-DDTHH:MM". */
export function instantToWallClock(instant: Date, zone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime())
    .toZonedDateTimeISO(zone)
    .toPlainDateTime()
    .toString({ smallestUnit: "minute" });
}
