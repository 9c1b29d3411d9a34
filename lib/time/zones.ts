// Time zones as the desk and the reader pages name them (isomorphic: Intl only, no library, so
// that a client component may use it without shipping tz code). The conversion of a wall-clock
// time to an instant lives in lib/time/wall-clock.ts.
import { storableText } from "@/lib/text";

/** The zone of every stored instant, and the newsroom's zone when nothing else is configured. */
export const UTC = "UTC";

// An IANA name ("Europe/Moscow", "America/Argentina/Buenos_Aires", "Etc/GMT+5") in its usual
// spelling. Abbreviations ("EST") and offsets ("+03:00") are not zones a person should pick.
const IANA_SHAPE = /^[A-Z][A-Za-z]*(?:\/[A-Za-z0-9][A-Za-z0-9_+-]*)+$/;

let supported: ReadonlySet<string> | undefined;

/** Every zone this runtime knows under its own canonical name, UTC first. */
export function listTimeZones(): string[] {
  return [UTC, ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== UTC)];
}

/**
 * Whether `value` names a time zone. The runtime's list (`Intl.supportedValuesOf`) holds one
 * name per zone, and Node 20's ICU still lists some under their old names ("Asia/Calcutta",
 * "Europe/Kiev") while browsers report the current ones ("Asia/Kolkata", "Europe/Kyiv"): an
 * IANA-shaped name that Intl accepts is a zone too, so a browser's own zone is never refused.
 */
export function isTimeZone(value: string): boolean {
  if (value === UTC) return true;
  supported ??= new Set(Intl.supportedValuesOf("timeZone"));
  if (supported.has(value)) return true;
  if (value.length > 64 || !IANA_SHAPE.test(value)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const TimeZoneSchema = storableText("The time zone")
  .trim()
  .refine(isTimeZone, { error: "Choose a time zone from the list, such as Europe/London" });

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at `at`, in minutes (east positive): Asia/Kathmandu gives 345. */
export function offsetMinutes(zone: string, at: Date): number {
  let format = offsetFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" });
    offsetFormats.set(zone, format);
  }
  const name = format.formatToParts(at).find((part) => part.type === "timeZoneName")?.value ?? "GMT";
  // "GMT", "GMT+05:45", "GMT-03:30"; old local mean times may carry seconds ("GMT+02:30:17").
  const match = /^GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === "-" ? -minutes : minutes;
}

/** "UTC", "UTC+3", "UTC−5", "UTC+5:45" (with a true minus sign). */
export function formatOffset(minutes: number): string {
  if (minutes === 0) return "UTC";
  const sign = minutes < 0 ? "\u2212" : "+";
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  return `UTC${sign}${hours}${rest ? `:${String(rest).padStart(2, "0")}` : ""}`;
}

/**
 * How a form names the zone a time is entered in: "Europe/Moscow, UTC+3", or for a zone that
 * changes its clocks "America/New_York, UTC−5, UTC−4 in summer time". The offsets are those of
 * the year of `now`; the conversion itself applies the offset of the date entered.
 */
export function describeTimeZone(zone: string, now: Date): string {
  if (zone === UTC) return UTC;
  const year = now.getUTCFullYear();
  const january = offsetMinutes(zone, new Date(Date.UTC(year, 0, 1)));
  const july = offsetMinutes(zone, new Date(Date.UTC(year, 6, 1)));
  if (january === july) return `${zone}, ${formatOffset(january)}`;
  const [standard, summer] = january < july ? [january, july] : [july, january];
  return `${zone}, ${formatOffset(standard)}, ${formatOffset(summer)} in summer time`;
}

/** "New York time", "Kolkata time"; "UTC" for UTC and the fixed Etc/ zones keep their name. */
export function timeZoneCity(zone: string): string {
  if (zone === UTC || zone.startsWith("Etc/")) return zone;
  const city = zone.slice(zone.lastIndexOf("/") + 1).replaceAll("_", " ");
  return `${city} time`;
}
