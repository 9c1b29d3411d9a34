import type { Metadata, Route } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ChartFigure, ColumnChart, DataTable, HorizontalBarChart, type Series } from "@/components/dashboard/charts";
import { DateTime } from "@/components/ui/date-time";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { canVerify, STATUS_INFO } from "@/lib/claims/status";
import { formatDuration, formatWeek, plural, QUEUE_RANK_LABEL, RECENT_DAYS, VERDICT_WEEKS } from "@/lib/dashboard/format";
import { getDashboard, type TopEntity } from "@/lib/dashboard/queries";
import { type RawSearchParams, withParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Desk" };

// The claim list lived here before the dashboard: its filtered links still work.
const LIST_PARAMS = ["status", "publication", "tag", "mine", "q", "page"] as const;

const PUBLICATION_SERIES: readonly Series[] = [
  { name: "Published", className: "fill-ink", swatch: "bg-ink" },
  { name: "Draft", className: "fill-status-warning", swatch: "bg-status-warning" },
];
const SINGLE: readonly Series[] = [{ name: "Count", className: "fill-accent", swatch: "bg-accent" }];

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function DeskHomePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const raw = await searchParams;
  if (LIST_PARAMS.some((key) => firstValue(raw[key]))) {
    redirect(withParams("/desk/claims", Object.fromEntries(LIST_PARAMS.map((key) => [key, firstValue(raw[key])]))) as Route);
  }
  const viewer = await requirePagePermission("dashboard.read", "/desk");
  const dashboard = await getDashboard(viewer);
  const { openClaims, queue, queueAge, firstVerdict, verdictsPerWeek, topOutlets, topSpeakers } = dashboard;

  const openTotal = openClaims.reduce((sum, row) => sum + row.published + row.draft, 0);
  const openDrafts = openClaims.reduce((sum, row) => sum + row.draft, 0);
  const verdictTotal = verdictsPerWeek.reduce((sum, week) => sum + week.count, 0);
  const thisWeek = verdictsPerWeek.at(-1)?.count ?? 0;
  const busiest = verdictsPerWeek.reduce<(typeof verdictsPerWeek)[number] | null>((best, week) => (week.count > (best?.count ?? 0) ? week : best), null);
  const queueReasons = ([0, 1, 2] as const)
    .filter((rank) => queue.byRank[rank] > 0)
    .map((rank) => `${queue.byRank[rank].toLocaleString("en-GB")} ${QUEUE_RANK_LABEL[rank]}`)
    .join(", ");

  const openSentence =
    openTotal === 0
      ? "No open claims."
      : `${plural(openTotal, "open claim")}: ${openClaims
          .map((row) => `${(row.published + row.draft).toLocaleString("en-GB")} ${STATUS_INFO[row.status].label.toLowerCase()}${row.draft > 0 ? ` (${plural(row.draft, "draft")})` : ""}`)
          .join(", ")}.`;
  const queueSentence =
    queue.count === 0
      ? "Nothing is waiting for review."
      : `${plural(queue.count, "claim")} waiting for review (${queueReasons}); median wait ${formatDuration(queue.medianSeconds ?? 0)}.`;
  const ageSentence = `${queueSentence}${queue.count > 0 ? ` ${queueAge.map((bucket) => `${bucket.label.toLowerCase()}: ${bucket.count.toLocaleString("en-GB")}`).join(", ")}.` : ""}`;
  const verdictSentence =
    verdictTotal === 0
      ? `No verdicts in the last ${VERDICT_WEEKS} weeks.`
      : `${plural(verdictTotal, "verdict")} in the last ${VERDICT_WEEKS} weeks, ${thisWeek.toLocaleString("en-GB")} this week${
          busiest ? `; the busiest week began ${formatWeek(busiest.week)} with ${busiest.count.toLocaleString("en-GB")}` : ""
        }.`;
  const topSentence = (rows: readonly TopEntity[], what: string) =>
    rows.length === 0
      ? `No ${what} on live evidence linked in the last ${RECENT_DAYS} days.`
      : `Most evidence of the last ${RECENT_DAYS} days: ${rows
          .slice(0, 3)
          .map((row) => `${row.name} (${row.count.toLocaleString("en-GB")})`)
          .join(", ")}${rows.length > 3 ? `, and ${rows.length - 3} more` : ""}.`;

  return (
    <>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="font-serif text-3xl font-bold">Desk</h1>
          <p className="mt-1 text-sm text-muted">
            The newsroom at a glance, as of <DateTime value={dashboard.now} timeZone={viewer.timeZone} withTime />.
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <form method="get" action="/desk/claims" role="search" aria-label="Find a claim" className="flex gap-2">
            <label className="sr-only" htmlFor="desk-search">
              Search claims
            </label>
            <input id="desk-search" name="q" type="search" placeholder="Search claims" className="min-h-11 w-56 rounded-md border border-rule bg-white px-3 py-2" />
            <button type="submit" className="min-h-11 rounded-md border border-ink px-4 py-2 font-semibold">
              Search
            </button>
          </form>
          {can(viewer, "claim.create") ? (
            <Link href="/desk/claims/new" className="inline-flex min-h-11 items-center rounded-md bg-ink px-4 py-2 font-semibold text-white hover:bg-ink/85">
              Log a claim
            </Link>
          ) : null}
          {canVerify(viewer.role) ? (
            <Link href="/desk/review" className="inline-flex min-h-11 items-center rounded-md bg-ink px-4 py-2 font-semibold text-white hover:bg-ink/85">
              Open the review queue
            </Link>
          ) : null}
        </div>
      </div>

      <section aria-labelledby="key-numbers" className="mt-6">
        <h2 id="key-numbers" className="sr-only">
          Key numbers
        </h2>
        <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <KeyNumber term="Open claims" value={openTotal.toLocaleString("en-GB")} detail={openTotal === 0 ? "none yet" : `${plural(openDrafts, "draft")} among them`} href="/desk/claims" />
          <KeyNumber
            term="Waiting for review"
            value={queue.count.toLocaleString("en-GB")}
            detail={queue.oldestSince ? <>oldest since <DateTime value={queue.oldestSince} timeZone={viewer.timeZone} /></> : "nothing waiting"}
            href={canVerify(viewer.role) ? "/desk/review" : undefined}
          />
          <KeyNumber
            term="Median time to a first verdict"
            value={firstVerdict.medianSeconds === null ? "—" : formatDuration(firstVerdict.medianSeconds)}
            detail={firstVerdict.count === 0 ? `no first verdicts in the last ${RECENT_DAYS} days` : `over ${plural(firstVerdict.count, "first verdict")} in the last ${RECENT_DAYS} days`}
          />
          <KeyNumber term="Verdicts this week" value={thisWeek.toLocaleString("en-GB")} detail={`${verdictTotal.toLocaleString("en-GB")} in the last ${VERDICT_WEEKS} weeks`} />
        </dl>
      </section>

      <div className="mt-6 grid grid-cols-1 gap-4 lg:grid-cols-2">
        <ChartFigure
          id="open-claims"
          title="Open claims by status"
          summary={openSentence}
          empty={openTotal === 0 ? "No open claims: everything logged so far is settled, or nothing has been logged yet." : null}
          chart={
            <HorizontalBarChart
              label={openSentence}
              series={PUBLICATION_SERIES}
              labelWidth={120}
              rows={openClaims.map((row) => ({ key: row.status, label: STATUS_INFO[row.status].label, values: [row.published, row.draft] }))}
            />
          }
          table={
            <DataTable
              caption="Open claims by status"
              headers={["Status", "Published", "Draft", "Total"]}
              rows={openClaims.map((row) => ({
                key: row.status,
                href: withParams("/desk/claims", { status: row.status }),
                cells: [STATUS_INFO[row.status].label, row.published, row.draft, row.published + row.draft],
              }))}
            />
          }
        />

        <ChartFigure
          id="review-queue"
          title="Review queue by time waiting"
          summary={queueSentence}
          empty={queue.count === 0 ? "Nothing is waiting for review." : null}
          chart={
            <HorizontalBarChart
              label={ageSentence}
              series={SINGLE}
              labelWidth={120}
              rows={queueAge.map((bucket) => ({ key: bucket.label, label: bucket.label, values: [bucket.count] }))}
            />
          }
          table={
            <DataTable
              caption="Review queue by time waiting"
              headers={["Waiting", "Claims"]}
              rows={queueAge.map((bucket) => ({ key: bucket.label, cells: [bucket.label, bucket.count] }))}
            />
          }
        />

        <ChartFigure
          id="verdicts"
          title="Verdicts per week"
          summary={`${verdictSentence} Weeks start on Monday (UTC).`}
          empty={verdictTotal === 0 ? `No verdicts in the last ${VERDICT_WEEKS} weeks: a fact-checker's first status move will show here.` : null}
          chart={
            <ColumnChart
              label={verdictSentence}
              barClassName="fill-accent"
              columns={verdictsPerWeek.map((week) => ({ key: week.week.toISOString(), label: formatWeek(week.week).replace(/^\w+ /, ""), value: week.count }))}
            />
          }
          table={
            <DataTable
              caption="Verdicts per week"
              headers={["Week beginning", "Verdicts"]}
              rows={verdictsPerWeek.map((week) => ({ key: week.week.toISOString(), cells: [formatWeek(week.week), week.count] }))}
            />
          }
        />

        <TopEntitiesFigure id="top-outlets" title="Outlets that appear most" rows={topOutlets} summary={topSentence(topOutlets, "outlets")} />
        <TopEntitiesFigure id="top-speakers" title="Speakers who appear most" rows={topSpeakers} summary={topSentence(topSpeakers, "named speakers")} />
      </div>
    </>
  );
}

function KeyNumber({ term, value, detail, href }: { term: string; value: string; detail: React.ReactNode; href?: Route }) {
  return (
    <div className="rounded-lg border border-rule bg-white p-4">
      <dt className="text-sm font-semibold text-muted">{href ? <Link href={href} className="underline-offset-2 hover:underline">{term}</Link> : term}</dt>
      <dd className="mt-1 font-serif text-3xl font-bold tabular-nums">{value}</dd>
      <dd className="text-sm text-muted">{detail}</dd>
    </div>
  );
}

function TopEntitiesFigure({ id, title, rows, summary }: { id: string; title: string; rows: readonly TopEntity[]; summary: string }) {
  return (
    <ChartFigure
      id={id}
      title={title}
      summary={summary}
      empty={rows.length === 0 ? `No evidence linked in the last ${RECENT_DAYS} days names one yet.` : null}
      chart={<HorizontalBarChart label={`${title}: ${rows.map((row) => `${row.name}, ${row.count}`).join("; ")}.`} series={SINGLE} rows={rows.map((row) => ({ key: row.id, label: row.name, values: [row.count] }))} />}
      table={
        <DataTable
          caption={title}
          headers={["Name", `Pieces of live evidence, last ${RECENT_DAYS} days`]}
          rows={rows.map((row) => ({ key: row.id, href: `/desk/entities/${row.id}`, cells: [row.name, row.count] }))}
        />
      }
    />
  );
}
