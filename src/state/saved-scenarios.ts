import { describeValue } from "../issues/describe-value.ts";

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

export type Validation = { ok: true } | { ok: false; messages: string[] };
export type Validate = (scenario: unknown) => Validation;
/** A validator that may answer later: the Explorer validates imports in the engine worker. */
export type ValidateLater = (scenario: unknown) => Validation | Promise<Validation>;

/** A failure, or the value with `notes`: what happened that the reader should be told. */
export type StoreResult<T> =
  { ok: true; value: T; notes: string[] } | { ok: false; messages: string[] };

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
  /** Why each of `unreadable` cannot be used ("entry 1: must be an object, got null"). */
  readonly reasons: string[];
  /** How many texts are already kept under SET_ASIDE_KEY. */
  readonly setAside: number;
}

const MAX_REASON = 120;

/** Why a stored entry cannot be listed and used, or undefined when it can. */
function entryProblem(item: unknown): string | undefined {
  if (typeof item !== "object" || item === null || Array.isArray(item))
    return `must be an object, got ${describeValue(item)}`;
  const { name, scenario, savedAt } = item as Record<string, unknown>;
  const nameProblem = checkName(name)[0];
  if (nameProblem !== undefined) return nameProblem;
  if (typeof scenario !== "object" || scenario === null || Array.isArray(scenario))
    return `scenario must be an object, got ${describeValue(scenario)}`;
  if (typeof savedAt !== "string") return `savedAt must be text, got ${describeValue(savedAt)}`;
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
      reasons: [`not a list (${describeValue(parsed)})`],
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
export function listSaved(store: KeyValueStore): StoreResult<readonly SavedScenario[]> {
  return { ok: true, value: readSaved(store).entries, notes: [] };
}

export function checkName(name: unknown): string[] {
  if (typeof name !== "string") return [`name must be text, got ${describeValue(name)}`];
  const trimmed = name.trim();
  if (trimmed === "") return ["name must not be empty"];
  if (trimmed.length > MAX_NAME_LENGTH) {
    return [`name is ${trimmed.length} characters long; the maximum is ${MAX_NAME_LENGTH}`];
  }
  return [];
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
): StoreResult<readonly SavedScenario[]> {
  if (state.unreadable.length > 0) {
    const kept = readTexts(store, SET_ASIDE_KEY);
    const added = state.unreadable.filter((t) => !kept.includes(t));
    const refused = trySet(store, SET_ASIDE_KEY, JSON.stringify([...kept, ...added]));
    if (refused !== undefined) return { ok: false, messages: [refused] };
    const n = state.unreadable.length;
    notes.push(
      `${n} unreadable saved ${n === 1 ? "entry was" : "entries were"} set aside, not deleted (browser storage key "${SET_ASIDE_KEY}").`,
    );
  }
  const refused = trySet(store, STORAGE_KEY, JSON.stringify(next));
  if (refused !== undefined) return { ok: false, messages: [refused] };
  return { ok: true, value: next, notes };
}

/** Save one scenario; one already saved under the same name is replaced, and the note says so. */
export function saveScenario(
  store: KeyValueStore,
  entry: SavedScenario,
  validate: Validate,
): StoreResult<readonly SavedScenario[]> {
  const problems = [...checkName(entry.name)];
  const checked = validate(entry.scenario);
  if (!checked.ok) problems.push(...checked.messages);
  if (problems.length > 0) return { ok: false, messages: problems };
  const state = readSaved(store);
  const name = entry.name.trim();
  const replaced = state.entries.some((s) => s.name === name);
  const next = [...state.entries.filter((s) => s.name !== name), { ...entry, name }];
  return commit(store, state, next, replaced ? [`Replaced the earlier “${name}”.`] : []);
}

export function deleteScenario(
  store: KeyValueStore,
  name: string,
): StoreResult<readonly SavedScenario[]> {
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
 * not validated here.
 */
function readImportFile(fileText: string): StoreResult<unknown[]> {
  if (fileText.length > MAX_IMPORT_BYTES) {
    return {
      ok: false,
      messages: [
        `file is too large (${fileText.length} bytes; the maximum is ${MAX_IMPORT_BYTES})`,
      ],
    };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(fileText);
  } catch (error) {
    return { ok: false, messages: [`file is not valid JSON: ${(error as Error).message}`] };
  }
  const envelope = parsed as Record<string, unknown> | null;
  if (typeof envelope !== "object" || envelope === null || Array.isArray(envelope)) {
    return { ok: false, messages: ["file must contain a JSON object"] };
  }
  if (envelope.format !== EXPORT_FORMAT) {
    return {
      ok: false,
      messages: [
        `file format must be "${EXPORT_FORMAT}", got ${String(JSON.stringify(envelope.format)).slice(0, MAX_REASON)}`,
      ],
    };
  }
  if (envelope.version !== EXPORT_VERSION) {
    return {
      ok: false,
      messages: [
        `file version must be ${EXPORT_VERSION}, got ${String(JSON.stringify(envelope.version)).slice(0, MAX_REASON)}`,
      ],
    };
  }
  if (!Array.isArray(envelope.scenarios)) {
    return { ok: false, messages: ["scenarios must be a list"] };
  }
  return { ok: true, value: envelope.scenarios, notes: [] };
}

/**
 * Check an exported file: its form, then every entry's name, scenario and date. All-or-nothing:
 * every problem is reported with the entry's position and name. `validate` may answer later;
 * entries are validated one at a time. The Explorer runs this in the engine worker
 * (EngineApi.checkImport), so a 2 MB file never freezes the page (issue #15).
 */
export async function checkImport(
  fileText: string,
  validate: ValidateLater,
): Promise<StoreResult<SavedScenario[]>> {
  const file = readImportFile(fileText);
  if (!file.ok) return file;
  const problems: string[] = [];
  const entries: SavedScenario[] = [];
  for (const [i, item] of file.value.entries()) {
    const at = `scenarios[${i}]`;
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      problems.push(`${at}: must be an object`);
      continue;
    }
    const { name, scenario, savedAt } = item as Record<string, unknown>;
    for (const m of checkName(name)) problems.push(`${at}.name: ${m}`);
    const checked = await validate(scenario);
    const shown = typeof name === "string" ? name.slice(0, MAX_NAME_LENGTH) : String(name);
    if (!checked.ok) for (const m of checked.messages) problems.push(`${at} (${shown}): ${m}`);
    if (typeof savedAt !== "string") problems.push(`${at}.savedAt: must be text`);
    entries.push({ name: String(name).trim(), scenario, savedAt: String(savedAt) });
  }
  if (problems.length > 0) return { ok: false, messages: problems };
  return { ok: true, value: entries, notes: [] };
}

/**
 * Add checked entries (`checkImport`) to the saved ones. Nothing saved is replaced: an entry
 * whose name is taken is kept as "name (2)" (an entry identical to a saved one is not added
 * twice), and the notes say so.
 */
export function addImported(
  store: KeyValueStore,
  entries: readonly SavedScenario[],
): StoreResult<readonly SavedScenario[]> {
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
): Promise<StoreResult<readonly SavedScenario[]>> {
  const checked = await checkImport(fileText, validate);
  return checked.ok ? addImported(store, checked.value) : checked;
}
