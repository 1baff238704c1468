// Charts of the sensitivity runs (the Sensitivity page): a tornado of one-at-a-time swings, a
// two-way grid as a heatmap, and break-even values per CRC. Each is wrapped with its data table
// (`withTable`) as its text alternative.
import * as Plot from "@observablehq/plot";
import { plot } from "./a11y.js";
import { labelAxis, rowHeightFor, withTable } from "./charts.js";
import { LINE_LABELS } from "./palette.js";
import { PENCE_PER_MILLION, tipMillions } from "./format.js";

const millions = (pence) => pence / PENCE_PER_MILLION;
const money = (v) => tipMillions(v, 1);

/** Okabe–Ito sky blue and orange: the two ends of a swing (not loss and profit). */
const END_COLOURS = { low: "#56B4E9", high: "#E69F00" };

/**
 * Bars from the output at the scenario's values (the base) to the output with one parameter at
 * its low and at its high end, largest swing at the top (bars from `tornadoBars`); every row of
 * the tornado in the table (rows from `tornadoTable`).
 */
export function tornadoChart(bars, { width, basePence, outputLabel, tableRows }) {
  const order = [...new Set(bars.map((d) => d.parameter))];
  const labels = new Map(bars.map((d) => [d.parameter, d.label]));
  const base = millions(basePence);
  const data = bars.map((d) => ({ ...d, base, value: millions(d.outputPence) }));
  const axis = labelAxis([...labels.values()], width);
  // 26 px a row, or more where a wrapped label and its neighbour's need it.
  const row = rowHeightFor(
    order.map((id) => labels.get(id) ?? id),
    axis.format,
    26,
  );
  const chart = plot({
    width,
    height: row * order.length + 70,
    marginLeft: axis.margin,
    marginRight: 20,
    ariaLabel: `Tornado: ${outputLabel} with each parameter at its low and its high end, largest swing first`,
    x: { label: `${outputLabel}, £m`, grid: true },
    y: { label: null, domain: order, tickFormat: (id) => axis.format(labels.get(id) ?? id) },
    color: {
      domain: ["low", "high"],
      range: [END_COLOURS.low, END_COLOURS.high],
      legend: true,
      tickFormat: (end) => `parameter at its ${end} end`,
    },
    marks: [
      Plot.barX(data, {
        y: "parameter",
        x1: "base",
        x2: "value",
        fill: "end",
        insetTop: 2,
        insetBottom: 2,
        title: (d) =>
          `${d.label} (${d.parameter})\n${d.end} end: ${d.input}\n→ ${money(d.value)} (base ${money(d.base)})\nstatus: ${d.status}; source: ${d.source}${d.note ? `\nheld in range: ${d.note}` : ""}`,
        tip: true,
      }),
      Plot.ruleX([base], { stroke: "currentColor", strokeWidth: 1.5 }),
      Plot.text([base], {
        x: (d) => d,
        frameAnchor: "top",
        dy: -12,
        text: () => `base ${money(base)}`,
        fontSize: 11,
      }),
    ],
  });
  return withTable(chart, tableRows, {
    caption: `every parameter's swing of ${outputLabel} (the chart shows the top ${order.length})`,
  });
}

/**
 * The output over a grid of two parameters as coloured rectangles on the parameters' own axes
 * (cells from `gridCells`), the scenario's own point marked. Profit (and any output that
 * changes sign) uses a diverging colour-blind-safe scheme (ColorBrewer RdBu) centred on zero,
 * losses red; other outputs a sequential one.
 */
export function gridHeatmap(cells, { width, grid, tableRows, outputName = grid.outputLabel }) {
  const data = cells.map((d) => ({ ...d, value: millions(d.valuePence) }));
  const values = data.map((d) => d.value);
  const diverging =
    grid.output.line === "profit" || (Math.min(...values) < 0 && Math.max(...values) > 0);
  const lineLabel = LINE_LABELS[grid.output.line] ?? grid.output.line;
  const xLabel = `${grid.x.label} (${grid.x.unit})`;
  const yLabel = `${grid.y.label} (${grid.y.unit})`;
  const own =
    grid.x.current !== null && grid.y.current !== null
      ? [{ x: grid.x.current, y: grid.y.current }]
      : [];
  const chart = plot({
    width,
    height: Math.min(560, Math.max(320, width * 0.6)),
    marginLeft: 70,
    marginBottom: 45,
    ariaLabel: `Heatmap of ${outputName} over ${grid.x.label} (across) and ${grid.y.label} (up)`,
    x: { label: xLabel, labelAnchor: "center", labelArrow: "none" },
    y: { label: yLabel, labelArrow: "none" },
    color: diverging
      ? {
          type: "diverging",
          scheme: "RdBu",
          pivot: 0,
          symmetric: true,
          legend: true,
          label: `${lineLabel}, £m`,
        }
      : { scheme: "YlGnBu", legend: true, label: `${lineLabel}, £m` },
    marks: [
      Plot.rect(data, {
        x1: "x1",
        x2: "x2",
        y1: "y1",
        y2: "y2",
        fill: "value",
        title: (d) =>
          `${grid.x.label}: ${d.x}\n${grid.y.label}: ${d.y}\n${outputName}: ${money(d.value)}`,
        tip: true,
      }),
      Plot.dot(own, { x: "x", y: "y", r: 6, stroke: "black", strokeWidth: 2, fill: "white" }),
      Plot.text(own, {
        x: "x",
        y: "y",
        text: () => "this scenario",
        dy: -14,
        fontWeight: "bold",
        stroke: "white",
        strokeWidth: 3,
        fill: "black",
      }),
    ],
  });
  // Each cell carries its point and exact value, so a test (or a user's tool) can read them.
  const rects = chart.querySelectorAll('g[aria-label="rect"] rect');
  if (rects.length === data.length)
    rects.forEach((rect, i) => {
      rect.setAttribute("data-x", String(data[i].x));
      rect.setAttribute("data-y", String(data[i].y));
      rect.setAttribute("data-pence", String(data[i].valuePence));
    });
  return withTable(chart, tableRows, { caption: `${outputName} at each grid point` });
}

/**
 * Each CRC's break-even value of the lever (dot) against its value now (ring), over the allowed
 * range (grey line); CRCs with none within the range show only their range and value now.
 */
export function breakEvenChart(rows, { width, label, unit, tableRows }) {
  const found = rows.filter((d) => d.breakEven !== null);
  const order = rows.map((d) => d.name);
  const axis = labelAxis(order, width);
  const chart = plot({
    width,
    height: rowHeightFor(order, axis.format, 24) * rows.length + 60,
    marginLeft: axis.margin,
    ariaLabel: `Break-even ${label} for each CRC against its value now`,
    x: { label: `${label} (${unit})`, grid: true },
    y: { label: null, domain: order, tickFormat: axis.format },
    marks: [
      Plot.ruleY(rows, {
        y: "name",
        x1: (d) => d.allowed.min,
        x2: (d) => d.allowed.max,
        stroke: "#bbb",
      }),
      Plot.dot(
        rows.filter((d) => d.current !== null),
        {
          y: "name",
          x: "current",
          r: 4,
          stroke: "currentColor",
          title: (d) => `${d.name}: now ${d.current}`,
        },
      ),
      Plot.dot(found, {
        y: "name",
        x: "breakEven",
        r: 4,
        fill: "#CC79A7",
        title: (d) => `${d.name}: profit is zero at ${d.breakEven}`,
        tip: true,
      }),
    ],
  });
  return withTable(chart, tableRows, { caption: `break-even ${label} by CRC` });
}
