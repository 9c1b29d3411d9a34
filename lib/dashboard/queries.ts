import "server-only";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PublicationState, VerificationStatus } from "@/lib/generated/prisma/enums";
import { OPEN_STATUSES, QUEUE_AGE_BUCKETS, RECENT_DAYS, type QueueRank, VERDICT_WEEKS } from "@/lib/dashboard/format";

// The newsroom dashboard's numbers. Each is one SQL statement over an index (schema.prisma names
// them; scripts/bench-dashboard.ts EXPLAINs every one of them at 100,000 claims), so the desk home
// costs the same on a newsroom's first day and in its fifth year. The statements are exported on
// their own so that the benchmark runs exactly what the page runs.
//
// Dates: the columns are `timestamp(3)` holding UTC. `now` is passed in (tests pin it) as an
// ISO string and turned into a UTC timestamp in SQL, so neither the server's nor the session's
// time zone can shift a window. Weeks start on Monday, 00:00 UTC.

const TOP_LIMIT = 8;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A point in time as the UTC timestamp the columns hold. A subquery, so Postgres computes it once
 * (an InitPlan) instead of parsing the text again for every row a filter looks at: at 100,000
 * claims that per-row parsing was most of the review queue's time.
 */
function utc(date: Date): Prisma.Sql {
  return Prisma.sql`(SELECT ${date.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
}

/** `days` days before `now` (UTC has no daylight saving: a day is always 24 hours). */
function daysBefore(now: Date, days: number): Prisma.Sql {
  return utc(new Date(now.getTime() - days * DAY_MS));
}

/** Claims not yet settled (confirmed, false or retracted), by status and publication. */
export function openClaimsSql(): Prisma.Sql {
  return Prisma.sql`
    SELECT status, publication, count(*)::int AS count
      FROM claims
     WHERE status = ANY(${[...OPEN_STATUSES]}::"VerificationStatus"[])
     GROUP BY status, publication`;
}

/**
 * The review queue (claims with a review rank), in one pass over its index: how many, per rank,
 * the oldest and the median wait, and `b0`, `b1`… counting the claims that have waited less than
 * each bucket's `maxDays` (cumulative; the last bucket is the rest). The median is taken of the
 * waiting-since times themselves (now − median(since) = median(now − since)), which sorts the
 * column as stored instead of an interval computed for every row. Seconds come from date_part,
 * which gives double precision: extract() gives numeric, several times slower to sort.
 */
export function reviewQueueSql(now: Date): Prisma.Sql {
  const buckets = QUEUE_AGE_BUCKETS.flatMap((bucket, index) =>
    bucket.maxDays === null
      ? []
      : [Prisma.sql`count(*) FILTER (WHERE "reviewWaitingSince" > ${daysBefore(now, bucket.maxDays)})::int AS ${Prisma.raw(`"b${index}"`)}`],
  );
  return Prisma.sql`
    SELECT count(*)::int AS count,
           count(*) FILTER (WHERE "reviewRank" = 0)::int AS rank0,
           count(*) FILTER (WHERE "reviewRank" = 1)::int AS rank1,
           count(*) FILTER (WHERE "reviewRank" = 2)::int AS rank2,
           min("reviewWaitingSince") AS "oldestSince",
           date_part('epoch', ${utc(now)})
             - percentile_cont(0.5) WITHIN GROUP (ORDER BY date_part('epoch', "reviewWaitingSince")) AS "medianSeconds",
           ${Prisma.join(buckets)}
      FROM claims
     WHERE "reviewRank" IS NOT NULL`;
}

/**
 * Time from logging a claim to its first verdict (its second transition), for the first verdicts
 * given in the last RECENT_DAYS days: how many, and the median in seconds. The claim's logging
 * time is a subquery by primary key per verdict: as a join, the planner preferred hashing every
 * claim (a full scan) to a few thousand key lookups.
 */
export function firstVerdictSql(now: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT count(*)::int AS count,
           percentile_cont(0.5) WITHIN GROUP (
             ORDER BY date_part('epoch', t."createdAt" - (SELECT c."createdAt" FROM claims c WHERE c.id = t."claimId"))
           ) AS "medianSeconds"
      FROM status_transitions t
     WHERE t.sequence = 2
       AND t."createdAt" > ${daysBefore(now, RECENT_DAYS)}
       AND t."createdAt" <= ${utc(now)}`;
}

/** Verdicts (every transition after the first) per week, the last VERDICT_WEEKS weeks, empty weeks as 0. */
export function verdictsPerWeekSql(now: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT w.week, count(t.id)::int AS count
      FROM generate_series(date_trunc('week', ${utc(now)}) - make_interval(weeks => ${VERDICT_WEEKS - 1}::int),
                           date_trunc('week', ${utc(now)}), interval '1 week') AS w(week)
      LEFT JOIN status_transitions t
        ON t.sequence > 1 AND t."createdAt" >= w.week AND t."createdAt" < w.week + interval '1 week' AND t."createdAt" <= ${utc(now)}
     GROUP BY w.week
     ORDER BY w.week`;
}

/**
 * The outlets or named speakers on the most live evidence linked in the last RECENT_DAYS days.
 * Evidence is counted per entity first (on the index), then each entity is resolved to the one it
 * was merged into, so a duplicate's evidence counts for the entity that replaced it.
 */
export function topEntitiesSql(role: "outlet" | "speaker", now: Date): Prisma.Sql {
  const column = Prisma.raw(role === "outlet" ? `"outletId"` : `"speakerId"`);
  return Prisma.sql`
    SELECT kept.id, kept.name, sum(counted.count)::int AS count
      FROM (SELECT ${column} AS id, count(*) AS count
              FROM evidence
             WHERE "removedAt" IS NULL AND ${column} IS NOT NULL
               AND "createdAt" > ${daysBefore(now, RECENT_DAYS)} AND "createdAt" <= ${utc(now)}
             GROUP BY ${column}) counted
      JOIN entities named ON named.id = counted.id
      JOIN entities kept ON kept.id = COALESCE(named."mergedIntoId", named.id)
     GROUP BY kept.id, kept.name
     ORDER BY count DESC, kept.name, kept.id
     LIMIT ${TOP_LIMIT}`;
}

export type OpenClaimsRow = { status: VerificationStatus; published: number; draft: number };
export type QueueStats = { count: number; oldestSince: Date | null; medianSeconds: number | null };
export type TopEntity = { id: string; name: string; count: number };

export type Dashboard = {
  now: Date;
  openClaims: OpenClaimsRow[];
  queue: QueueStats & { byRank: Record<QueueRank, number> };
  queueAge: { label: string; count: number }[];
  firstVerdict: { count: number; medianSeconds: number | null };
  verdictsPerWeek: { week: Date; count: number }[];
  topOutlets: TopEntity[];
  topSpeakers: TopEntity[];
};

/** Every number on the desk home, for someone allowed to see it; six statements run side by side. */
export async function getDashboard(viewer: Actor | null, now = new Date()): Promise<Dashboard> {
  assertCan(viewer, "dashboard.read");
  const client = db();
  const [open, queueRows, first, weeks, outlets, speakers] = await Promise.all([
    client.$queryRaw<{ status: VerificationStatus; publication: PublicationState; count: number }[]>(openClaimsSql()),
    client.$queryRaw<({ count: number; rank0: number; rank1: number; rank2: number; oldestSince: Date | null; medianSeconds: number | null } & { [bucket: `b${number}`]: number })[]>(
      reviewQueueSql(now),
    ),
    client.$queryRaw<{ count: number; medianSeconds: number | null }[]>(firstVerdictSql(now)),
    client.$queryRaw<{ week: Date; count: number }[]>(verdictsPerWeekSql(now)),
    client.$queryRaw<TopEntity[]>(topEntitiesSql("outlet", now)),
    client.$queryRaw<TopEntity[]>(topEntitiesSql("speaker", now)),
  ]);

  const countOf = (status: VerificationStatus, publication: PublicationState) =>
    open.find((row) => row.status === status && row.publication === publication)?.count ?? 0;
  const queue = queueRows[0];

  return {
    now,
    openClaims: OPEN_STATUSES.map((status) => ({ status, published: countOf(status, "published"), draft: countOf(status, "draft") })),
    queue: {
      count: queue?.count ?? 0,
      oldestSince: queue?.oldestSince ?? null,
      medianSeconds: queue?.medianSeconds ?? null,
      byRank: { 0: queue?.rank0 ?? 0, 1: queue?.rank1 ?? 0, 2: queue?.rank2 ?? 0 },
    },
    // Cumulative counts ("waited less than N days") become one bar per bucket.
    queueAge: QUEUE_AGE_BUCKETS.map((bucket, index) => {
      const within = bucket.maxDays === null ? (queue?.count ?? 0) : (queue?.[`b${index}`] ?? 0);
      const before = index === 0 ? 0 : (queue?.[`b${index - 1}`] ?? 0);
      return { label: bucket.label, count: within - before };
    }),
    firstVerdict: { count: first[0]?.count ?? 0, medianSeconds: first[0]?.medianSeconds ?? null },
    verdictsPerWeek: weeks,
    topOutlets: outlets,
    topSpeakers: speakers,
  };
}
