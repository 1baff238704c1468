// Charts of the Calibration page's posterior (issue #14): a back-test of one vintage, each figure
// published later drawn as the model's 5–95% (fitted to what was public then) over the prior's,
// with the published figure as a dot. Wrapped with its data table (`withTable`) as its text
// alternative.
import * as Plot from "@observablehq/plot";
import { html } from "htl";
import { plot } from "./a11y.js";
import { withTable } from "./charts.js";
import { LOSS, PROFIT } from "./palette.js";

const GROUPS = ["Losses", "Fees and values"];
const PRIOR_GREY = "#c4c4c4";
const PUBLISHED = "#000000";

/** The key of the chart's colours, for a vintage named `label` ("September 2016"). */
function keyOf(label) {
  return {
    prior: "prior alone, 5–95%",
    fitted: `fitted to what was public by ${label}, 5–95% and median`,
    covered: "published figure, covered",
    missed: "published figure, not covered",
  };
}

/** One panel (a group of targets on its own £m axis). */
function panel(rows, { width, label, group, legend }) {
  const key = keyOf(label);
  return plot({
    width,
    height: 46 + rows.length * 30,
    marginLeft: 210,
    marginRight: 20,
    ariaLabel: `Back-test as of ${label}, ${group.toLowerCase()}: each later figure's 5–95% range from the model against the published figure`,
    x: { label: `${group}, £m`, grid: true },
    y: { label: null, domain: rows.map((d) => d.target) },
    color: {
      legend,
      domain: Object.values(key),
      range: [PRIOR_GREY, PROFIT, PUBLISHED, LOSS],
    },
    marks: [
      Plot.ruleX([0], { stroke: "#888" }),
      Plot.ruleY(rows, {
        y: "target",
        x1: "priorP5",
        x2: "priorP95",
        stroke: () => key.prior,
        strokeWidth: 14,
      }),
      Plot.ruleY(rows, {
        y: "target",
        x1: "p5",
        x2: "p95",
        stroke: () => key.fitted,
        strokeWidth: 5,
      }),
      Plot.tickX(rows, { y: "target", x: "p50", stroke: () => key.fitted, strokeWidth: 2 }),
      Plot.dot(rows, {
        y: "target",
        x: "published",
        r: 5,
        fill: (d) => (d.covers ? key.covered : key.missed),
        stroke: "white",
      }),
      Plot.tip(
        rows,
        Plot.pointerY({
          y: "target",
          x: "published",
          title: (d) =>
            `${d.target}\npublished ${d.publishedText}\nmodel 5–50–95%: ${d.intervalText}\n${d.covers ? "covered" : "not covered"}`,
        }),
      ),
    ],
  });
}

/** The back-test of one vintage: a panel for the losses and one for fees and values, in £m. */
export function backTestChart(points, { width, label }) {
  const panels = GROUPS.map((group) => [group, points.filter((d) => d.group === group)])
    .filter(([, rows]) => rows.length > 0)
    .map(([group, rows], i) => panel(rows, { width, label, group, legend: i === 0 }));
  return withTable(
    html`<div class="back-test">${panels}</div>`,
    points.map((d) => ({
      target: d.target,
      published: d.publishedText,
      "model 5–50–95%": d.intervalText,
      covered: d.covers ? "yes" : "no",
    })),
    { caption: `back-test as of ${label}` },
  );
}
