import { formatOffset, offsetMinutes, timeZoneCity, UTC } from "@/lib/time/zones";

// Instants are shown in a zone the page names: the newsroom's on reader pages, the editor's own
// on the desk (docs/decisions/0007-time-zones.md). The zone is explicit, never the server's or
// the browser's, so every server renders the same text and hydration never disagrees. Calendar
// dates that are not instants (a claim's event date) do not come here: see lib/claims/format.ts.
const formats = new Map<string, { date: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();

function formatsFor(timeZone: string) {
  let entry = formats.get(timeZone);
  if (!entry) {
    entry = {
      date: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone }),
      time: new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }),
    };
    formats.set(timeZone, entry);
  }
  return entry;
}

/** "10 Nov 2024", or with the time "10 Nov 2024, 09:00 (New York time, UTC−5)" / "…, 14:00 UTC". */
export function formatDateTime(value: Date, timeZone: string, withTime = false): string {
  const { date, time } = formatsFor(timeZone);
  if (!withTime) return date.format(value);
  const clock = `${date.format(value)}, ${time.format(value)}`;
  if (timeZone === UTC) return `${clock} UTC`;
  return `${clock} (${timeZoneCity(timeZone)}, ${formatOffset(offsetMinutes(timeZone, value))})`;
}

export function DateTime({ value, timeZone, withTime = false }: { value: Date; timeZone: string; withTime?: boolean }) {
  return <time dateTime={value.toISOString()}>{formatDateTime(value, timeZone, withTime)}</time>;
}
