// Charts of a Monte Carlo summary (the Uncertainty page): a fan chart of a line by year, the
// probability of loss per CRC or owner, and the distribution of the number of loss-making CRCs.
// Each is wrapped with its data table (`withTable`) as its text alternative.
import * as Plot from "@observablehq/plot";
import { plot } from "./a11y.js";
import { labelAxis, rowHeightFor, withTable, yearAxis } from "./charts.js";
import { LINE_LABELS, LOSS, PROFIT } from "./palette.js";
import { tipMillions } from "./format.js";

const money = (v) => tipMillions(v, 1);
const percent = (p) => `${(100 * p).toFixed(1)}%`;

/** P5–P95 and P25–P75 bands with the median line, by financial year (rows from `fanRows`). */
export function fanChart(rows, { width, line }) {
  const label = LINE_LABELS[line] ?? line;
  const chart = plot({
    width,
    height: 300,
    marginLeft: 60,
    ariaLabel: `All CRCs: ${label} by financial year, median with 50% and 90% bands`,
    ...yearAxis(width),
    x: { ...yearAxis(width).x, padding: 0 },
    y: { label: "£m", grid: true },
    marks: [
      Plot.areaY(rows, {
        x: "year",
        y1: "p5",
        y2: "p95",
        fill: PROFIT,
        fillOpacity: 0.18,
        curve: "step",
      }),
      Plot.areaY(rows, {
        x: "year",
        y1: "p25",
        y2: "p75",
        fill: PROFIT,
        fillOpacity: 0.35,
        curve: "step",
      }),
      Plot.lineY(rows, { x: "year", y: "p50", stroke: PROFIT, strokeWidth: 2, curve: "step" }),
      Plot.ruleY([0]),
      Plot.tip(
        rows,
        Plot.pointerX({
          x: "year",
          y: "p50",
          title: (d) => `${d.year}\nP5 ${money(d.p5)} · P50 ${money(d.p50)} · P95 ${money(d.p95)}`,
        }),
      ),
    ],
  });
  return withTable(
    chart,
    rows.map((d) => ({
      year: d.year,
      P5: money(d.p5),
      P25: money(d.p25),
      median: money(d.p50),
      P75: money(d.p75),
      P95: money(d.p95),
      mean: money(d.mean),
    })),
    { caption: `${label}, all CRCs, by year (percentiles over the draws)` },
  );
}

/** Probability of a contract-life loss, one bar per CRC or owner (rows from `crcLossRows`). */
export function lossProbabilityChart(rows, { width, who }) {
  const axis = labelAxis(
    rows.map((d) => d.name),
    width,
  );
  // 24 px a row, or more where a wrapped name and its neighbour's need it.
  const row = rowHeightFor(
    rows.map((d) => d.name),
    axis.format,
    24,
  );
  const chart = plot({
    width,
    height: Math.max(120, row * rows.length + 40),
    marginLeft: axis.margin,
    ariaLabel: `Probability that each ${who} loses money over the contract`,
    x: {
      label: "Probability of a loss over the contract",
      domain: [0, 100],
      percent: true,
      grid: true,
    },
    y: { label: null, domain: rows.map((d) => d.name), tickFormat: axis.format },
    marks: [
      Plot.barX(rows, {
        y: "name",
        x: "pLoss",
        fill: LOSS,
        tip: { format: { x: (v) => percent(v / 100), y: true } },
      }),
      Plot.ruleX([0]),
    ],
  });
  return withTable(
    chart,
    rows.map((d) => ({
      [who]: d.name,
      "P(loss)": percent(d.pLoss),
      "profit P5": money(d.p5),
      median: money(d.p50),
      P95: money(d.p95),
    })),
    { caption: `probability of loss by ${who}` },
  );
}

/** P(k CRCs lose money), k = 0…21 (rows from `lossCountRows`). */
export function lossCountChart(rows, { width }) {
  const chart = plot({
    width,
    height: 220,
    marginLeft: 50,
    ariaLabel: "Distribution of the number of loss-making CRCs over the draws",
    x: { label: "Number of CRCs losing money over the contract", type: "band" },
    y: { label: "Probability (%)", percent: true, grid: true },
    marks: [
      Plot.barY(rows, {
        x: "k",
        y: "probability",
        fill: LOSS,
        tip: { format: { y: (v) => percent(v / 100) } },
      }),
      Plot.ruleY([0]),
    ],
  });
  return withTable(
    chart,
    rows
      .filter((d) => d.probability > 0)
      .map((d) => ({ "loss-making CRCs": d.k, probability: percent(d.probability) })),
    { caption: "number of loss-making CRCs" },
  );
}
