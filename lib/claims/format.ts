// Pure formatting helpers for claims.
import type { DatePrecision } from "@/lib/generated/prisma/enums";

const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const MONTH = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

/** "6 Nov 2024", "around 7 Nov 2024", "November 2024" or "2024", as precisely as it is known. */
export function formatEventDate(date: Date, precision: DatePrecision): string {
  switch (precision) {
    case "day":
      return DAY.format(date);
    case "approximate":
      return `around ${DAY.format(date)}`;
    case "month":
      return MONTH.format(date);
    case "year":
      return String(date.getUTCFullYear());
  }
}

/**
 * What the history shows readers of the note written when a claim was logged: nothing when it
 * is the desk's placeholder ("Logged."), which only repeats the entry's own "Logged on …".
 */
export function loggingNote(rationale: string): string | null {
  const note = rationale.trim();
  return /^logged\.?$/i.test(note) || note === "" ? null : note;
}
