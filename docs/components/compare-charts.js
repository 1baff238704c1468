// The Compare page's table and chart. Names are rendered as text only (textContent, Plot text).
import * as Plot from "@observablehq/plot";
import { plot } from "./a11y.js";
import { labelAxis, withTable } from "./charts.js";
import { OKABE_ITO } from "./palette.js";
import { formatMillions } from "./format.js";

const m = (pence) => pence / 1e8; // pence → £m for axes

function formatValue(unit, n) {
  return unit === "count" ? String(n) : formatMillions(n);
}

function formatDelta(unit, n) {
  if (n === 0) return unit === "count" ? "0" : "£0.0m";
  const sign = n > 0 ? "+" : "";
  return unit === "count" ? `${sign}${n}` : `${sign}${formatMillions(n)}`;
}

function formatPct(p) {
  if (p === null || p === undefined) return "—";
  if (p === 0) return "0%";
  return `${p > 0 ? "+" : "−"}${Math.abs(p).toFixed(1)}%`;
}

/** An element with text content only (names are never parsed as HTML). */
function el(tag, text, attrs = {}) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

/**
 * The side-by-side table: one row per metric; for each scenario its value, and for each
 * compared scenario the change from the baseline and the % change. Each cell carries its exact
 * number in data attributes (data-metric, data-scenario, data-kind, data-value). Built with the
 * DOM (text content only) so cells never depend on HTML parsing of table fragments.
 */
export function comparisonTable(wide, scenarios) {
  const table = el("table", undefined, { class: "compare-table", "data-testid": "compare-table" });
  const thead = table.appendChild(el("thead"));
  const top = thead.appendChild(el("tr"));
  top.appendChild(el("th", "Output", { rowspan: 2, scope: "col" }));
  scenarios.forEach((s, i) => {
    const th = top.appendChild(
      el("th", i === 0 ? `Baseline: ${s.label}` : s.label, {
        colspan: i === 0 ? 1 : 3,
        scope: "colgroup",
      }),
    );
    th.appendChild(el("br"));
    th.appendChild(el("code", s.hash.slice(0, 12), { class: "muted", title: s.hash }));
  });
  const sub = thead.appendChild(el("tr"));
  scenarios.forEach((s, i) => {
    sub.appendChild(el("th", "value", { class: "num", scope: "col" }));
    if (i > 0) {
      sub.appendChild(el("th", "change", { class: "num", scope: "col" }));
      sub.appendChild(el("th", "%", { class: "num", scope: "col" }));
    }
  });
  const tbody = table.appendChild(el("tbody"));
  for (const w of wide) {
    const tr = tbody.appendChild(el("tr"));
    tr.appendChild(el("th", w.label, { scope: "row" }));
    for (const c of w.cells) {
      const cell = (kind, text, value) =>
        tr.appendChild(
          el("td", text, {
            class: `num ${kind}`,
            "data-metric": c.metric,
            "data-scenario": c.scenario,
            "data-kind": kind,
            "data-value": value ?? "",
          }),
        );
      cell("value", formatValue(c.unit, c.value), c.value);
      if (!c.baseline) {
        cell("delta", formatDelta(c.unit, c.delta), c.delta);
        cell("pct", formatPct(c.pctChange), c.pctChange);
      }
    }
  }
  const wrap = el("div", undefined, { class: "compare-scroll" });
  wrap.appendChild(table);
  return wrap;
}

/** Each CRC's profit change from the baseline, one bar per compared scenario, grouped by CRC. */
export function crcDeltaChart(rows, { width, names, scenarios } = {}) {
  const data = rows.map((d) => ({ ...d, name: names.get(d.crc) ?? d.crc }));
  const labels = scenarios.map((s) => s.label);
  const crcNames = [...new Set(data.map((d) => d.name))];
  const axis = labelAxis(crcNames, width, 380);
  const bar = Math.max(8, Math.min(16, 60 / Math.max(1, scenarios.length)));
  const chart = plot({
    width,
    height: crcNames.length * (bar * scenarios.length + 8) + 60,
    marginLeft: axis.margin,
    ariaLabel: "Change in each CRC's contract-life profit from the baseline, per scenario",
    x: { label: "Change in profit from the baseline, £m", grid: true },
    y: { domain: labels, axis: null },
    fy: { label: null, domain: crcNames, tickFormat: axis.format },
    color: { legend: true, domain: labels, range: OKABE_ITO },
    marks: [
      Plot.barX(data, {
        fy: "name",
        y: "scenarioLabel",
        x: (d) => m(d.deltaPence),
        fill: "scenarioLabel",
        tip: { format: { x: (v) => `${v >= 0 ? "+" : ""}£${v.toFixed(2)}m`, y: false } },
        href: (d) => `./crcs/${d.crc}`,
        // Each bar is a link: its name, for a screen reader (the link holds only a <rect>).
        ariaLabel: (d) =>
          `${d.name}, ${d.scenarioLabel}: ${formatDelta("pence", d.deltaPence)}; open the CRC's page`,
      }),
      Plot.ruleX([0]),
    ],
  });
  return withTable(
    chart,
    data.map((d) => ({
      CRC: d.name,
      scenario: d.scenarioLabel,
      "baseline profit": formatMillions(d.basePence),
      profit: formatMillions(d.profitPence),
      change: formatDelta("pence", d.deltaPence),
    })),
    { caption: "profit change by CRC" },
  );
}
