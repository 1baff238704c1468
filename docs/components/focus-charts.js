// Charts for one CRC's or one owner's page: `chart(rows, {width, who})` → a figure with its data
// table (charts.js `withTable`). `who` names the CRC or owner in the aria label (text only).
import * as Plot from "@observablehq/plot";
import { plot } from "./a11y.js";
import { withTable } from "./charts.js";
import { OKABE_ITO } from "./palette.js";
import { PENCE_PER_MILLION, formatMillions, tipMillions } from "./format.js";

const m = (pence) => pence / PENCE_PER_MILLION; // pence → £m for axes

// The by-year charts are shared with the national pages (charts.js); `who` names the CRC/owner.
export { linesByYearChart, profitByYearChart as profitByYearChartFor } from "./charts.js";

/** The cumulative position (running profit or loss) month by month. */
export function cumulativeChart(rows, { width, who } = {}) {
  const data = rows.map((d) => ({ ...d, date: new Date(`${d.month}-01T00:00:00Z`) }));
  const chart = plot({
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
        tip: { format: { y: (v) => tipMillions(v) } },
      }),
    ],
  });
  return withTable(
    chart,
    rows.map((d) => ({ month: d.month, "cumulative profit / loss": formatMillions(d.pence) })),
    { caption: "cumulative position by month" },
  );
}
