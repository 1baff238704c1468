// Chart components: `chart(data, {width})` → an SVG figure (Observable Plot), each with an aria
// label and a data table beside it (`withTable`) as its text alternative.
import * as Plot from "@observablehq/plot";
import { dataTable, plot } from "./a11y.js";
import { html } from "htl";
import { LINE_LABELS, LOSS, OKABE_ITO, PROFIT } from "./palette.js";
import { PENCE_PER_MILLION, formatMillions, tipMillions } from "./format.js";
import { clickableBars, clickableTickLabels } from "./chart-click.js";
import { wrapText } from "./bundled/site.js";
import { keyLinks } from "./focus-key.js";

const m = (pence) => pence / PENCE_PER_MILLION; // pence → £m for axes

/** Wrap a chart with a <details> holding its data as a table (the chart's text alternative). */
export function withTable(chart, rows, { caption, columns, header, format } = {}) {
  return html`<figure class="chart">
    ${chart}
    <details>
      <summary>Data table${caption ? `: ${caption}` : ""}</summary>
      ${dataTable(
        rows,
        { columns, header, format, rows: 12, layout: "auto" },
        `Data table${caption ? `: ${caption}` : ""}`,
      )}
    </details>
  </figure>`;
}

/** Stacked bars by financial year, one colour per line (income lines, or cost lines). */
export function linesByYearChart(rows, options = {}) {
  return withTable(linesByYearPlot(rows, options), linesByYearTable(rows), {
    caption: options.caption,
  });
}

/** The lines-by-year chart without its table (a live chart draws the two apart: live-chart.js). */
export function linesByYearPlot(
  rows,
  { width, who, what, range = OKABE_ITO, onClick, clickLabel } = {},
) {
  const data = rows.filter((d) => d.pence !== 0);
  // A year's label explains the year's total of the stacked lines (income or costs).
  const total = what === "costs" ? "cost_total" : "income_total";
  return plot({
    width,
    height: 300,
    marginLeft: 60,
    ariaLabel: `${who}: ${what} by financial year, stacked by line`,
    ...yearAxis(width),
    y: { label: "£m", grid: true },
    color: { legend: true, range, tickFormat: (l) => LINE_LABELS[l] ?? l },
    marks: [
      Plot.barY(data, {
        x: "fy",
        y: (d) => m(d.pence),
        fill: "line",
        tip: { format: { y: (v) => tipMillions(v) } },
        ...clickableBars(data, onClick, clickLabel),
      }),
      Plot.ruleY([0]),
      ...clickableYearAxis(width, rows, { onClick, clickLabel, line: total }),
    ],
  });
}

export function linesByYearTable(rows) {
  return rows
    .filter((d) => d.pence !== 0)
    .map((d) => ({
      year: d.fy,
      line: LINE_LABELS[d.line] ?? d.line,
      amount: formatMillions(d.pence),
    }));
}

/**
 * The national charts as parts: `plot(rows, options)`, `table(rows)` (the chart's text
 * alternative) and the table's caption. `xxxChart` below puts the parts in one figure; the
 * Explorer keeps one figure per chart and redraws only the plot on a move (live-chart.js).
 */
export const INCOME_BY_YEAR = {
  plot: (rows, options) => linesByYearPlot(rows, { ...options, who: "All CRCs", what: "income" }),
  table: linesByYearTable,
  caption: "income by year and line",
};

export const PROFIT_BY_YEAR = {
  plot: profitByYearPlot,
  table: (rows) => rows.map((d) => ({ year: d.fy, "profit / loss": formatMillions(d.pence) })),
  caption: "profit by year",
};

export const CRC_PROFIT = {
  plot: (rows, { width } = {}) =>
    profitBars(rows, {
      width,
      rowHeight: 24,
      ariaLabel: "Contract-life profit or loss of each CRC, worst first",
      href: (d) => `./crcs/${d.crc}`,
    }),
  table: (rows) =>
    rows.map((d) => ({
      CRC: d.name,
      owner: d.ownerName,
      "profit / loss": formatMillions(d.profitPence),
      income: formatMillions(d.incomePence),
      costs: formatMillions(d.costPence),
    })),
  caption: "profit by CRC",
};

export const OWNER_PROFIT = {
  plot: (rows, { width } = {}) =>
    profitBars(rows, {
      width,
      rowHeight: 28,
      ariaLabel: "Contract-life profit or loss of each owner",
      href: (d) => `./owners/${d.owner}`,
    }),
  table: (rows) =>
    rows.map((d) => ({ owner: d.name, "profit / loss": formatMillions(d.profitPence) })),
  caption: "profit by owner",
};

export const STAFFING = {
  plot: staffingPlot,
  table: (rows) =>
    rows.map((d) => ({
      month: d.month,
      FTE: Math.round(d.fte),
      "workload index": d.workloadIndex === null ? "" : Math.round(d.workloadIndex),
    })),
  caption: "staffing and workload by month",
};

/** A chart's parts in one figure: the plot, then its data table. */
function figureOf(parts, rows, options) {
  return withTable(parts.plot(rows, options), parts.table(rows), { caption: parts.caption });
}

export const incomeByYearChart = (rows, options = {}) => figureOf(INCOME_BY_YEAR, rows, options);
export const crcProfitChart = (rows, options = {}) => figureOf(CRC_PROFIT, rows, options);
export const ownerProfitChart = (rows, options = {}) => figureOf(OWNER_PROFIT, rows, options);
export const staffingChart = (rows, options = {}) => figureOf(STAFFING, rows, options);

export const profitByYearChart = (rows, options = {}) => figureOf(PROFIT_BY_YEAR, rows, options);

function profitByYearPlot(rows, { width, who = "All CRCs", onClick, clickLabel } = {}) {
  return plot({
    width,
    height: 260,
    marginLeft: 60,
    ariaLabel: `${who}: profit or loss by financial year`,
    ...yearAxis(width),
    y: { label: "£m", grid: true },
    marks: [
      Plot.barY(rows, {
        x: "fy",
        y: (d) => m(d.pence),
        fill: (d) => (d.pence < 0 ? LOSS : PROFIT),
        tip: { format: { y: (v) => tipMillions(v), fill: false } },
        ...clickableBars(rows, onClick, clickLabel),
      }),
      Plot.ruleY([0]),
      ...clickableYearAxis(width, rows, { onClick, clickLabel }),
    ],
  });
}

/** Approximate width of a character of Plot's 10px sans-serif tick labels, in pixels. */
const CHAR_PX = 6.6;

/**
 * Left margin that fits the longest label (Plot does not size margins to labels), but at most
 * `cap` and 45% of a narrow chart (an embed in a narrow column). A longer label is wrapped onto
 * more lines (Plot draws each "\n" as a line), never cut (issue #16): the chart, its SVG and PNG
 * name every CRC in full. `format` is the axis's tickFormat, for every chart of names.
 */
export function labelAxis(labels, width, cap = 360) {
  const fit = 12 + CHAR_PX * Math.max(...labels.map((l) => String(l).length));
  const margin = Math.min(cap, fit, width ? Math.max(130, 0.45 * width) : cap);
  const chars = Math.max(10, Math.floor((margin - 12) / CHAR_PX + 1e-9));
  return {
    margin,
    // A wrapped label's next line starts with a space (unseen: the names end-align on a left
    // axis), so its text reads "West Midlands", not "WestMidlands", for a screen reader, a copy
    // and a link's name: Plot draws each line as a <tspan> and the label's text is theirs joined.
    format: (l) => (String(l).length > chars ? wrapText(String(l), chars).join("\n ") : l),
  };
}

/** Plot's tick labels are 10 px type, a wrapped label's lines 10 px apart (lineHeight 1). */
const LINE_PX = 10;

/**
 * The height of a row of named bars that keeps wrapped names apart (at least `min`): two
 * neighbours, each centred on its row, need half their lines each between the rows' centres,
 * and a few pixels for the glyphs above the first line and below the last. On a narrow chart a
 * long name wraps to four lines, 40 px, which overlapped its neighbours in 24 px rows.
 */
export function rowHeightFor(names, format, min) {
  const lines = names.map((n) => String(format(n)).split("\n").length);
  let height = min;
  for (let i = 1; i < lines.length; i++)
    height = Math.max(height, Math.ceil(((lines[i - 1] + lines[i]) / 2) * LINE_PX + 4));
  return height;
}

/**
 * The financial-year axis: labels ("2014-15") turned on a chart too narrow for eight of them
 * side by side (issue #16: they collided at 375 px). Spread into a plot's options.
 */
export function yearAxis(width, label = "Financial year") {
  return narrowYears(width)
    ? { x: { label, type: "band", tickRotate: -45 }, marginBottom: 52 }
    : { x: { label, type: "band" } };
}

const narrowYears = (width) => width !== undefined && width < 560;

/**
 * For a chart whose year bars open an explanation (`onClick`, `clickLabel` as its bars have
 * them): the year axis drawn as a mark whose labels are buttons opening what the year's bar
 * opens, as the names on a CRC axis are links to its page (linkedNameAxis): a year whose bar is
 * near zero is too thin to click or see. `line` is the line a year's label explains when its
 * bars are a stack of lines (their total); none for one bar a year. Keyboard-focusable, named as
 * the bar is. No marks (the implicit axis, from yearAxis) when the bars open nothing.
 */
export function clickableYearAxis(
  width,
  rows,
  { onClick, clickLabel, line },
  label = "Financial year",
) {
  if (typeof onClick !== "function") return [];
  const years = new Set(rows.map((d) => d.fy));
  const datumOf = (text) => (years.has(text) ? { fy: text, ...(line ? { line } : {}) } : undefined);
  return [
    Plot.axisX({
      label,
      ...(narrowYears(width) ? { tickRotate: -45 } : {}),
      ...clickableTickLabels(datumOf, onClick, clickLabel),
    }),
  ];
}

/**
 * An axis of names (CRCs or owners) whose labels are links to the same pages as their bars:
 * a CRC near break-even has a bar a pixel wide, too small to click, so its name opens its page
 * too (an SVG <a> around each label, focusable from the keyboard; the page's link handler adds
 * the scenario as it does to the bars). `axisMark` is Plot.axisY or Plot.axisFy, `hrefOf` maps a
 * name to its page, `tickFormat` wraps a long name (`labelAxis`). No tick lines: the label sits
 * where a 6 px tick and its padding put it.
 */
export function linkedNameAxis(axisMark, { hrefOf, tickFormat }) {
  const nameOf = new Map([...hrefOf].map(([name, href]) => [href, name]));
  return axisMark({
    // On the left, where the margin for the names is (an explicit fy axis is on the right).
    anchor: "left",
    // labelAxis's format: a wrapped name keeps its spaces for a screen reader and the link's name.
    tickFormat,
    tickSize: 0,
    label: null,
    href: (name) => hrefOf.get(name),
    // Each link's name, which says where it goes, begins with the name in full.
    render(index, scales, values, dimensions, context, next) {
      const g = next(index, scales, values, dimensions, context);
      for (const a of g.querySelectorAll("a")) {
        const name = nameOf.get(a.getAttributeNS(XLINK, "href"));
        if (name !== undefined) a.setAttribute("aria-label", `${name}: open its page`);
      }
      // Where the focus goes back to if the chart is drawn afresh (focus-key.js).
      return keyLinks(g, "name");
    },
  });
}

const XLINK = "http://www.w3.org/1999/xlink";

/** Horizontal profit/loss bars, one per named row (CRCs or owners), losses in the loss colour. */
function profitBars(rows, { width, ariaLabel, rowHeight, href }) {
  const names = rows.map((d) => d.name);
  const axis = labelAxis(names, width);
  return plot({
    width,
    height: rowHeightFor(names, axis.format, rowHeight) * rows.length + 50,
    marginLeft: axis.margin,
    ariaLabel,
    x: { label: "£m over the contract", grid: true },
    y: { label: null, domain: rows.map((d) => d.name) },
    marks: [
      linkedNameAxis(Plot.axisY, {
        hrefOf: new Map(rows.map((d) => [d.name, href(d)])),
        tickFormat: axis.format,
      }),
      Plot.barX(rows, {
        y: "name",
        x: (d) => m(d.profitPence),
        fill: (d) => (d.profitPence < 0 ? LOSS : PROFIT),
        tip: { format: { x: (v) => tipMillions(v, 1) } },
        href,
        // Each bar is a link: its name, for a screen reader (the link holds only a <rect>).
        ariaLabel: (d) =>
          `${d.name}: ${formatMillions(d.profitPence)} over the contract; open its page`,
        // Each link keyed by its page, for the focus to come back to it when the chart is drawn
        // afresh (focus-key.js): a link's name is its bar's, and says the amount.
        render: (index, scales, values, dimensions, context, next) =>
          keyLinks(next(index, scales, values, dimensions, context), "bar"),
      }),
      Plot.ruleX([0]),
    ],
  });
}

function staffingPlot(rows, { width } = {}) {
  const data = rows.map((d) => ({ ...d, date: new Date(`${d.month}-01T00:00:00Z`) }));
  const fte = plot({
    width,
    height: 200,
    marginLeft: 60,
    ariaLabel: "Staff in post (FTE) month by month",
    x: { type: "utc", label: null },
    y: { label: "FTE", grid: true, zero: true },
    marks: [Plot.lineY(data, { x: "date", y: "fte", stroke: OKABE_ITO[0], tip: true })],
  });
  const workload = plot({
    width,
    height: 200,
    marginLeft: 60,
    ariaLabel: "Workload index month by month (100 = the 2014 norm)",
    x: { type: "utc", label: null },
    y: { label: "Workload index (100 = 2014 norm)", grid: true, zero: true },
    marks: [
      Plot.ruleY([100], { stroke: "#999", strokeDasharray: "4,3" }),
      Plot.ruleY([150], { stroke: LOSS, strokeDasharray: "2,3" }),
      Plot.lineY(
        data.filter((d) => d.workloadIndex !== null),
        { x: "date", y: "workloadIndex", stroke: OKABE_ITO[5], tip: true },
      ),
    ],
  });
  return html`<div>${fte}${workload}</div>`;
}
