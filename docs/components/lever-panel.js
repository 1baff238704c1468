// The Explorer's lever panel: one keyboard-operable slider (or month menu) per lever, grouped,
// each labelled with its unit and real range (said once), its value in words beside the number
// box (£, %, months), and its status (sourced / derived / assumed) with the source and reason in
// a disclosure that keyboard and touch users can open, linking to the Sources page (issue #16).
// The element's `value` is {leverId: value | null}; null = an optional lever left at each CRC's
// own value. Only levers the user has touched appear in `value`: a slider snaps its starting value
// to its step, and an untouched lever must not change the scenario (nor its hash) by that rounding.
// Child inputs' "input" events bubble, so Framework's view() sees every move.
import * as Inputs from "@observablehq/inputs";
import { html } from "htl";
import { labelSliders } from "./a11y.js";
import { namedSelect } from "./named-select.js";
import { leverReadout, monthName } from "./bundled/site.js";

/** The status badge and, behind it, the source and the reason in words, with a link to the
 * source on the Sources page: a <details>, so a keyboard, a touch or a screen reader opens it. */
function statusBadge(spec) {
  const source = spec.sourceId
    ? html`<p>Source: <a href=${`./sources#source-${spec.sourceId}`}>${spec.source}</a></p>`
    : html`<p>
        No published source: ${spec.status === "assumed" ? "an assumption" : "see the reason"}.
      </p>`;
  const reason = spec.readerReason ? html`<p>Why: ${spec.readerReason}</p>` : "";
  return html`<details class="lever-why" data-testid="lever-why">
    <summary>
      <span class="status status-${spec.status}">${spec.status}</span
      ><span class="lever-why-more"> source and reason</span>
    </summary>
    ${source}${reason}
  </details>`;
}

const monthText = (m) => monthName(m);

/**
 * A month lever: a menu whose options' values are the months themselves ("2017-08"), not their
 * positions (namedSelect). Its `value` is the chosen "YYYY-MM", as the lever's value, the address
 * and saved scenarios hold it.
 */
function monthSelect(spec, label) {
  const el = namedSelect(spec.months, {
    label,
    format: monthText,
    value: String(spec.value),
    id: `lever-${spec.id}`,
  });
  el.dataset.testid = "month-lever";
  return el;
}

function leverInput(spec) {
  const label = spec.heading ?? spec.label;
  if (spec.kind === "month") return monthSelect(spec, label);
  return labelSliders(
    Inputs.range([Number(spec.min), Number(spec.max)], {
      label,
      step: spec.step,
      value: Number(spec.value),
    }),
  );
}

/** A lever's value as a reader reads it: its unit's words, or "each CRC's own" when off. */
function valueText(spec, value) {
  if (value === null) return "each CRC's own";
  return spec.kind === "month" ? monthText(value) : leverReadout(spec.unit, value);
}

/**
 * For a lever the data gives per CRC (the volume shortfall by year): which value the model uses
 * is a choice the reader sees (issue #16). "Each CRC's own" says the spread of the values the
 * model uses; "One value for every CRC" shows the slider. `value` is true for one value.
 */
function scopeChoice(spec, spread) {
  const name = `scope-${spec.id}`;
  const own = spread
    ? `Each CRC's own value: ${valueText(spec, spread.min)} to ${valueText(spec, spread.max)} across ${spread.count} CRCs (median ${valueText(spec, spread.median)})`
    : "Each CRC's own value";
  const el = html`<fieldset class="lever-scope" data-testid="lever-scope">
    <legend>Which value the model uses</legend>
    <label><input type="radio" name=${name} value="own" /> ${own}</label>
    <label><input type="radio" name=${name} value="one" /> One value for every CRC</label>
  </fieldset>`;
  const [ownInput, oneInput] = el.querySelectorAll("input");
  Object.defineProperty(el, "value", {
    get: () => oneInput.checked,
    set: (one) => {
      oneInput.checked = !!one;
      ownInput.checked = !one;
    },
  });
  el.value = spec.enabled;
  return el;
}

/** Same value? Numbers by value (a slider gives 0.2 for a preset's 0.2), months as text. */
const same = (a, b) =>
  a === b || (a !== null && b !== null && typeof b === "number" && Number(a) === b);

/**
 * The lever panel. `preset`: {title, values: Map(id → value | null)}, the preset the scenario
 * starts from, so each lever that differs from it is marked (null = each CRC's own value).
 * `spreads`: Map(id → {min, max, median, count}) of the per-CRC values an optional lever
 * stands in for. The element's `setValues(value)` puts the levers at a `value` as the element
 * gives it (levers not named go back to their base value) and announces one "input".
 */
export function leverPanel(specs, groups, { preset, spreads } = {}) {
  const controls = new Map();
  const touched = new Set();
  const refreshers = [];
  const current = (id) => {
    const { input, toggle } = controls.get(id);
    return toggle && !toggle.value ? null : input.value;
  };
  const sections = groups.map((group) => {
    const rows = specs
      .filter((s) => s.group === group.id)
      .map((spec) => {
        const input = leverInput(spec);
        const toggle = spec.optional ? scopeChoice(spec, spreads?.get(spec.id)) : null;
        const out =
          spec.kind === "month"
            ? ""
            : html`<output class="lever-readout" aria-live="off"></output>`;
        const mark = html`<span
          class="lever-changed-tag"
          data-testid="lever-changed"
          hidden
        ></span>`;
        const row = html`<div class="lever" data-lever=${spec.id}>
          ${input}${toggle ?? ""}
          <div class="lever-meta">${out}${statusBadge(spec)}${mark}</div>
        </div>`;
        const refresh = () => {
          const one = !toggle || toggle.value;
          for (const el of input.querySelectorAll("input, select")) el.disabled = !one;
          const box = input.querySelector("div");
          // Inputs styles the box as flex, which the hidden attribute alone does not undo.
          if (box) box.style.display = one ? "" : "none";
          if (out) {
            out.hidden = !one;
            out.textContent = leverReadout(spec.unit, input.value);
          }
          const before = preset?.values.get(spec.id);
          // An untouched lever is at its base value (its slider may show it rounded to a step).
          const now = touched.has(spec.id) ? current(spec.id) : spec.enabled ? spec.value : null;
          const changed = before !== undefined && !same(now, before);
          row.classList.toggle("lever-changed", changed);
          mark.hidden = !changed;
          mark.textContent = changed ? `Changed; ${preset.title}: ${valueText(spec, before)}` : "";
        };
        controls.set(spec.id, { spec, input, toggle, refresh });
        refreshers.push(refresh);
        input.addEventListener("input", () => {
          touched.add(spec.id);
          refresh();
        });
        toggle?.addEventListener("input", () => {
          touched.add(spec.id);
          refresh();
        });
        return row;
      });
    return rows.length
      ? html`<details class="lever-group" open>
          <summary>${group.title}</summary>
          ${rows}
        </details>`
      : "";
  });
  const panel = html`<div class="lever-panel" role="group" aria-label="Scenario levers">
    ${sections}
  </div>`;
  Object.defineProperty(panel, "value", {
    get() {
      const value = {};
      for (const id of controls.keys()) if (touched.has(id)) value[id] = current(id);
      return value;
    },
  });
  panel.setValues = (value) => {
    for (const [id, { spec, input, toggle }] of controls) {
      const v = value[id];
      if (v === undefined) touched.delete(id);
      else touched.add(id);
      if (toggle) toggle.value = v === undefined ? spec.enabled : v !== null;
      input.value =
        v === undefined || v === null
          ? spec.kind === "month"
            ? spec.value
            : Number(spec.value)
          : v;
    }
    for (const refresh of refreshers) refresh();
    panel.dispatchEvent(new Event("input", { bubbles: true }));
  };
  /** The levers that differ from the preset, by id. */
  panel.changedIds = () =>
    [...panel.querySelectorAll(".lever.lever-changed")].map((row) => row.dataset.lever);
  for (const refresh of refreshers) refresh();
  return panel;
}
