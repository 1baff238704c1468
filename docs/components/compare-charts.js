// The Compare page's table and charts, and its explanation of a change by fair shares (issue
// #17: the waterfall). Names are rendered as text only (textContent, Plot text, htl).
import * as Plot from "@observablehq/plot";
import { html } from "htl";
import { plot } from "./a11y.js";
import { labelAxis, linkedNameAxis, rowHeightFor, withTable } from "./charts.js";
import { exportable } from "./chart-export.js";
import { copyAsText, problemList, shell } from "./explain-panel.js";
import { LOSS, OKABE_ITO, PROFIT } from "./palette.js";
import { PENCE_PER_MILLION, formatChange, formatMillions, tipMillions } from "./format.js";
import {
  SPLITS,
  SPLIT_LABELS,
  attributionMethodText,
  formatAttribution,
  formatIssue,
  keptTogetherText,
  formatPence,
  waterfallSteps,
} from "./bundled/site.js";

const m = (pence) => pence / PENCE_PER_MILLION; // pence → £m for axes

function formatValue(unit, n) {
  return unit === "count" ? String(n) : formatMillions(n);
}

// One minus sign everywhere (U+2212), as formatMillions writes it (issue #16).
function formatDelta(unit, n) {
  if (n === 0) return unit === "count" ? "0" : "£0.0m";
  if (unit === "count") return `${n > 0 ? "+" : "−"}${Math.abs(n)}`;
  return formatChange(n);
}

/** "n/a" where compareScenarios gives no % (a zero, tiny or other-signed baseline). */
function formatPct(p) {
  if (p === null || p === undefined) return "n/a";
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
    // Each CRC's rows, or more where its wrapped name and a neighbour's need it.
    height: crcNames.length * rowHeightFor(crcNames, axis.format, bar * scenarios.length + 8) + 60,
    marginLeft: axis.margin,
    ariaLabel: "Change in each CRC's contract-life profit from the baseline, per scenario",
    x: { label: "Change in profit from the baseline, £m", grid: true },
    y: { domain: labels, axis: null },
    fy: { label: null, domain: crcNames },
    color: { legend: true, domain: labels, range: OKABE_ITO },
    marks: [
      linkedNameAxis(Plot.axisFy, {
        hrefOf: new Map(data.map((d) => [d.name, `./crcs/${d.crc}`])),
        tickFormat: axis.format,
      }),
      Plot.barX(data, {
        fy: "name",
        y: "scenarioLabel",
        x: (d) => m(d.deltaPence),
        fill: "scenarioLabel",
        tip: { format: { x: (v) => `${v > 0 ? "+" : ""}${tipMillions(v)}`, y: false } },
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

const TOTAL = "#6b6b6b";

/**
 * The waterfall from the baseline's figure to the scenario's (issue #17): the baseline and the
 * scenario as bars from 0, each group's fair share as a bar from the running total (rises in the
 * profit colour, falls in the loss colour), ± one standard error when the shares were sampled.
 */
export function waterfallChart(steps, { width, ariaLabel }) {
  const labels = steps.map((d) => d.label);
  const axis = labelAxis(labels, width, 300);
  const kind = (d) =>
    d.kind !== "part" ? "baseline or scenario" : d.changePence >= 0 ? "increase" : "decrease";
  const links = steps.slice(0, -2).map((d, i) => ({ x: m(d.endPence), from: i, to: i + 1 }));
  const sampled = steps.filter((d) => d.standardErrorPence !== null && d.standardErrorPence > 0);
  const chart = plot({
    width,
    // 34 px a step, or more where a wrapped name and its neighbour's need it (a narrow panel).
    height: rowHeightFor(labels, axis.format, 34) * steps.length + 60,
    marginLeft: axis.margin,
    marginRight: 70,
    ariaLabel,
    x: { label: "£m", grid: true },
    y: { label: null, domain: steps.map((d) => d.step), tickFormat: (i) => axis.format(labels[i]) },
    color: {
      legend: true,
      domain: ["baseline or scenario", "increase", "decrease"],
      range: [TOTAL, PROFIT, LOSS],
    },
    marks: [
      Plot.barX(steps, {
        y: "step",
        x1: (d) => m(d.startPence),
        x2: (d) => m(d.endPence),
        fill: kind,
        title: (d) =>
          `${d.label}: ${d.kind === "part" ? formatChange(d.changePence) : formatMillions(d.endPence)} (${formatPence(d.changePence)})`,
      }),
      Plot.link(links, {
        x1: "x",
        x2: "x",
        y1: "from",
        y2: "to",
        stroke: "currentColor",
        strokeOpacity: 0.5,
        strokeDasharray: "2,2",
      }),
      Plot.ruleY(sampled, {
        y: "step",
        x1: (d) => m(d.endPence - d.standardErrorPence),
        x2: (d) => m(d.endPence + d.standardErrorPence),
        stroke: "currentColor",
      }),
      Plot.text(steps, {
        y: "step",
        x: (d) => m(Math.max(d.startPence, d.endPence)),
        text: (d) => (d.kind === "part" ? formatChange(d.changePence) : formatMillions(d.endPence)),
        textAnchor: "start",
        dx: 4,
      }),
      Plot.ruleX([0]),
    ],
  });
  return withTable(
    chart,
    steps.map((d) => ({
      step: d.label,
      change: d.kind === "part" ? formatPence(d.changePence) : "",
      "running total": formatPence(d.endPence),
      ...(sampled.length
        ? {
            "± s.e.":
              d.standardErrorPence === null ? "" : formatPence(Math.round(d.standardErrorPence)),
          }
        : {}),
    })),
    { caption: "waterfall from the baseline to the scenario" },
  );
}

let refocusChooser = false;

/**
 * The choice of how a change is split (kept in the address as `_split`). The panel is drawn
 * again for the new split, so the new chooser takes the focus back from the old one.
 */
export function splitChooser(split, onChange) {
  const select = html`<select data-testid="delta-split">
    ${SPLITS.map((s) => html`<option value=${s} selected=${s === split}>${SPLIT_LABELS[s]}</option>`)}
  </select>`;
  select.addEventListener("change", () => {
    refocusChooser = true;
    onChange(select.value);
  });
  if (refocusChooser) {
    refocusChooser = false;
    requestAnimationFrame(() => select.focus());
  }
  return html`<p class="delta-split"><label>Split the change: ${select}</label></p>`;
}

/**
 * The panel for a change split into fair shares: the figure in each scenario, the waterfall
 * (with its exports), and each group's share. No interaction row: the shares add up exactly.
 * `result` is the worker's answer to `attributeDelta`; `context` the page's export context.
 */
export function attributionPanel({
  title,
  nameA,
  nameB,
  result,
  link,
  onClose,
  chooser,
  context,
  width = 640,
}) {
  const label = "Why the difference?";
  if (!result)
    return shell(html`<p aria-live="polite">Working out the difference…</p>`, {
      onClose,
      testid: "delta-panel",
      label,
    });
  if (!result.ok)
    return shell(
      problemList("This difference cannot be explained:", result.issues.map(formatIssue)),
      { onClose, testid: "delta-panel", label },
    );
  const d = result.value.attribution;
  const steps = waterfallSteps(d, nameA, nameB);
  const { text, copy, copied } = copyAsText(
    () =>
      `${title}\n${formatAttribution(d, nameA, nameB)}\nComputed by crc-scenarios (a model, not published accounts): ${link}\n`,
  );
  const money = (pence, testid) =>
    html`<strong class="num" data-pence=${pence} data-testid=${testid}
      >${formatPence(pence)}</strong
    >`;
  const sampled = !d.exact;
  const chartContext = context
    ? {
        ...context,
        // Only the two scenarios this change is between.
        scenarios: context.scenarios.filter((s) => s.role === "baseline" || s.name === nameB),
        url: link,
        ...(sampled ? { seed: d.sampling.seed, draws: d.sampling.permutations } : {}),
      }
    : null;
  const figure = html`<div data-testid="delta-waterfall">
    ${exportable(
      waterfallChart(steps, {
        width,
        ariaLabel: `Waterfall from ${nameA} to ${nameB}: ${title}`,
      }),
      { chart: "delta-waterfall", rows: steps, context: chartContext, who: title },
    )}
  </div>`;
  return shell(
    html`<div data-testid="delta-figure" data-method="shapley" data-level=${d.level}>
      <p class="explain-title">${title}</p>
      ${chooser ?? ""}
      <table class="explain-inputs">
        <tbody>
          <tr>
            <th>${nameA}</th>
            <td class="num">${money(d.amountAPence, "delta-a")}</td>
          </tr>
          <tr>
            <th>${nameB}</th>
            <td class="num">${money(d.amountBPence, "delta-b")}</td>
          </tr>
          <tr>
            <th>Difference (${nameB} − ${nameA})</th>
            <td class="num">${money(d.deltaPence, "delta-amount")}</td>
          </tr>
        </tbody>
      </table>
      <p data-testid="delta-method">
        ${attributionMethodText(d)
          .replace(/^fair shares/, "Fair shares")
          .replaceAll("from A to B", `from ${nameA}'s values to ${nameB}'s`)}.
        Each share is rounded to whole pence so that they add up to the difference to the penny.
      </p>
      ${figure}
      <table class="explain-inputs" data-testid="delta-parts">
        <thead>
          <tr>
            <th>${d.level === "group" ? "Group" : "Parameter"}</th>
            <th>${d.level === "group" ? "Parameters" : "From → to"}</th>
            <th class="num">Fair share</th>
            ${sampled ? html`<th class="num">± s.e.</th>` : ""}
          </tr>
        </thead>
        <tbody>
          ${d.parts.map(
            (p) =>
              html`<tr data-param=${p.group}>
                <td>
                  ${p.label}${p.label !== p.group ? html`<br /><code class="muted">${p.group}</code>` : ""}
                  <div class="muted">
                    ${p.changedValues} CRC-year value${p.changedValues === 1 ? "" : "s"} differ
                  </div>
                  ${p.keptTogether ? html`<div class="muted" data-testid="kept-together">${keptTogetherText(p.keptTogether, nameA, nameB)}</div>` : ""}
                </td>
                <td>
                  ${
                    d.level === "group" || p.params.length > 1
                      ? p.params.map((x, i) => html`${i ? html`<br />` : ""}<code>${x}</code>`)
                      : html`<code>${p.from}</code> → <code>${p.to}</code>`
                  }
                </td>
                <td class="num" data-pence=${p.pence}>${formatPence(p.pence)}</td>
                ${
                  sampled
                    ? html`<td class="num" data-se=${p.standardErrorPence}>
                        ${formatPence(Math.round(p.standardErrorPence))}
                      </td>`
                    : ""
                }
              </tr>`,
          )}
        </tbody>
      </table>
      ${d.parts.length ? "" : html`<p>No parameter differs between the two scenarios.</p>`}
      <p class="muted">
        Values are in engine units (pence, shares, month numbers from Feb 2015 = 0). See
        <a href="./methodology#fair-shares-of-a-difference-shapley-values"
          >Methodology: fair shares of a difference</a
        >.
      </p>
      <div class="save-bar">
        ${copy}<a href=${link} data-testid="explain-link">Link to this explanation</a>${copied}
      </div>
      ${text}
    </div>`,
    { onClose, testid: "delta-panel", label },
  );
}
