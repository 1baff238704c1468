import { indexPath, isNot, isRecord } from "../issues/describe-value.ts";
import { failure, formatIssue, type Issue, type Result } from "../issues/issue.ts";

/**
 * Named scenarios a user saves in the browser (localStorage), exported as JSON and imported back.
 *
 * Rules (issues #5 and #15): nothing a user saved is lost or silently overwritten.
 * - A corrupt or hostile import file is refused with a message, and nothing changes.
 * - An imported scenario whose name is already saved is kept beside it as "name (2)"; saving
 *   under a name already saved replaces it and says so (the reader typed that name).
 * - Storage that cannot be read back, whole or entry by entry (`[null]`, `[{"name":"x"}]`,
 *   `{not json`), never breaks a page: the readable entries are listed, the others are reported
 *   and, at the next write, moved as text to `SET_ASIDE_KEY` (kept, never deleted), so later
 *   saves work.
 * - A write the browser refuses (a full quota) is a failure value with a message, not a throw.
 * Failures are the one `Result`/`Issue` of src/issues/ (issue #13), each issue at its path in
 * the entry (`name`, `scenario.parameters.…`) or the export file (`scenarios[1].savedAt`).
 * Pure logic over a Storage-like object so it is tested in Node.
 */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface SavedScenario {
  readonly name: string;
  /** The scenario document, already validated by the caller's validator. */
  readonly scenario: unknown;
  /** ISO timestamp supplied by the caller (the pure core never reads the clock). */
  readonly savedAt: string;
}

/** A scenario validator (`validateScenario` over a dataset): its issues' paths are the scenario's. */
export type Validate = (scenario: unknown) => Result<unknown>;
/** A validator that may answer later: the Explorer validates imports in the engine worker. */
export type ValidateLater = (scenario: unknown) => Result<unknown> | Promise<Result<unknown>>;

/** The saved list after a change, and what happened that the reader should be told. */
export interface Stored {
  readonly entries: readonly SavedScenario[];
  readonly notes: readonly string[];
}

export const STORAGE_KEY = "crc-scenarios:saved:v1";
/** Where unreadable saved entries are kept, as a JSON list of their original texts. */
export const SET_ASIDE_KEY = "crc-scenarios:saved:v1:set-aside";
export const EXPORT_FORMAT = "crc-scenarios/saved-scenarios";
export const EXPORT_VERSION = 1;
export const MAX_NAME_LENGTH = 80;
/** An upper bound on imported files keeps a hostile file from filling the browser's storage. */
export const MAX_IMPORT_BYTES = 2_000_000;

/** What storage holds: the entries that read back, and the texts of those that do not. */
export interface SavedState {
  readonly entries: SavedScenario[];
  /** Unreadable texts still under STORAGE_KEY (moved to SET_ASIDE_KEY at the next write). */
  readonly unreadable: string[];
  /** Why each of `unreadable` cannot be used ("entry 1: null is not an object"). */
  readonly reasons: string[];
  /** How many texts are already kept under SET_ASIDE_KEY. */
  readonly setAside: number;
}

const MAX_REASON = 120;

/** Why a stored entry cannot be listed and used, or undefined when it can. */
function entryProblem(item: unknown): string | undefined {
  if (!isRecord(item)) return isNot(item, "an object");
  const { name, scenario, savedAt } = item;
  const nameProblem = checkName(name)[0];
  if (nameProblem !== undefined) return formatIssue(nameProblem);
  if (!isRecord(scenario)) return `scenario: ${isNot(scenario, "an object")}`;
  if (typeof savedAt !== "string") return `savedAt: ${isNot(savedAt, "text")}`;
  return undefined;
}

/** A JSON list of texts under `key`; anything else there is kept as one more text. */
function readTexts(store: KeyValueStore, key: string): string[] {
  const raw = store.getItem(key);
  if (raw === null) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (Array.isArray(parsed) && parsed.every((t) => typeof t === "string")) return parsed;
  } catch {
    // Not ours to interpret: kept whole below.
  }
  return [raw];
}

export function readSaved(store: KeyValueStore): SavedState {
  const setAside = readTexts(store, SET_ASIDE_KEY).length;
  const raw = store.getItem(STORAGE_KEY);
  if (raw === null) return { entries: [], unreadable: [], reasons: [], setAside };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { entries: [], unreadable: [raw], reasons: ["not valid JSON"], setAside };
  }
  if (!Array.isArray(parsed))
    return {
      entries: [],
      unreadable: [raw],
      reasons: [isNot(parsed, "a list")],
      setAside,
    };
  const entries: SavedScenario[] = [];
  const unreadable: string[] = [];
  const reasons: string[] = [];
  parsed.forEach((item: unknown, i) => {
    const problem = entryProblem(item);
    if (problem === undefined) {
      entries.push(item as SavedScenario);
    } else {
      unreadable.push(JSON.stringify(item) ?? String(item));
      reasons.push(`entry ${i + 1}: ${problem}`.slice(0, MAX_REASON));
    }
  });
  return { entries, unreadable, reasons, setAside };
}

/**
 * One sentence about unreadable saved entries for a page to show, or "" when there are none.
 */
export function unreadableNote(state: SavedState): string {
  const now = state.unreadable.length;
  const before = state.setAside;
  if (now === 0 && before === 0) return "";
  const parts: string[] = [];
  if (now > 0)
    parts.push(
      `${now} saved ${now === 1 ? "entry" : "entries"} in this browser could not be read (${state.reasons.slice(0, 3).join("; ")}${now > 3 ? "; …" : ""}) and ${now === 1 ? "is" : "are"} not listed; ${now === 1 ? "it is" : "they are"} kept and will be set aside at the next save`,
    );
  if (before > 0)
    parts.push(`${before} unreadable ${before === 1 ? "entry is" : "entries are"} kept aside`);
  return `${parts.join("; ")} (browser storage key "${SET_ASIDE_KEY}").`;
}

/** The readable saved scenarios. Never fails: unreadable entries are left out (see readSaved). */
export function listSaved(store: KeyValueStore): readonly SavedScenario[] {
  return readSaved(store).entries;
}

/** The problem with a name, at `path` (`name`, or an imported entry's `scenarios[0].name`). */
export function checkName(name: unknown, path = "name"): Issue[] {
  if (typeof name !== "string") return [{ path, message: isNot(name, "text") }];
  const trimmed = name.trim();
  if (trimmed === "") return [{ path, message: "must not be empty" }];
  if (trimmed.length > MAX_NAME_LENGTH) {
    return [
      {
        path,
        message: `is ${trimmed.length} characters long; the maximum is ${MAX_NAME_LENGTH}`,
      },
    ];
  }
  return [];
}

/** A validator's issues as issues of the entry's scenario (`scenario.parameters.…`). */
function scenarioIssues(issues: readonly Issue[], at: string): Issue[] {
  return issues.map((i) => ({ path: i.path === "" ? at : `${at}.${i.path}`, message: i.message }));
}

/** A write the browser may refuse (a full quota, storage switched off), as a value. */
function trySet(store: KeyValueStore, key: string, value: string): string | undefined {
  try {
    store.setItem(key, value);
    return undefined;
  } catch (error) {
    const name = (error as { name?: unknown } | null)?.name;
    if (name === "QuotaExceededError" || (error as { code?: unknown } | null)?.code === 22)
      return `browser storage is full, so nothing was saved (${value.length.toLocaleString("en-GB")} characters to write). Export your saved scenarios, then delete some to make room.`;
    return `browser storage refused the write (${typeof name === "string" ? name : String(error)}), so nothing was saved.`;
  }
}

/**
 * Write `next` as the saved list. Unreadable texts found in `state` are first added to
 * SET_ASIDE_KEY (once each), so nothing is lost when the list is rewritten without them.
 */
function commit(
  store: KeyValueStore,
  state: SavedState,
  next: SavedScenario[],
  notes: string[],
): Result<Stored> {
  if (state.unreadable.length > 0) {
    const kept = readTexts(store, SET_ASIDE_KEY);
    const added = state.unreadable.filter((t) => !kept.includes(t));
    const refused = trySet(store, SET_ASIDE_KEY, JSON.stringify([...kept, ...added]));
    if (refused !== undefined) return failure("", refused);
    const n = state.unreadable.length;
    notes.push(
      `${n} unreadable saved ${n === 1 ? "entry was" : "entries were"} set aside, not deleted (browser storage key "${SET_ASIDE_KEY}").`,
    );
  }
  const refused = trySet(store, STORAGE_KEY, JSON.stringify(next));
  if (refused !== undefined) return failure("", refused);
  return { ok: true, value: { entries: next, notes } };
}

/** Save one scenario; one already saved under the same name is replaced, and the note says so. */
export function saveScenario(
  store: KeyValueStore,
  entry: SavedScenario,
  validate: Validate,
): Result<Stored> {
  const problems = checkName(entry.name);
  const checked = validate(entry.scenario);
  if (!checked.ok) problems.push(...scenarioIssues(checked.issues, "scenario"));
  if (problems.length > 0) return { ok: false, issues: problems };
  const state = readSaved(store);
  const name = entry.name.trim();
  const replaced = state.entries.some((s) => s.name === name);
  const next = [...state.entries.filter((s) => s.name !== name), { ...entry, name }];
  return commit(store, state, next, replaced ? [`Replaced the earlier “${name}”.`] : []);
}

export function deleteScenario(store: KeyValueStore, name: string): Result<Stored> {
  const state = readSaved(store);
  return commit(
    store,
    state,
    state.entries.filter((s) => s.name !== name),
    [],
  );
}

/** The export file: a small versioned envelope around the saved scenarios. */
export function exportSaved(entries: readonly SavedScenario[]): string {
  return JSON.stringify(
    { format: EXPORT_FORMAT, version: EXPORT_VERSION, scenarios: entries },
    null,
    2,
  );
}

/**
 * `name`, or "name (2)", "name (3)", … — the first not in `taken`, cut so that it stays within
 * MAX_NAME_LENGTH.
 */
export function freeName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  for (let k = 2; ; k++) {
    const suffix = ` (${k})`;
    const candidate = `${name.slice(0, MAX_NAME_LENGTH - suffix.length).trimEnd()}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * The entries of an export file, checked for form (size, JSON, envelope); their scenarios are
 * not validated here. A problem with the file as a whole is at path "", one of a field at the
 * field (`format`, `version`, `scenarios`).
 */
function readImportFile(fileText: string): Result<unknown[]> {
  if (fileText.length > MAX_IMPORT_BYTES)
    return failure(
      "",
      `file is too large (${fileText.length} bytes; the maximum is ${MAX_IMPORT_BYTES})`,
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(fileText);
  } catch (error) {
    return failure("", `file is not valid JSON: ${(error as Error).message}`);
  }
  if (!isRecord(parsed)) return failure("", "file must contain a JSON object");
  if (parsed.format !== EXPORT_FORMAT)
    return failure("format", isNot(parsed.format, `the format "${EXPORT_FORMAT}"`));
  if (parsed.version !== EXPORT_VERSION)
    return failure("version", isNot(parsed.version, `version ${EXPORT_VERSION}`));
  if (!Array.isArray(parsed.scenarios))
    return failure("scenarios", isNot(parsed.scenarios, "a list"));
  return { ok: true, value: parsed.scenarios };
}

/**
 * Check an exported file: its form, then every entry's name, scenario and date. All-or-nothing:
 * every problem is reported at its path in the file (`scenarios[1].scenario.parameters.…`),
 * the message naming the entry (`… (in “Bad”)`). `validate` may answer later; entries are
 * validated one at a time. The Explorer runs this in the engine worker
 * (EngineApi.checkImport), so a 2 MB file never freezes the page (issue #15).
 */
export async function checkImport(
  fileText: string,
  validate: ValidateLater,
): Promise<Result<SavedScenario[]>> {
  const file = readImportFile(fileText);
  if (!file.ok) return file;
  const problems: Issue[] = [];
  const entries: SavedScenario[] = [];
  for (const [i, item] of file.value.entries()) {
    const at = indexPath("scenarios", i);
    if (!isRecord(item)) {
      problems.push({ path: at, message: isNot(item, "an object") });
      continue;
    }
    const { name, scenario, savedAt } = item;
    problems.push(...checkName(name, `${at}.name`));
    const checked = await validate(scenario);
    if (!checked.ok) {
      const named = typeof name === "string" ? ` (in ${quoteName(name)})` : "";
      for (const issue of scenarioIssues(checked.issues, `${at}.scenario`))
        problems.push({ path: issue.path, message: `${issue.message}${named}` });
    }
    if (typeof savedAt !== "string")
      problems.push({ path: `${at}.savedAt`, message: isNot(savedAt, "text") });
    entries.push({ name: String(name).trim(), scenario, savedAt: String(savedAt) });
  }
  if (problems.length > 0) return { ok: false, issues: problems };
  return { ok: true, value: entries };
}

/** A saved name as messages quote it: “name”, cut to MAX_NAME_LENGTH characters. */
const quoteName = (name: string) => `“${name.slice(0, MAX_NAME_LENGTH)}”`;

/**
 * Add checked entries (`checkImport`) to the saved ones. Nothing saved is replaced: an entry
 * whose name is taken is kept as "name (2)" (an entry identical to a saved one is not added
 * twice), and the notes say so.
 */
export function addImported(
  store: KeyValueStore,
  entries: readonly SavedScenario[],
): Result<Stored> {
  const state = readSaved(store);
  const taken = new Set(state.entries.map((s) => s.name));
  const same = new Set(state.entries.map((s) => JSON.stringify([s.name, s.scenario])));
  const added: SavedScenario[] = [];
  const notes: string[] = [];
  let unchanged = 0;
  for (const entry of entries) {
    if (same.has(JSON.stringify([entry.name, entry.scenario]))) {
      unchanged++;
      continue;
    }
    const name = freeName(entry.name, taken);
    if (name !== entry.name)
      notes.push(`“${entry.name}” was already saved, so the imported one is “${name}”.`);
    taken.add(name);
    added.push({ ...entry, name });
  }
  notes.unshift(
    `Imported ${added.length} scenario${added.length === 1 ? "" : "s"}${unchanged > 0 ? ` (${unchanged} already saved, unchanged)` : ""}.`,
  );
  return commit(store, state, [...state.entries, ...added], notes);
}

/** Import an exported file: `checkImport`, then `addImported`. */
export async function importSaved(
  store: KeyValueStore,
  fileText: string,
  validate: ValidateLater,
): Promise<Result<Stored>> {
  const checked = await checkImport(fileText, validate);
  return checked.ok ? addImported(store, checked.value) : checked;
}
