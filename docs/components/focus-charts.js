// Charts for one CRC's or one owner's page: `chart(rows, {width, who})` → a figure with its data
// table (charts.js `withTable`). `who` names the CRC or owner in the aria label (text only).
import * as Plot from "@observablehq/plot";
import { withTable } from "./charts.js";
import { LINE_LABELS, LOSS, OKABE_ITO, PROFIT } from "./palette.js";
import { formatMillions } from "./format.js";

const m = (pence) => pence / 1e8; // pence → £m for axes

/** Stacked bars by financial year, one colour per line (income lines, or cost lines). */
export function linesByYearChart(rows, { width, who, what, caption, range = OKABE_ITO } = {}) {
  const data = rows.filter((d) => d.pence !== 0);
  const chart = Plot.plot({
    width,
    height: 300,
    marginLeft: 60,
    ariaLabel: `${who}: ${what} by financial year, stacked by line`,
    x: { label: "Financial year", type: "band" },
    y: { label: "£m", grid: true },
    color: { legend: true, range, tickFormat: (l) => LINE_LABELS[l] ?? l },
    marks: [
      Plot.barY(data, {
        x: "fy",
        y: (d) => m(d.pence),
        fill: "line",
        tip: { format: { y: (v) => `£${v.toFixed(2)}m` } },
      }),
      Plot.ruleY([0]),
    ],
  });
  return withTable(
    chart,
    data.map((d) => ({
      year: d.fy,
      line: LINE_LABELS[d.line] ?? d.line,
      amount: formatMillions(d.pence),
    })),
    { caption },
  );
}

export function profitByYearChartFor(rows, { width, who } = {}) {
  const chart = Plot.plot({
    width,
    height: 240,
    marginLeft: 60,
    ariaLabel: `${who}: profit or loss by financial year`,
    x: { label: "Financial year", type: "band" },
    y: { label: "£m", grid: true },
    marks: [
      Plot.barY(rows, {
        x: "fy",
        y: (d) => m(d.pence),
        fill: (d) => (d.pence < 0 ? LOSS : PROFIT),
        tip: { format: { y: (v) => `£${v.toFixed(2)}m`, fill: false } },
      }),
      Plot.ruleY([0]),
    ],
  });
  return withTable(
    chart,
    rows.map((d) => ({ year: d.fy, "profit / loss": formatMillions(d.pence) })),
    { caption: "profit by year" },
  );
}

/** The cumulative position (running profit or loss) month by month. */
export function cumulativeChart(rows, { width, who } = {}) {
  const data = rows.map((d) => ({ ...d, date: new Date(`${d.month}-01T00:00:00Z`) }));
  const chart = Plot.plot({
    width,
    height: 240,
    marginLeft: 60,
    ariaLabel: `${who}: cumulative profit or loss month by month`,
    x: { type: "utc", label: null },
    y: { label: "£m, running total", grid: true },
    marks: [
      Plot.ruleY([0]),
      Plot.areaY(data, {
        x: "date",
        y1: 0,
        y2: (d) => m(d.pence),
        fill: OKABE_ITO[4],
        fillOpacity: 0.3,
      }),
      Plot.lineY(data, {
        x: "date",
        y: (d) => m(d.pence),
        stroke: OKABE_ITO[0],
        tip: { format: { y: (v) => `£${v.toFixed(2)}m` } },
      }),
    ],
  });
  return withTable(
    chart,
    rows.map((d) => ({ month: d.month, "cumulative profit / loss": formatMillions(d.pence) })),
    { caption: "cumulative position by month" },
  );
}
