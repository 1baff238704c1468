// "Explain this number" (issue #8): the panel that says why a figure has its value — the rule
// with its Methodology section, the inputs with their values, status and sources, and for a
// roll-up its parts, each opened step by step (details/summary) down to a cell's rule. The tree
// is the engine's (`explainFigure`, through the worker); deeper steps are asked for as they are
// opened. Names and sources are rendered as text only (htl escapes them).
import { html } from "htl";
import {
  EXPLAIN_VIEW_KEY,
  MODEL_VERSION,
  encodeExplainParam,
  encodeScenarioQuery,
  explanationText,
  figureTitle,
  formatDelta,
  formatIssue,
  keptTogetherText,
  formatPence,
  graft,
  inputLabel,
  inputSource,
  inputStatus,
  inputValueText,
  methodologySection,
  nodeAt,
  partLabel,
  readerReason,
  ruleWords,
  sourceAnchor,
  sourceEntries,
  withModelVersion,
} from "./bundled/site.js";
import { focusKeyOf, keyedElement, withFocusKey } from "./focus-key.js";

let focusPending = false;

/**
 * The figure (button, bar or label) that opened the panel, and its focus key (focus-key.js) to
 * find the element standing for it if the page has drawn it afresh meanwhile: focus goes back
 * to it when the panel closes (issue #16). Not its accessible name: another element may share it.
 */
let opener = null;

function rememberOpener() {
  const el = document.activeElement;
  if (!el || el === document.body || el.closest?.(".explain-panel")) return;
  opener = { el, key: focusKeyOf(el) };
}

/** The opener `o` if it is still on the page, else the element now standing for it, if any. */
function findOpener(o) {
  if (!o) return null;
  if (o.el.isConnected) return o.el;
  if (o.key === null) return null;
  const main = document.getElementById("observablehq-main") ?? document.body;
  return keyedElement(main, o.key, (e) => e.closest(".explain-panel") !== null);
}

/**
 * Close, then give the focus back to the figure that opened the panel. The page widens again
 * as the panel goes and its charts redraw: a live chart (live-chart.js) moves the focus to the
 * bar that stands for the focused one itself. A chart drawn afresh by `resize` replaces its
 * bars outright, so until the reader moves the focus (or for a second), a focused opener that
 * leaves the page hands the focus to its successor: one check per change to the page, not a
 * poll.
 */
function closeAndReturn(onClose) {
  onClose();
  const wanted = opener;
  opener = null;
  if (!wanted) return;
  requestAnimationFrame(() => {
    const el = findOpener(wanted);
    if (!el) return;
    el.focus();
    followReplacement(el, wanted);
  });
}

/** While `el` has the focus, give it to the element standing for it if `el` is replaced. */
function followReplacement(el, wanted) {
  const main = document.getElementById("observablehq-main") ?? document.body;
  let current = el;
  const stop = () => {
    watcher.disconnect();
    document.removeEventListener("focusin", moved);
    clearTimeout(timer);
  };
  const moved = (event) => {
    if (event.target !== current) stop();
  };
  const watcher = new MutationObserver(() => {
    if (current.isConnected) return;
    const active = document.activeElement;
    if (active && active !== document.body) return stop();
    const next = findOpener({ ...wanted, el: current });
    if (!next) return;
    current = next;
    next.focus();
  });
  watcher.observe(main, { childList: true, subtree: true });
  document.addEventListener("focusin", moved);
  const timer = setTimeout(stop, 1000);
}

/**
 * `open(ref)` for a page: records that the panel should take the focus when it next renders
 * (a click or key press opened it), then sets the page's state. A panel re-rendered because a
 * slider moved does not steal the focus from the slider.
 */
export function explainOpener(set) {
  return (ref) => {
    focusPending = true;
    rememberOpener();
    set(ref);
  };
}

/** The address that opens `ref`'s explanation on this page, for this scenario (and model version). */
export function explainHref(scenario, ref, base = location.href) {
  const key = encodeURIComponent(encodeExplainParam(ref));
  const query = `?${encodeScenarioQuery(scenario)}&_${EXPLAIN_VIEW_KEY}=${key}`;
  return new URL(withModelVersion(query, MODEL_VERSION), base).href;
}

/** A number that opens its explanation: a real button, so it works from the keyboard too. */
export function figureButton(ref, open, content, attributes = {}) {
  const button = html`<button
    type="button"
    class="explain-figure"
    title="Why this number? Click to explain"
  >
    ${content}
  </button>`;
  for (const [k, v] of Object.entries(attributes)) button.setAttribute(k, String(v));
  withFocusKey(button, `figure ${encodeExplainParam(ref)}`);
  button.addEventListener("click", () => open(ref));
  return button;
}

function closeButton(onClose) {
  const b = html`<button type="button" class="explain-close" aria-label="Close the explanation">
    Close ✕
  </button>`;
  b.addEventListener("click", onClose);
  return b;
}

export function shell(content, { onClose, testid = "explain-panel", label = "Explanation" }) {
  const title = html`<h2 class="explain-heading" tabindex="-1">${label}</h2>`;
  const aside = html`<aside
    class="explain-panel"
    role="region"
    aria-label=${label}
    data-testid=${testid}
  >
    <header>${title}${closeButton(() => closeAndReturn(onClose))}</header>
    ${content}
  </aside>`;
  aside.addEventListener("keydown", (event) => {
    if (event.key === "Escape") closeAndReturn(onClose);
  });
  if (focusPending) {
    focusPending = false;
    requestAnimationFrame(() => title.focus());
  }
  return aside;
}

export function problemList(title, problems) {
  return html`<div class="problems" role="alert" data-testid="explain-problems">
    <strong>${title}</strong>
    <ul>
      ${problems.map((p) => html`<li>${p}</li>`)}
    </ul>
  </div>`;
}

function statusBadge(status) {
  return html`<span class="status status-${status}" data-status=${status}>${status}</span>`;
}

function ruleBlock(rule, root) {
  if (!rule) return "";
  const { heading, anchor } = methodologySection(rule.section);
  const href = `${root}methodology${anchor ? `#${anchor}` : ""}`;
  // The rule in words first; the equation beside it for whoever checks the arithmetic.
  return html`<div class="explain-rule" data-testid="explain-rule">
    <p class="explain-rule-words">${ruleWords(rule)}</p>
    <div class="explain-equation">
      <span class="muted">As an equation:</span> <code>${rule.id} = ${rule.equation}</code>
    </div>
    <div class="muted">
      More in <a href=${href} data-testid="explain-method">Methodology: ${heading}</a>.
    </div>
  </div>`;
}

/** Money in pounds and pence already says its exact value; only a rounded number needs it. */
const isMoney = (shown) => /£/.test(shown);

function inputsTable(inputs, { unitOf, citationOf, labelOf, root }) {
  if (inputs.length === 0) return "";
  // Three columns, the status under the name: the source keeps room to read at any depth.
  return html`<table class="explain-inputs" data-testid="explain-inputs">
    <thead>
      <tr>
        <th>Input</th>
        <th>Value</th>
        <th>Source</th>
      </tr>
    </thead>
    <tbody>
      ${inputs.map((input) => {
        const shown = inputValueText(input, unitOf);
        const { source, reason } = inputSource(input, citationOf);
        const sourceId = input.source?.kind === "data" ? input.source.sourceId : "";
        return html`<tr data-input=${input.name}>
          <td>
            ${inputLabel(input, labelOf)}
            ${statusBadge(inputStatus(input))}${input.param ? html`<br /><code class="muted">${input.param}${input.fy ? ` (${input.fy})` : ""}</code>` : ""}
          </td>
          <td class="num">
            ${shown}${shown !== input.value && !isMoney(shown) ? html`<br /><span class="muted">exact ${input.value}</span>` : ""}
          </td>
          <td class="explain-source">
            ${sourceId ? html`<a href=${`${root}sources#${sourceAnchor(sourceId)}`}>${source}</a>` : source}${reason ? html`<div class="muted">${readerReason(reason)}</div>` : ""}
          </td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}

/**
 * The panel for one figure. `result` is the worker's answer to `explain` (or null while there
 * is nothing to show); `expand(ref)` asks for one more step of a part; `root` is the path from
 * the page to the site root ("./" or "../") for the Methodology link.
 */
export function explainPanel({
  state,
  result,
  dataset,
  scenarioLabel,
  link,
  linkFor,
  expand,
  onClose,
  root = "./",
}) {
  if (!state || (state.ok && state.value === undefined))
    return html`<div data-testid="explain-panel-closed" hidden></div>`;
  if (!state.ok)
    return shell(
      problemList("This link's explanation could not be opened:", state.issues.map(formatIssue)),
      { onClose },
    );
  if (!result)
    return shell(html`<p aria-live="polite">Working out the explanation…</p>`, { onClose });
  if (!result.ok)
    return shell(problemList("This figure cannot be explained:", result.issues.map(formatIssue)), {
      onClose,
    });
  const units = new Map(dataset.parameters.map((p) => [p.id, p.unit]));
  const citations = new Map(sourceEntries(dataset.sources).map((s) => [s.id, s.citation]));
  const labels = new Map();
  for (const p of dataset.parameters)
    if (!labels.has(p.id) || p.crc === null) labels.set(p.id, p.label);
  const lookups = {
    unitOf: (id) => units.get(id),
    citationOf: (id) => citations.get(id),
    labelOf: (id) => labels.get(id),
    root,
  };
  let tree = result.value.tree;
  const title = figureTitle(tree.ref, dataset);

  function body(path) {
    const node = nodeAt(tree, path);
    const shown = node.parts.map((p, i) => [p, i]).filter(([p]) => p.amountPence !== 0);
    const zeros = node.parts.filter((p) => p.amountPence === 0);
    return html`<div class="explain-node">
      ${ruleBlock(node.rule, root)} ${node.note ? html`<p class="muted">${node.note}</p>` : ""}
      ${inputsTable(node.inputs, lookups)}
      ${
        node.parts.length
          ? html`<ul class="explain-parts" data-testid="explain-parts">
              ${shown.map(([part, i]) => partItem(node, part, [...path, i]))}
              ${
                zeros.length
                  ? html`<li class="muted">
                      … ${zeros.length} part${zeros.length === 1 ? "" : "s"} of £0.00:
                      ${zeros.map((p) => partLabel(p, node.step, dataset)).join(", ")}
                    </li>`
                  : ""
              }
            </ul>`
          : ""
      }
    </div>`;
  }

  function partItem(parent, part, path) {
    const slot = html`<div class="explain-slot"></div>`;
    const details = html`<details data-ref=${encodeExplainParam(part.ref)}>
      <summary>
        <span class="explain-sign">${part.sign < 0 ? "−" : "+"}</span>
        ${partLabel(part, parent.step, dataset)}
        <strong class="num" data-pence=${part.amountPence}>${formatPence(part.amountPence)}</strong>
      </summary>
      ${slot}
    </details>`;
    let filled = false;
    details.addEventListener("toggle", async () => {
      if (!details.open || filled) return;
      filled = true;
      if (nodeAt(tree, path).truncated) {
        slot.replaceChildren(html`<p class="muted" aria-live="polite">Working out this step…</p>`);
        const r = await expand(part.ref);
        if (!r.ok) {
          filled = false;
          slot.replaceChildren(
            problemList("This step cannot be explained:", r.issues.map(formatIssue)),
          );
          return;
        }
        tree = graft(tree, path, r.value.tree);
      }
      slot.replaceChildren(body(path));
    });
    return html`<li>${details}</li>`;
  }

  const { text, copy, copied } = copyAsText(() =>
    explanationText(tree, { title, scenario: scenarioLabel, link, linkFor }),
  );
  const amount = tree.amountPence;
  return shell(
    html`<div data-ref=${encodeExplainParam(tree.ref)} data-testid="explain-figure">
      <p class="explain-title" data-testid="explain-title">${title}</p>
      <p class="big ${amount < 0 ? "loss" : ""}" data-testid="explain-amount" data-pence=${amount}>
        ${formatPence(amount)}
      </p>
      <p class="muted" title=${`scenario hash ${result.value.hash}`}>Scenario: ${scenarioLabel}</p>
      ${body([])}
      <div class="save-bar">
        ${copy}<a href=${link} data-testid="explain-link">Link to this explanation</a>${copied}
      </div>
      ${text}
      <p class="muted">
        Each step adds up exactly, to the penny, to the step above it (parts marked − are
        subtracted). Open a step to see its parts, down to one CRC's month: the rule that computed
        it and every input it used. Statuses: <strong>sourced</strong> (a published figure),
        <strong>derived</strong> (arithmetic on published figures), <strong>assumed</strong> (a
        judgement, with its reason), <strong>scenario</strong> (set by this scenario),
        <strong>computed</strong> (worked out by the model from the other inputs).
      </p>
    </div>`,
    { onClose, label: "Why this number?" },
  );
}

/**
 * A delta between two scenarios (Compare page): the figure in each, the difference, and how much
 * of it each changed parameter accounts for, switched one at a time from A to B in the stated
 * order, with the rest as interaction. `result` is the worker's answer to `explainDelta`.
 */
export function deltaPanel({ title, nameA, nameB, result, link, onClose, chooser = "" }) {
  if (!result)
    return shell(html`<p aria-live="polite">Working out the difference…</p>`, {
      onClose,
      testid: "delta-panel",
    });
  if (!result.ok)
    return shell(
      problemList("This difference cannot be explained:", result.issues.map(formatIssue)),
      {
        onClose,
        testid: "delta-panel",
        label: "Why the difference?",
      },
    );
  const d = result.value.delta;
  const { text, copy, copied } = copyAsText(
    () =>
      `${title}\n${formatDelta(d, nameA, nameB)}\nComputed by crc-scenarios (a model, not published accounts): ${link}\n`,
  );
  const money = (pence, testid) =>
    html`<strong class="num" data-pence=${pence} data-testid=${testid}
      >${formatPence(pence)}</strong
    >`;
  return shell(
    html`<div data-testid="delta-figure">
      <p class="explain-title">${title}</p>
      ${chooser}
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
      <p>
        <strong>Order-dependent:</strong> each parameter that differs is switched from ${nameA}'s
        value to ${nameB}'s
        ${d.method === "sequential" ? "cumulatively" : `alone, the others held at ${nameA}'s`}, in a
        fixed order (${d.order}); what is left is the interaction between them. The parts add up
        exactly to the difference. Another order would split it differently; the fair shares
        (Shapley values) do not depend on an order.
      </p>
      <table class="explain-inputs" data-testid="delta-parts">
        <thead>
          <tr>
            <th>Parameter</th>
            <th>From → to</th>
            <th class="num">Accounts for</th>
          </tr>
        </thead>
        <tbody>
          ${d.parts.map(
            (p) =>
              html`<tr data-param=${p.param}>
                <td>
                  <code>${p.param}</code>
                  <div class="muted">
                    ${p.changedValues} CRC-year value${p.changedValues === 1 ? "" : "s"} differ
                  </div>
                  ${p.keptTogether ? html`<div class="muted" data-testid="kept-together">${keptTogetherText(p.keptTogether, nameA, nameB)}</div>` : ""}
                </td>
                <td><code>${p.from}</code> → <code>${p.to}</code></td>
                <td class="num" data-pence=${p.effectPence}>${formatPence(p.effectPence)}</td>
              </tr>`,
          )}
          <tr data-param="interaction">
            <td>Interaction (the rest)</td>
            <td></td>
            <td class="num" data-pence=${d.interactionPence}>${formatPence(d.interactionPence)}</td>
          </tr>
        </tbody>
      </table>
      ${d.parts.length ? "" : html`<p>No parameter differs between the two scenarios.</p>`}
      <p class="muted">
        Values are in engine units (pence, shares, month numbers from Feb 2015 = 0).
      </p>
      <div class="save-bar">
        ${copy}<a href=${link} data-testid="explain-link">Link to this explanation</a>${copied}
      </div>
      ${text}
    </div>`,
    { onClose, testid: "delta-panel", label: "Why the difference?" },
  );
}

/**
 * The Compare table's change cells for money metrics as buttons that explain the change (the
 * cells keep their data attributes; only their text moves into a button). `open({ref, vs})`.
 */
export function explainDeltaCells(table, open, { figureOf, labelOf }) {
  for (const td of table.querySelectorAll('td[data-kind="delta"]')) {
    const ref = figureOf(td.dataset.metric);
    if (!ref) continue;
    const vs = td.dataset.scenario;
    const shown = td.textContent;
    const button = html`<button type="button" class="explain-figure">${shown}</button>`;
    // The name starts with the number shown, so a voice user can say what they see (WCAG 2.5.3).
    button.setAttribute(
      "aria-label",
      `${shown}: explain the change in ${labelOf(td.dataset.metric)} for ${labelOf(vs)}`,
    );
    withFocusKey(button, `delta ${td.dataset.metric} ${vs}`);
    button.addEventListener("click", () => open({ ref, vs }));
    td.replaceChildren(button);
  }
  return table;
}

/**
 * A "Copy as text" button, the text it copies (shown below once asked for, so it can be copied
 * by hand where the browser refuses the clipboard), and a status line.
 */
export function copyAsText(compose) {
  const text = html`<textarea
    class="explain-text"
    readonly
    rows="12"
    aria-label="The explanation as text"
    data-testid="explain-text"
    hidden
  ></textarea>`;
  const copied = html`<span class="muted" role="status"></span>`;
  const copy = html`<button type="button">Copy as text</button>`;
  copy.addEventListener("click", async () => {
    text.value = compose();
    text.hidden = false;
    try {
      await navigator.clipboard.writeText(text.value);
      copied.textContent = "Copied. The text is below.";
    } catch {
      text.select();
      copied.textContent =
        "Select the text below and copy it (this browser did not allow copying).";
    }
  });
  return { text, copy, copied };
}
