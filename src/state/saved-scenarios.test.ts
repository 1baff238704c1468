import { describe, expect, it } from "vitest";
import {
  MAX_NAME_LENGTH,
  SET_ASIDE_KEY,
  STORAGE_KEY,
  deleteScenario,
  exportSaved,
  freeName,
  importSaved,
  listSaved,
  readSaved,
  saveScenario,
  unreadableNote,
  type KeyValueStore,
  type SavedScenario,
  type Validate,
} from "./saved-scenarios.ts";
import { failure, formatIssue, type Result } from "../issues/issue.ts";

function memoryStore(
  initial: Record<string, string> = {},
): KeyValueStore & { data: Record<string, string> } {
  const data = { ...initial };
  return {
    data,
    getItem: (k) => data[k] ?? null,
    setItem: (k, v) => {
      data[k] = v;
    },
  };
}

// A stand-in validator: a scenario is an object with a numeric "x" between 0 and 1.
const validate: Validate = (s) => {
  const x = (s as { x?: unknown } | null)?.x;
  return typeof x === "number" && x >= 0 && x <= 1
    ? { ok: true, value: s }
    : failure("x", `${JSON.stringify(x)} must be a number from 0 to 1`);
};

const at = "2026-01-01T00:00:00.000Z";

describe("saved scenarios", () => {
  it("saves, replaces by name, lists and deletes", () => {
    const store = memoryStore();
    saveScenario(store, { name: "Low", scenario: { x: 0.1 }, savedAt: at }, validate);
    saveScenario(store, { name: "High", scenario: { x: 0.9 }, savedAt: at }, validate);
    saveScenario(store, { name: " Low ", scenario: { x: 0.2 }, savedAt: at }, validate);
    expect(listSaved(store)).toEqual([
      { name: "High", scenario: { x: 0.9 }, savedAt: at },
      { name: "Low", scenario: { x: 0.2 }, savedAt: at },
    ]);
    expect(deleteScenario(store, "High")).toEqual({
      ok: true,
      value: { entries: [{ name: "Low", scenario: { x: 0.2 }, savedAt: at }], notes: [] },
    });
    expect(listSaved(store)).toEqual([{ name: "Low", scenario: { x: 0.2 }, savedAt: at }]);
  });

  it("refuses an invalid scenario or name and keeps what was saved", () => {
    const store = memoryStore();
    saveScenario(store, { name: "Keep", scenario: { x: 0.5 }, savedAt: at }, validate);
    const before = store.data[STORAGE_KEY];
    expect(saveScenario(store, { name: "", scenario: { x: 2 }, savedAt: at }, validate)).toEqual({
      ok: false,
      issues: [
        { path: "name", message: "must not be empty" },
        { path: "scenario.x", message: "2 must be a number from 0 to 1" },
      ],
    });
    expect(store.data[STORAGE_KEY]).toBe(before);
  });

  it("round-trips through export and import", async () => {
    const a = memoryStore();
    saveScenario(a, { name: "<b>Bold</b>", scenario: { x: 0.3 }, savedAt: at }, validate);
    const file = exportSaved(listSaved(a));
    const b = memoryStore();
    expect(await importSaved(b, file, validate)).toEqual({
      ok: true,
      value: {
        entries: [{ name: "<b>Bold</b>", scenario: { x: 0.3 }, savedAt: at }],
        notes: ["Imported 1 scenario."],
      },
    });
  });

  it("rejects a corrupt file with a message and loses nothing already saved", async () => {
    const store = memoryStore();
    saveScenario(store, { name: "Keep", scenario: { x: 0.5 }, savedAt: at }, validate);
    const before = store.data[STORAGE_KEY];
    const cases: Array<[string, RegExp]> = [
      ["{not json", /^file is not valid JSON/],
      ["[1,2]", /^file must contain a JSON object$/],
      [
        '{"format":"other"}',
        /^format: "other" is not the format "crc-scenarios\/saved-scenarios"$/,
      ],
      [
        '{"format":"crc-scenarios/saved-scenarios","version":9,"scenarios":[]}',
        /^version: 9 is not version 1$/,
      ],
      [
        '{"format":"crc-scenarios/saved-scenarios","version":1,"scenarios":{}}',
        /^scenarios: an object is not a list$/,
      ],
      [
        '{"format":"crc-scenarios/saved-scenarios","version":1,"scenarios":[{"name":"Fine","scenario":{"x":0.2},"savedAt":"t"},{"name":"Bad","scenario":{"x":7},"savedAt":"t"}]}',
        /^scenarios\[1\]\.scenario\.x: 7 must be a number from 0 to 1 \(in “Bad”\)$/,
      ],
    ];
    for (const [text, message] of cases) {
      const result = await importSaved(store, text, validate);
      expect(result.ok).toBe(false);
      expect(!result.ok && formatIssue(result.issues[0]!)).toMatch(message);
      expect(store.data[STORAGE_KEY]).toBe(before);
    }
  });

  it("lists the readable entries of corrupt storage and never throws (issue #15)", () => {
    const good = { name: "Good", scenario: { x: 0.5 }, savedAt: at };
    const cases: Array<[string, SavedScenario[], string]> = [
      ["[null]", [], "entry 1: null is not an object"],
      ['[{"name":"x"}]', [], "entry 1: scenario: nothing is not an object"],
      ["{not json", [], "not valid JSON"],
      ['{"a":1}', [], "an object is not a list"],
      [JSON.stringify([good, 7, { ...good, name: "" }]), [good], "entry 2: 7 is not an object"],
    ];
    for (const [raw, entries, reason] of cases) {
      const store = memoryStore({ [STORAGE_KEY]: raw });
      const state = readSaved(store);
      expect(state.entries).toEqual(entries);
      expect(state.reasons[0]).toBe(reason);
      expect(listSaved(store)).toEqual(entries);
      expect(unreadableNote(state)).toMatch(/could not be read .* kept/);
      expect(store.data[STORAGE_KEY]).toBe(raw); // reading changes nothing
    }
  });

  it("saves after corrupt storage, setting the unreadable entries aside, not deleting them (issue #15)", () => {
    for (const raw of ["[null]", '[{"name":"x"}]', "{not json"]) {
      const store = memoryStore({ [STORAGE_KEY]: raw });
      const result = saveScenario(
        store,
        { name: "New", scenario: { x: 0.5 }, savedAt: at },
        validate,
      );
      expect(result).toMatchObject({ ok: true, value: { entries: [{ name: "New" }] } });
      expect(result.ok && result.value.notes[0]).toMatch(/1 unreadable saved entry was set aside/);
      const kept = JSON.parse(store.data[SET_ASIDE_KEY]!) as string[];
      expect(kept).toHaveLength(1);
      expect(raw).toContain(kept[0]!.slice(0, 4)); // the text as it was
      expect(readSaved(store)).toMatchObject({ unreadable: [], setAside: 1 });
      expect(unreadableNote(readSaved(store))).toMatch(/1 unreadable entry is kept aside/);
      // A second save sets nothing aside twice.
      saveScenario(store, { name: "Two", scenario: { x: 0.1 }, savedAt: at }, validate);
      expect(JSON.parse(store.data[SET_ASIDE_KEY]!)).toEqual(kept);
    }
  });

  it("keeps a set-aside store it cannot read as one more text", () => {
    const store = memoryStore({ [STORAGE_KEY]: "[null]", [SET_ASIDE_KEY]: "oops" });
    saveScenario(store, { name: "New", scenario: { x: 0.5 }, savedAt: at }, validate);
    expect(JSON.parse(store.data[SET_ASIDE_KEY]!)).toEqual(["oops", "null"]);
  });

  it("keeps both when an import has a name already saved, and says so (issue #15)", async () => {
    const store = memoryStore();
    saveScenario(store, { name: "Low", scenario: { x: 0.1 }, savedAt: at }, validate);
    saveScenario(store, { name: "Low (2)", scenario: { x: 0.15 }, savedAt: at }, validate);
    const file = exportSaved([
      { name: "Low", scenario: { x: 0.2 }, savedAt: at },
      { name: "Low", scenario: { x: 0.3 }, savedAt: at },
      { name: "Low (2)", scenario: { x: 0.15 }, savedAt: at },
    ]);
    const result = await importSaved(store, file, validate);
    expect(
      result.ok && result.value.entries.map((s) => [s.name, (s.scenario as { x: number }).x]),
    ).toEqual([
      ["Low", 0.1],
      ["Low (2)", 0.15],
      ["Low (3)", 0.2],
      ["Low (4)", 0.3],
    ]);
    expect(result.ok && result.value.notes).toEqual([
      "Imported 2 scenarios (1 already saved, unchanged).",
      "“Low” was already saved, so the imported one is “Low (3)”.",
      "“Low” was already saved, so the imported one is “Low (4)”.",
    ]);
  });

  it("says when a save replaces a scenario of the same name", () => {
    const store = memoryStore();
    saveScenario(store, { name: "Low", scenario: { x: 0.1 }, savedAt: at }, validate);
    const result = saveScenario(
      store,
      { name: "Low", scenario: { x: 0.2 }, savedAt: at },
      validate,
    );
    expect(result.ok && result.value.notes).toEqual(["Replaced the earlier “Low”."]);
  });

  it("keeps a suffixed name within the maximum length", () => {
    const long = "n".repeat(MAX_NAME_LENGTH);
    expect(freeName(long, new Set([long]))).toBe(`${"n".repeat(MAX_NAME_LENGTH - 4)} (2)`);
  });

  it("answers a full storage quota with a message, not a throw, and changes nothing (issue #15)", async () => {
    const store = memoryStore();
    saveScenario(store, { name: "Keep", scenario: { x: 0.5 }, savedAt: at }, validate);
    const before = store.data[STORAGE_KEY];
    const full: KeyValueStore = {
      getItem: store.getItem,
      setItem: () => {
        throw Object.assign(new Error("quota"), { name: "QuotaExceededError" });
      },
    };
    const saved = saveScenario(full, { name: "New", scenario: { x: 0.5 }, savedAt: at }, validate);
    expect(saved).toEqual({
      ok: false,
      issues: [
        {
          path: "",
          message: expect.stringMatching(/^browser storage is full, so nothing was saved/),
        },
      ],
    });
    const imported = await importSaved(
      full,
      exportSaved([{ name: "N", scenario: { x: 0.2 }, savedAt: at }]),
      validate,
    );
    expect(imported.ok).toBe(false);
    expect(deleteScenario(full, "Keep").ok).toBe(false);
    expect(store.data[STORAGE_KEY]).toBe(before);
  });

  it("validates imports with a validator that answers later", async () => {
    const store = memoryStore();
    const later = (s: unknown) =>
      new Promise<Result<unknown>>((r) => setTimeout(() => r(validate(s)), 1));
    const file = exportSaved([{ name: "Bad", scenario: { x: 5 }, savedAt: at }]);
    expect(await importSaved(store, file, later)).toEqual({
      ok: false,
      issues: [
        { path: "scenarios[0].scenario.x", message: "5 must be a number from 0 to 1 (in “Bad”)" },
      ],
    });
  });

  it("names every problem of an import at its path in the file, and adds nothing (issue #13)", async () => {
    const store = memoryStore();
    saveScenario(store, { name: "Keep", scenario: { x: 0.5 }, savedAt: at }, validate);
    const before = store.data[STORAGE_KEY];
    const file = JSON.stringify({
      format: "crc-scenarios/saved-scenarios",
      version: 1,
      scenarios: [
        7,
        { name: "", scenario: { x: 0.2 }, savedAt: 3 },
        { name: 5, scenario: { x: 9 }, savedAt: at },
        { name: "Whole", scenario: null, savedAt: at },
        { name: "Fine", scenario: { x: 0.1 }, savedAt: at },
      ],
    });
    const nothing: Validate = (s) =>
      s === null ? failure("", "null is not an object") : validate(s);
    expect(await importSaved(store, file, nothing)).toEqual({
      ok: false,
      issues: [
        { path: "scenarios[0]", message: "7 is not an object" },
        { path: "scenarios[1].name", message: "must not be empty" },
        { path: "scenarios[1].savedAt", message: "3 is not text" },
        { path: "scenarios[2].name", message: "5 is not text" },
        { path: "scenarios[2].scenario.x", message: "9 must be a number from 0 to 1" },
        { path: "scenarios[3].scenario", message: "null is not an object (in “Whole”)" },
      ],
    });
    expect(store.data[STORAGE_KEY]).toBe(before);
  });

  it("names a refused save's problems at their paths in the entry, and keeps what was saved", () => {
    const store = memoryStore();
    saveScenario(store, { name: "Keep", scenario: { x: 0.5 }, savedAt: at }, validate);
    const before = store.data[STORAGE_KEY];
    const long = "n".repeat(MAX_NAME_LENGTH + 1);
    expect(
      saveScenario(store, { name: long, scenario: { x: 0.5 }, savedAt: at }, validate),
    ).toEqual(
      failure(
        "name",
        `is ${MAX_NAME_LENGTH + 1} characters long; the maximum is ${MAX_NAME_LENGTH}`,
      ),
    );
    expect(
      saveScenario(
        store,
        { name: 3 as unknown as string, scenario: { x: 0.5 }, savedAt: at },
        validate,
      ),
    ).toEqual(failure("name", "3 is not text"));
    expect(store.data[STORAGE_KEY]).toBe(before);
  });

  it("says which stored entry's name cannot be read, by its path in the entry", () => {
    const store = memoryStore({
      [STORAGE_KEY]: JSON.stringify([
        { name: " ", scenario: {}, savedAt: at },
        { name: "y", scenario: {} },
      ]),
    });
    expect(readSaved(store).reasons).toEqual([
      "entry 1: name: must not be empty",
      "entry 2: savedAt: nothing is not text",
    ]);
    expect(listSaved(store)).toEqual([]);
  });
});
