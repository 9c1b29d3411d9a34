// Event dates stated in a claim's words ("on Thursday", "Nov. 7", "in October"), resolved against
// the article's publication date. News is written about the past: a weekday is the latest one on
// or before the publication day, and a month and day without a year is the latest one not after it.
import { Temporal } from "temporal-polyfill";

export type StatedDate = {
  /** YYYY-MM-DD: the day, or the first day of the month or year the text gives. */
  date: string;
  precision: "day" | "month" | "year";
  /** Where the phrase is in the text it was read from. */
  start: number;
  end: number;
  /** Relative phrases ("on Thursday") mean nothing once stored: the statement drops them. */
  relative: boolean;
};

const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH = String.raw`(Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)`;

const PATTERNS: { pattern: RegExp; read: (match: RegExpExecArray, published: Temporal.PlainDate | null) => Omit<StatedDate, "start" | "end"> | null }[] = [
  {
    // "Nov. 7", "November 7, 2024"
    pattern: new RegExp(String.raw`\b(?:on\s+)?${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b`, "g"),
    read: (match, published) => monthDay(match[1]!, Number(match[2]), match[3], published),
  },
  {
    // "7 November", "7 Nov 2024"
    pattern: new RegExp(String.raw`\b(?:on\s+)?(\d{1,2})\s+${MONTH}(?:\s+(\d{4}))?\b`, "g"),
    read: (match, published) => monthDay(match[2]!, Number(match[1]), match[3], published),
  },
  {
    pattern: /\b(?:on\s+|last\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g,
    read: (match, published) => {
      if (!published) return null;
      const weekday = WEEKDAYS.indexOf(match[1]!.toLowerCase()) + 1;
      const back = (published.dayOfWeek - weekday + 7) % 7;
      return { date: published.subtract({ days: back }).toString(), precision: "day", relative: true };
    },
  },
  {
    pattern: /\b(yesterday|today|this morning|this afternoon|tonight|last night)\b/gi,
    read: (match, published) => {
      if (!published) return null;
      const earlier = /yesterday|last night/i.test(match[1]!);
      return { date: (earlier ? published.subtract({ days: 1 }) : published).toString(), precision: "day", relative: true };
    },
  },
  {
    // "in October", "in October 2024"
    pattern: new RegExp(String.raw`\bin\s+${MONTH}(?:\s+(\d{4}))?\b`, "g"),
    read: (match, published) => {
      const month = monthNumber(match[1]!);
      if (match[2]) return { date: `${match[2]}-${pad(month)}-01`, precision: "month", relative: false };
      if (!published) return null;
      const year = month > published.month ? published.year - 1 : published.year;
      return { date: `${year}-${pad(month)}-01`, precision: "month", relative: false };
    },
  },
  {
    pattern: /\blast month\b/gi,
    read: (_match, published) => {
      if (!published) return null;
      const month = published.subtract({ months: 1 });
      return { date: `${month.year}-${pad(month.month)}-01`, precision: "month", relative: true };
    },
  },
  {
    pattern: /\bin (\d{4})\b/g,
    read: (match) => ({ date: `${match[1]}-01-01`, precision: "year", relative: false }),
  },
];

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function monthDay(name: string, day: number, year: string | undefined, published: Temporal.PlainDate | null) {
  const month = monthNumber(name);
  try {
    if (year) return { date: Temporal.PlainDate.from({ year: Number(year), month, day }, { overflow: "reject" }).toString(), precision: "day" as const, relative: false };
    if (!published) return null;
    let date = Temporal.PlainDate.from({ year: published.year, month, day }, { overflow: "reject" });
    if (Temporal.PlainDate.compare(date, published) > 0) date = date.subtract({ years: 1 });
    return { date: date.toString(), precision: "day" as const, relative: false };
  } catch {
    return null; // "Feb. 30"
  }
}

/** The publication day an ISO instant falls on, in UTC (the instant's own offset is not kept). */
export function publicationDay(publishedAt: string | null): Temporal.PlainDate | null {
  if (!publishedAt) return null;
  try {
    return Temporal.Instant.from(publishedAt).toZonedDateTimeISO("UTC").toPlainDate();
  } catch {
    return null;
  }
}

/** The first date `text` states, resolved against the publication day; the most precise wins a tie. */
export function findStatedDate(text: string, published: Temporal.PlainDate | null): StatedDate | null {
  let best: StatedDate | null = null;
  for (const { pattern, read } of PATTERNS) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const found = read(match, published);
      if (!found) continue;
      if (!best || match.index < best.start) best = { ...found, start: match.index, end: match.index + match[0].length };
      break;
    }
  }
  return best;
}
