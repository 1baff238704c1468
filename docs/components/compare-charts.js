// The Compare page's table and chart. Names are rendered as text only (htl escapes them).
import * as Plot from "@observablehq/plot";
import { html } from "htl";
import { withTable } from "./charts.js";
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

/**
 * The side-by-side table: one row per metric; for each scenario its value, and for each
 * compared scenario the change from the baseline and the % change. Each cell carries its exact
 * number in data attributes (data-metric, data-scenario, data-kind, data-value).
 */
export function comparisonTable(wide, scenarios) {
  const cell = (c, kind, text, value) =>
    html`<td
      class="num"
      data-metric=${c.metric}
      data-scenario=${c.scenario}
      data-kind=${kind}
      data-value=${value ?? ""}
    >
      ${text}
    </td>`;
  return html`<div class="compare-scroll">
    <table class="compare-table" data-testid="compare-table">
      <thead>
        <tr>
          <th rowspan="2">Output</th>
          ${scenarios.map(
            (s, i) =>
              html`<th colspan=${i === 0 ? 1 : 3} scope="colgroup">
                ${i === 0 ? "Baseline: " : ""}${s.label}<br /><code class="muted"
                  >${s.hash.slice(0, 12)}</code
                >
              </th>`,
          )}
        </tr>
        <tr>
          ${scenarios.map((s, i) =>
            i === 0
              ? html`<th class="num">value</th>`
              : html`<th class="num">value</th>
                  <th class="num">change</th>
                  <th class="num">%</th>`,
          )}
        </tr>
      </thead>
      <tbody>
        ${wide.map(
          (w) =>
            html`<tr>
              <th scope="row">${w.label}</th>
              ${w.cells.map((c) =>
                c.baseline
                  ? cell(c, "value", formatValue(c.unit, c.value), c.value)
                  : html`${cell(c, "value", formatValue(c.unit, c.value), c.value)}${cell(
                      c,
                      "delta",
                      formatDelta(c.unit, c.delta),
                      c.delta,
                    )}${cell(c, "pct", formatPct(c.pctChange), c.pctChange)}`,
              )}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** Each CRC's profit change from the baseline, one bar per compared scenario, grouped by CRC. */
export function crcDeltaChart(rows, { width, names, scenarios } = {}) {
  const data = rows.map((d) => ({ ...d, name: names.get(d.crc) ?? d.crc }));
  const labels = scenarios.map((s) => s.label);
  const crcNames = [...new Set(data.map((d) => d.name))];
  const bar = Math.max(8, Math.min(16, 60 / Math.max(1, scenarios.length)));
  const chart = Plot.plot({
    width,
    height: crcNames.length * (bar * scenarios.length + 8) + 60,
    marginLeft: Math.min(260, 12 + 6.6 * Math.max(...crcNames.map((n) => n.length))),
    ariaLabel: "Change in each CRC's contract-life profit from the baseline, per scenario",
    x: { label: "Change in profit from the baseline, £m", grid: true },
    y: { domain: labels, axis: null },
    fy: { label: null, domain: crcNames },
    color: { legend: true, domain: labels, range: OKABE_ITO },
    marks: [
      Plot.barX(data, {
        fy: "name",
        y: "scenarioLabel",
        x: (d) => m(d.deltaPence),
        fill: "scenarioLabel",
        tip: { format: { x: (v) => `${v >= 0 ? "+" : ""}£${v.toFixed(2)}m`, y: false } },
        href: (d) => `./crcs/${d.crc}`,
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
