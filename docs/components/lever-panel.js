// The Explorer's lever panel: one keyboard-operable slider (or month menu) per lever, grouped,
// each labelled with its unit and real range (said once), its value in words beside the number
// box (£, %, months), and its status (sourced / derived / assumed) with the source and reason in
// a disclosure that keyboard and touch users can open, linking to the Sources page (issue #16). The element's `value` is {leverId: value | null}; null = an optional lever
// left off. Only levers the user has touched appear in `value`: a slider snaps its starting value
// to its step, and an untouched lever must not change the scenario (nor its hash) by that rounding.
// Child inputs' "input" events bubble, so Framework's view() sees every move.
import * as Inputs from "@observablehq/inputs";
import { html } from "htl";
import { labelSliders } from "./a11y.js";
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

/** The value in its unit beside the number box ("£42,000,000", "20%"), updated as it moves. */
function readout(spec, input) {
  const out = html`<output class="lever-readout" aria-live="off"></output>`;
  const show = () => (out.textContent = leverReadout(spec.unit, input.value));
  input.addEventListener("input", show);
  show();
  return out;
}

const monthText = (m) => monthName(m);

function leverInput(spec) {
  const label = spec.heading ?? spec.label;
  if (spec.kind === "month")
    return Inputs.select(spec.months, { label, value: spec.value, format: monthText });
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
          <div class="lever-meta">
            ${spec.kind === "month" ? "" : readout(spec, input)}${statusBadge(spec)}${toggle ?? ""}
          </div>
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
