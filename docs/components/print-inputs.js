// Print-only blocks (docs/style.css `@media print`): on paper the sliders and pickers are hidden,
// so the page states what it shows: a citation line, and the scenario's inputs as a table of
// values (src/site/scenario-inputs.ts builds the rows). Text only: names are never parsed as HTML.
import { html } from "htl";
import { MODEL_VERSION, PARAMETER_GROUPS, chartSources, citationText } from "./bundled/site.js";

/** "crc-scenarios 0.1.0, “Overview”, scenario “…” (hash …). Generated …. <address>" */
export function printCitation(title, context) {
  const text = citationText({
    title,
    scenarios: context.scenarios,
    modelVersion: MODEL_VERSION,
    seed: context.seed,
    draws: context.draws,
    generatedAt: new Date(),
    sources: chartSources(context.dataset, PARAMETER_GROUPS),
    url: context.url,
    sourcesUrl: `${context.root}sources`,
  });
  return html`<p class="print-only print-citation" data-testid="print-citation">${text}</p>`;
}

const SET_BY = { scenario: "set by the scenario", data: "data default" };

/** One scenario's inputs: group, input, value, unit, where the value comes from. */
export function printInputs(rows, { caption = "Inputs of this scenario" } = {}) {
  return html`<section class="print-only print-inputs" data-testid="print-inputs">
    <h2>${caption}</h2>
    <table>
      <thead>
        <tr>
          <th>Group</th>
          <th>Input</th>
          <th>Value</th>
          <th>Unit</th>
          <th>From</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (r) =>
            html`<tr class=${r.setBy === "scenario" ? "set" : ""}>
              <td>${r.group}</td>
              <td>${r.label}</td>
              <td>${r.value}</td>
              <td>${r.unit}</td>
              <td>${SET_BY[r.setBy]}${r.status ? ` (${r.status})` : ""}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}

/** Several scenarios' inputs side by side (Compare); rows where they differ are marked. */
export function printInputsComparison(
  rows,
  labels,
  { caption = "Inputs of the compared scenarios" } = {},
) {
  return html`<section class="print-only print-inputs" data-testid="print-inputs">
    <h2>${caption}</h2>
    <table>
      <thead>
        <tr>
          <th>Input</th>
          <th>Unit</th>
          ${labels.map((l) => html`<th>${l}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (r) =>
            html`<tr class=${r.differs ? "set" : ""}>
              <td>${r.label}</td>
              <td>${r.unit}</td>
              ${r.values.map((v) => html`<td>${v}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table>
    <p class="muted">
      Marked rows differ between the scenarios; “not set” means that scenario uses its national
      value.
    </p>
  </section>`;
}
