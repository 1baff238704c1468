/**
 * Named scenarios a user saves in the browser (localStorage), exported as JSON and imported back.
 *
 * Rules (issue #5): a corrupt or hostile file is rejected with a message and nothing already
 * saved is lost; an entry that cannot be read back is reported, never silently dropped from the
 * store. Pure logic over a Storage-like object so it is tested in Node.
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

export type Validate = (scenario: unknown) => { ok: true } | { ok: false; messages: string[] };

export type StoreResult<T> = { ok: true; value: T } | { ok: false; messages: string[] };

export const STORAGE_KEY = "crc-scenarios:saved:v1";
export const EXPORT_FORMAT = "crc-scenarios/saved-scenarios";
export const EXPORT_VERSION = 1;
export const MAX_NAME_LENGTH = 80;
/** An upper bound on imported files keeps a hostile file from filling the browser's storage. */
export const MAX_IMPORT_BYTES = 2_000_000;

function readAll(store: KeyValueStore): StoreResult<SavedScenario[]> {
  const raw = store.getItem(STORAGE_KEY);
  if (raw === null) return { ok: true, value: [] };
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) throw new Error("not a list");
    return { ok: true, value: parsed as SavedScenario[] };
  } catch {
    // Never overwrite what we cannot read: the user may recover it by hand.
    return {
      ok: false,
      messages: [
        `saved scenarios in browser storage ("${STORAGE_KEY}") are unreadable; nothing was changed`,
      ],
    };
  }
}

export function listSaved(store: KeyValueStore): StoreResult<readonly SavedScenario[]> {
  return readAll(store);
}

export function checkName(name: unknown): string[] {
  if (typeof name !== "string") return [`name must be text, got ${typeof name}`];
  const trimmed = name.trim();
  if (trimmed === "") return ["name must not be empty"];
  if (trimmed.length > MAX_NAME_LENGTH) {
    return [`name is ${trimmed.length} characters long; the maximum is ${MAX_NAME_LENGTH}`];
  }
  return [];
}

/** Save (or replace, by name) one scenario. */
export function saveScenario(
  store: KeyValueStore,
  entry: SavedScenario,
  validate: Validate,
): StoreResult<readonly SavedScenario[]> {
  const problems = [...checkName(entry.name)];
  const checked = validate(entry.scenario);
  if (!checked.ok) problems.push(...checked.messages);
  if (problems.length > 0) return { ok: false, messages: problems };
  const current = readAll(store);
  if (!current.ok) return current;
  const name = entry.name.trim();
  const next = [...current.value.filter((s) => s.name !== name), { ...entry, name }];
  store.setItem(STORAGE_KEY, JSON.stringify(next));
  return { ok: true, value: next };
}

export function deleteScenario(
  store: KeyValueStore,
  name: string,
): StoreResult<readonly SavedScenario[]> {
  const current = readAll(store);
  if (!current.ok) return current;
  const next = current.value.filter((s) => s.name !== name);
  store.setItem(STORAGE_KEY, JSON.stringify(next));
  return { ok: true, value: next };
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
 * Import an exported file. All-or-nothing: if any entry is invalid, nothing is imported and every
 * problem is reported with the entry's position and name. Imported entries replace saved ones of
 * the same name; other saved scenarios are kept.
 */
export function importSaved(
  store: KeyValueStore,
  fileText: string,
  validate: Validate,
): StoreResult<readonly SavedScenario[]> {
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
      messages: [`file format must be "${EXPORT_FORMAT}", got ${JSON.stringify(envelope.format)}`],
    };
  }
  if (envelope.version !== EXPORT_VERSION) {
    return {
      ok: false,
      messages: [`file version must be ${EXPORT_VERSION}, got ${JSON.stringify(envelope.version)}`],
    };
  }
  if (!Array.isArray(envelope.scenarios)) {
    return { ok: false, messages: ["scenarios must be a list"] };
  }
  const problems: string[] = [];
  const entries: SavedScenario[] = [];
  envelope.scenarios.forEach((item: unknown, i: number) => {
    const at = `scenarios[${i}]`;
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      problems.push(`${at}: must be an object`);
      return;
    }
    const { name, scenario, savedAt } = item as Record<string, unknown>;
    for (const m of checkName(name)) problems.push(`${at}.name: ${m}`);
    const checked = validate(scenario);
    if (!checked.ok)
      for (const m of checked.messages) problems.push(`${at} (${String(name)}): ${m}`);
    if (typeof savedAt !== "string") problems.push(`${at}.savedAt: must be text`);
    entries.push({ name: String(name).trim(), scenario, savedAt: String(savedAt) });
  });
  if (problems.length > 0) return { ok: false, messages: problems };
  const current = readAll(store);
  if (!current.ok) return current;
  const names = new Set(entries.map((e) => e.name));
  const next = [...current.value.filter((s) => !names.has(s.name)), ...entries];
  store.setItem(STORAGE_KEY, JSON.stringify(next));
  return { ok: true, value: next };
}
