// What the dashboard counts and how it words each number. Pure: shared by the queries (windows,
// buckets), the desk home and the tests.
import type { VerificationStatus } from "@/lib/generated/prisma/enums";

/** A claim is open until a fact-checker settles it as confirmed, false or retracted. */
export const OPEN_STATUSES = ["unverified", "corroborated", "disputed"] as const satisfies readonly VerificationStatus[];

/** The window of "lately" for the time to a first verdict and the outlets and speakers that appear most. */
export const RECENT_DAYS = 90;

/** Weeks of verdicts shown, this one included. */
export const VERDICT_WEEKS = 12;

/** How long a claim has waited in the review queue; `maxDays: null` is everything older. */
export const QUEUE_AGE_BUCKETS = [
  { label: "Under a day", maxDays: 1 },
  { label: "1–3 days", maxDays: 3 },
  { label: "3–7 days", maxDays: 7 },
  { label: "1–4 weeks", maxDays: 28 },
  { label: "Over 4 weeks", maxDays: null },
] as const satisfies readonly { label: string; maxDays: number | null }[];

/** Why a claim is in the review queue (schema.prisma, Claim.reviewRank), after its count: "3 with new evidence". */
export type QueueRank = 0 | 1 | 2;
export const QUEUE_RANK_LABEL: Record<QueueRank, string> = {
  0: "with a suggested move",
  1: "with new evidence",
  2: "unverified with nothing new",
};

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A duration as a person would say it on a desk: "40 min", "5 h 20 min", "3 days 4 h", "12 days". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, seconds);
  const days = (n: number) => (n === 1 ? "1 day" : `${n} days`);
  if (s < HOUR - 30) return `${Math.max(1, Math.round(s / MINUTE))} min`;
  if (s < DAY - 30) {
    const minutes = Math.round(s / MINUTE);
    const rest = minutes % 60;
    return rest === 0 ? `${Math.floor(minutes / 60)} h` : `${Math.floor(minutes / 60)} h ${rest} min`;
  }
  if (s < 10 * DAY - HOUR / 2) {
    const hours = Math.round(s / HOUR);
    const rest = hours % 24;
    return rest === 0 ? days(Math.floor(hours / 24)) : `${days(Math.floor(hours / 24))} ${rest} h`;
  }
  return days(Math.round(s / DAY));
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString("en-GB")} ${count === 1 ? one : many}`;
}

/** "Mon 3 Nov": the start of a verdict week, in UTC as the query counts it. */
export function formatWeek(week: Date): string {
  return week.toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });
}
