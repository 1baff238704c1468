// A chart that follows a scenario as its levers move (the Explorer; issue #5: input → chart
// ≤ 50 ms, no long tasks). The figure — its export toolbar, its data table's <details> — is built
// once and stays; a new result redraws only the plot inside it:
// - no template parsing or toolbar building per move, and the page around keeps its layout;
// - the plot is drawn in the same task as the result, at the width measured last (a width
//   change — window resized, sidebar toggled — redraws it);
// - a chart the reader cannot see is not drawn on a move: it is drawn when it scrolls into view
//   or when the page is next idle, so what it shows is never stale for long;
// - the data table (the chart's text alternative) is built when the reader opens it, and
//   rebuilt on a move only while it is open.
// The toolbar's exports read the current rows and context when pressed (chart-export.js).
import { html } from "htl";
import { dataTable } from "./a11y.js";
import { exportable } from "./chart-export.js";
import { FOCUS_KEY, keyedElement } from "./focus-key.js";

const visibility =
  typeof IntersectionObserver === "function"
    ? new IntersectionObserver(
        (entries) => {
          for (const entry of entries) entry.target.seen(entry.isIntersecting);
        },
        // Only what the reader can see: a chart below is drawn as it scrolls in (or when idle).
        { rootMargin: "0px" },
      )
    : null;

const idle =
  typeof requestIdleCallback === "function"
    ? (f) => requestIdleCallback(f, { timeout: 1000 })
    : (f) => setTimeout(f, 200);

/**
 * A live chart figure. `parts`: {plot(rows, {width, ...options}), table(rows), caption} (charts.js);
 * `chart`: its catalog id for the exports; `options`: passed to `plot` on every drawing.
 * `figure.update(rowsOf, context)` shows a new result: `rowsOf()` builds the chart's rows, called
 * at most once per result and only if something needs them (a drawing, the table, a CSV).
 */
export function liveChart({ parts, chart, options = {} }) {
  const area = html`<div class="live-chart-plot" style="min-height: 300px"></div>`;
  const details = html`<details><summary>Data table: ${parts.caption}</summary></details>`;
  const figure = html`<figure class="chart">${area}${details}</figure>`;

  let rows = null; // () => the current result's rows (memoised)
  let context = null;
  let onScreen = !visibility; // without an observer, always draw
  let width = null; // measured
  let drawn = { rows: null, width: null }; // what the plot shows
  let tabled = null; // the rows the open table shows

  const draw = () => {
    if (!rows || !width || (drawn.rows === rows && drawn.width === width)) return;
    // A bar with the focus (one that opened an explanation, say) is replaced by the redraw: the
    // focus goes to the element standing for the same thing in the new plot (its focus key, not
    // its name: focus-key.js), not to the page (issue #16).
    const active = document.activeElement;
    const focused = active && area.contains(active) ? active.getAttribute(FOCUS_KEY) : null;
    area.replaceChildren(parts.plot(rows(), { ...options, width }));
    if (focused !== null) keyedElement(area, focused)?.focus();
    area.style.minHeight = "";
    drawn = { rows, width };
  };
  const fillTable = () => {
    if (!rows || !details.open || tabled === rows) return;
    const table = dataTable(
      parts.table(rows()),
      { rows: 12, layout: "auto" },
      `Data table: ${parts.caption}`,
    );
    details.replaceChildren(details.firstElementChild, table);
    tabled = rows;
  };
  details.addEventListener("toggle", fillTable);

  new ResizeObserver(([entry]) => {
    const w = Math.floor(entry.contentRect.width);
    if (!w || w === width) return;
    width = w;
    if (onScreen) draw();
  }).observe(area);
  figure.seen = (visible) => {
    onScreen = visible;
    if (visible) draw();
  };
  visibility?.observe(figure);

  figure.update = (rowsOf, nextContext) => {
    context = nextContext;
    let built;
    const next = () => (built ??= rowsOf());
    if (rowsOf === rows?.source) return figure; // same result, new context (e.g. the address)
    next.source = rowsOf;
    rows = next;
    if (onScreen) draw();
    else
      idle(() => {
        if (rows === next) draw();
      });
    fillTable();
    return figure;
  };

  return exportable(figure, { chart, rows: () => rows?.(), context: () => context });
}
