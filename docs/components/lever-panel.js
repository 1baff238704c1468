// The Explorer's lever panel: one keyboard-operable slider (or month menu) per lever, grouped,
// each labelled with its unit and showing its status (sourced / derived / assumed) with the source
// or reason on hover. The element's `value` is {leverId: value | null}; null = an optional lever
// left off. Only levers the user has touched appear in `value`: a slider snaps its starting value
// to its step, and an untouched lever must not change the scenario (nor its hash) by that rounding.
// Child inputs' "input" events bubble, so Framework's view() sees every move.
import * as Inputs from "@observablehq/inputs";
import { html } from "htl";
import { labelSliders } from "./a11y.js";

const UNIT_TEXT = {
  share: "share, 0–1",
  GBP: "£",
  GBP_per_year: "£ a year",
  GBP_per_point: "£ per point",
  months: "months",
  weeks: "weeks",
  years: "years",
  points: "points",
  percent: "%",
  ratio: "× reported",
  date_month: "month",
  count: "count",
  people_per_FTE: "people per FTE",
};

function statusBadge(spec) {
  const detail = [spec.source && `Source: ${spec.source}`, spec.reason && `Reason: ${spec.reason}`]
    .filter(Boolean)
    .join("\n");
  return html`<span
    class="status status-${spec.status}"
    title=${detail}
    tabindex="0"
    aria-label=${`${spec.status}. ${detail}`}
    >${spec.status}</span
  >`;
}

function leverInput(spec) {
  const label = `${spec.label} (${UNIT_TEXT[spec.unit] ?? spec.unit})`;
  if (spec.kind === "month") return Inputs.select(spec.months, { label, value: spec.value });
  return labelSliders(
    Inputs.range([Number(spec.min), Number(spec.max)], {
      label,
      step: spec.step,
      value: Number(spec.value),
    }),
  );
}

export function leverPanel(specs, groups) {
  const controls = new Map();
  const touched = new Set();
  const sections = groups.map((group) => {
    const rows = specs
      .filter((s) => s.group === group.id)
      .map((spec) => {
        const input = leverInput(spec);
        let toggle = null;
        if (spec.optional) {
          toggle = Inputs.toggle({ label: "Set for every CRC", value: spec.enabled });
          const sync = () => {
            for (const el of input.querySelectorAll("input, select")) el.disabled = !toggle.value;
          };
          toggle.addEventListener("input", sync);
          sync();
        }
        controls.set(spec.id, { spec, input, toggle });
        input.addEventListener("input", () => touched.add(spec.id));
        toggle?.addEventListener("input", () => touched.add(spec.id));
        return html`<div class="lever" data-lever=${spec.id}>
          ${input}
          <div class="lever-meta">${statusBadge(spec)}${toggle ?? ""}</div>
        </div>`;
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
      for (const [id, { input, toggle }] of controls) {
        if (touched.has(id)) value[id] = toggle && !toggle.value ? null : input.value;
      }
      return value;
    },
  });
  return panel;
}
