// The dashboard's charts: SVG drawn on the server with visx (scales, bars and axes as React
// components), so they ship no JavaScript and need nothing from the desk's Content-Security-Policy
// beyond what a plain page needs. Each chart is an image with a sentence for a name (the key
// numbers), and the same numbers are in a table under "Show as table".
import { AxisBottom, AxisLeft } from "@visx/axis";
import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar } from "@visx/shape";
import type { Route } from "next";
import Link from "next/link";
import type { ReactNode } from "react";

const WIDTH = 560;
const TICK_LABEL = { fill: "#5b6270", fontSize: 12, fontFamily: "inherit" } as const;

export type Series = { name: string; className: string; swatch: string };

/** A titled card: the chart (or, with no data, what that means), then the table with the same numbers. */
export function ChartFigure({
  id,
  title,
  summary,
  empty,
  chart,
  table,
}: {
  id: string;
  title: string;
  /** The key numbers in one sentence, shown under the title. */
  summary: ReactNode;
  /** Shown instead of the chart and the table when there is nothing to draw. */
  empty: string | null;
  chart: ReactNode;
  table: ReactNode;
}) {
  return (
    <figure className="rounded-lg border border-rule bg-white p-4" aria-labelledby={`${id}-title`}>
      <figcaption>
        <h2 id={`${id}-title`} className="font-serif text-xl font-bold">
          {title}
        </h2>
        <p className="mt-1 text-sm text-muted">{summary}</p>
      </figcaption>
      {empty ? (
        <p className="mt-4 rounded-md border border-dashed border-rule p-6 text-center text-sm text-muted">{empty}</p>
      ) : (
        <>
          <div className="mt-3">{chart}</div>
          <details className="mt-2 text-sm">
            <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold text-accent">Show as table</summary>
            {table}
          </details>
        </>
      )}
    </figure>
  );
}

export function Legend({ series }: { series: readonly Series[] }) {
  return (
    <ul className="mb-1 flex flex-wrap gap-x-4 text-xs text-muted" aria-hidden="true">
      {series.map((entry) => (
        <li key={entry.name} className="flex items-center gap-1.5">
          <span className={`inline-block h-3 w-3 rounded-sm ${entry.swatch}`} />
          {entry.name}
        </li>
      ))}
    </ul>
  );
}

/**
 * Horizontal bars, one row per label, its series stacked left to right, the row's total at its
 * end. `label` is the image's accessible name: the numbers in words.
 */
export function HorizontalBarChart({
  label,
  rows,
  series,
  labelWidth = 170,
}: {
  label: string;
  rows: readonly { key: string; label: string; values: readonly number[] }[];
  series: readonly Series[];
  labelWidth?: number;
}) {
  const rowHeight = 30;
  const margin = { top: 4, right: 44, bottom: 4, left: labelWidth };
  const innerWidth = WIDTH - margin.left - margin.right;
  const innerHeight = rows.length * rowHeight;
  const totals = rows.map((row) => row.values.reduce((sum, value) => sum + value, 0));
  const y = scaleBand<string>({ domain: rows.map((row) => row.key), range: [0, innerHeight], padding: 0.25 });
  const x = scaleLinear<number>({ domain: [0, Math.max(1, ...totals)], range: [0, innerWidth] });
  const labels = new Map(rows.map((row) => [row.key, row.label]));
  return (
    <>
      {series.length > 1 ? <Legend series={series} /> : null}
      <svg
        role="img"
        aria-label={label}
        viewBox={`0 0 ${WIDTH} ${innerHeight + margin.top + margin.bottom}`}
        className="h-auto w-full overflow-visible"
      >
        <Group left={margin.left} top={margin.top}>
          {rows.map((row, index) => {
            const top = y(row.key) ?? 0;
            let left = 0;
            return (
              <g key={row.key}>
                {row.values.map((value, seriesIndex) => {
                  const width = x(value);
                  const bar = (
                    <Bar key={series[seriesIndex]?.name} x={left} y={top} width={width} height={y.bandwidth()} className={series[seriesIndex]?.className} />
                  );
                  left += width;
                  return bar;
                })}
                <text x={left + 6} y={top + y.bandwidth() / 2} dominantBaseline="central" fontSize={13} fontWeight={600} className="fill-ink">
                  {(totals[index] ?? 0).toLocaleString("en-GB")}
                </text>
              </g>
            );
          })}
          <g aria-hidden="true">
            <AxisLeft
              scale={y}
              hideAxisLine
              hideTicks
              tickFormat={(key) => shorten(labels.get(key) ?? key, Math.floor(labelWidth / 7.5))}
              tickLabelProps={{ ...TICK_LABEL, fill: "#1c1f24", fontSize: 13, textAnchor: "end", dx: -4, verticalAnchor: "middle" }}
            />
          </g>
        </Group>
      </svg>
    </>
  );
}

/** Vertical bars over a sequence (weeks), zero included, with a count axis. */
export function ColumnChart({
  label,
  columns,
  barClassName,
}: {
  label: string;
  columns: readonly { key: string; label: string; value: number }[];
  barClassName: string;
}) {
  const height = 220;
  const margin = { top: 18, right: 8, bottom: 28, left: 36 };
  const innerWidth = WIDTH - margin.left - margin.right;
  const innerHeight = height - margin.top - margin.bottom;
  const max = Math.max(...columns.map((column) => column.value));
  const x = scaleBand<string>({ domain: columns.map((column) => column.key), range: [0, innerWidth], padding: 0.2 });
  const y = scaleLinear<number>({ domain: [0, Math.max(4, max)], range: [innerHeight, 0], nice: true });
  const labels = new Map(columns.map((column) => [column.key, column.label]));
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${height}`} className="h-auto w-full overflow-visible">
      <Group left={margin.left} top={margin.top}>
        {columns.map((column) => {
          const left = x(column.key) ?? 0;
          const top = y(column.value);
          return (
            <g key={column.key}>
              <Bar x={left} y={top} width={x.bandwidth()} height={innerHeight - top} className={barClassName} />
              {column.value > 0 ? (
                <text x={left + x.bandwidth() / 2} y={top - 4} textAnchor="middle" fontSize={11} fontWeight={600} className="fill-ink">
                  {column.value.toLocaleString("en-GB")}
                </text>
              ) : null}
            </g>
          );
        })}
        {/* visx draws each tick label as a nested <svg>, which browsers expose as an image of its
            own: hidden here, since the chart's name already says what the axes show. */}
        <g aria-hidden="true">
          <AxisLeft
            scale={y}
            numTicks={4}
            tickFormat={(value) => (Number.isInteger(Number(value)) ? Number(value).toLocaleString("en-GB") : "")}
            stroke="#e2e4e8"
            tickStroke="#e2e4e8"
            tickLabelProps={{ ...TICK_LABEL, textAnchor: "end", dx: -2, verticalAnchor: "middle" }}
          />
          <AxisBottom
            top={innerHeight}
            scale={x}
            // Every other week is labelled, so the labels never collide on a narrow screen.
            tickValues={columns.filter((_, index) => (columns.length - 1 - index) % 2 === 0).map((column) => column.key)}
            tickFormat={(key) => labels.get(key) ?? key}
            stroke="#e2e4e8"
            tickStroke="#e2e4e8"
            tickLabelProps={{ ...TICK_LABEL, textAnchor: "middle" }}
          />
        </g>
      </Group>
    </svg>
  );
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** The table behind a chart. `href` makes a row's first cell a link (to the list it counts). */
export function DataTable({
  caption,
  headers,
  rows,
}: {
  caption: string;
  headers: readonly string[];
  rows: readonly { key: string; cells: readonly (string | number)[]; href?: string }[];
}) {
  return (
    <table className="mt-2 w-full border-collapse text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-rule">
          {headers.map((header, index) => (
            <th key={header} scope="col" className={`py-1.5 pr-3 font-semibold ${index > 0 ? "text-right" : ""}`}>
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className="border-b border-rule last:border-0">
            {row.cells.map((cell, index) =>
              index === 0 ? (
                <th key={index} scope="row" className="py-1.5 pr-3 font-normal">
                  {row.href ? (
                    <Link href={row.href as Route} className="underline underline-offset-2 hover:text-accent">
                      {cell}
                    </Link>
                  ) : (
                    cell
                  )}
                </th>
              ) : (
                <td key={index} className="py-1.5 pr-3 text-right tabular-nums">
                  {typeof cell === "number" ? cell.toLocaleString("en-GB") : cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
