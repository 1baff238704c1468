// Scenario state shared by the pages: the scenario in the address, saved scenarios in the
// browser, and the preset list. Names are always rendered as text (htl escapes), never as HTML.
import { html } from "htl";
import {
  MODEL_VERSION,
  PRESETS,
  encodeScenarioQuery,
  formatIssue,
  initialScenarioChoice,
  listScenarioChoices,
  savedScenarios,
  scenarioFromUrl,
  validateScenario,
  viewQuery,
  withModelVersion,
} from "./bundled/site.js";

/**
 * A synchronous validator over the dataset (the same code the worker and the CLI use): a
 * `Result` whose issues name their path in the scenario (src/issues/).
 */
export function validatorFor(dataset) {
  return (scenario) => validateScenario(scenario, dataset);
}

/**
 * The scenario to open: `scenarioFromUrl`'s `Warned<Scenario>`, the address's if valid, else
 * the default, its warnings saying why (each at its path, worded by `formatIssue` in
 * `issuesNote`).
 */
export function openScenario(dataset, search = location.search) {
  return scenarioFromUrl(search, validatorFor(dataset));
}

/** Browser storage, or an in-memory stand-in where storage is unavailable (private modes). */
export function browserStore() {
  try {
    const probe = "crc-scenarios:probe";
    localStorage.setItem(probe, "1");
    localStorage.removeItem(probe);
    return localStorage;
  } catch {
    const data = new Map();
    return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => data.set(k, String(v)) };
  }
}

/**
 * The scenarios a user can start from: the link's (whenever it is not exactly a preset or a saved
 * one, a title or an id alone included), the presets, and saved ones (src/site/scenario-choices.ts).
 */
export function scenarioChoices(opened, saved) {
  return listScenarioChoices(opened, saved, PRESETS);
}

/** The choice that is the opened scenario. */
export function initialChoice(choices, opened) {
  return initialScenarioChoice(choices, opened);
}

let pendingUrl = null;

/** The query ("?…") writeUrl writes for a scenario and view state. */
export function addressQuery(scenario, view = {}) {
  return `?${withModelVersion(viewQuery(encodeScenarioQuery(scenario), view), MODEL_VERSION)}`;
}
let urlTimer = null;

/**
 * Put the scenario (and any view state, keys starting with "_") in the address bar, ending with
 * the model version (`_mv`, issue #18), so a shared link says which version made its figures.
 * Chrome's history.replaceState costs several milliseconds, so while a slider is dragged the
 * address is written once the moves pause (150 ms), not on every move. Returns the address it
 * will hold.
 */
export function writeUrl(scenario, view = {}) {
  const query = addressQuery(scenario, view);
  pendingUrl = query;
  // Links to other pages carry this scenario (observablehq.config.ts, CARRY_SCENARIO).
  document.documentElement.dataset.scenarioQuery = query;
  clearTimeout(urlTimer);
  urlTimer = setTimeout(() => {
    if (location.search !== pendingUrl)
      history.replaceState(history.state, "", pendingUrl + location.hash);
  }, 150);
  return new URL(query + location.hash, location.href).href;
}

/** A visible note listing why something was refused; empty when there is nothing to say. */
export function problemsNote(title, problems) {
  if (!problems?.length) return html`<div data-testid="problems" hidden></div>`;
  return html`<div class="problems" role="alert" data-testid="problems">
    <strong>${title}</strong>
    <ul>
      ${problems.map((p) => html`<li>${p}</li>`)}
    </ul>
  </div>`;
}

/** `problemsNote` for the one Issue type (src/issues/): each line "path: message" (`formatIssue`). */
export function issuesNote(title, issues) {
  return problemsNote(title, issues?.map(formatIssue));
}

export function listSaved(store) {
  return savedScenarios.listSaved(store);
}

/**
 * A note when saved-scenario storage holds entries that cannot be read (issue #15): they are
 * not listed, they are kept, and the next save sets them aside under their own key.
 */
export function savedStorageNote(store) {
  const text = savedScenarios.unreadableNote(savedScenarios.readSaved(store));
  return html`<p class="note" role="status" data-testid="saved-note" hidden=${!text}>${text}</p>`;
}

/** Issues joined for one line of text ("path: message"), the first `max` of them and how many more. */
export function issueList(issues, max = 8) {
  const shown = issues.slice(0, max).map(formatIssue).join("; ");
  return issues.length > max ? `${shown}; and ${issues.length - max} more` : shown;
}

/**
 * What the chosen starting scenario is (issue #16): a preset's description, and the presets that
 * give the same figures, named, so two names for one set of inputs are not a surprise. A
 * scenario built on a preset says which. `notes` is presetNotes(PRESETS, dataset).
 */
export function presetDescription(scenario, notes) {
  const exact =
    scenario?.extends &&
    Object.keys(scenario).every((k) => ["schemaVersion", "extends"].includes(k));
  const note = notes.get(scenario?.extends);
  if (!note)
    return html`<p class="preset-description muted" data-testid="preset-description" hidden></p>`;
  const names = note.sameAs.map((t) => `“${t}”`).join(" and ");
  const same = names
    ? html` <strong data-testid="preset-same-as"
        >Its inputs are the same as ${names}, so its figures are too.</strong
      >`
    : "";
  return html`<p class="preset-description muted" data-testid="preset-description">
    ${exact ? "" : `Built on the preset “${note.title}”: `}${note.description}${same}
  </p>`;
}
