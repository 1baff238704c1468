import { describe, expect, it } from "vitest";
import {
  STORAGE_KEY,
  deleteScenario,
  exportSaved,
  importSaved,
  listSaved,
  saveScenario,
  type KeyValueStore,
  type Validate,
} from "./saved-scenarios.ts";

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
    ? { ok: true }
    : { ok: false, messages: [`x: ${JSON.stringify(x)} must be a number from 0 to 1`] };
};

const at = "2026-01-01T00:00:00.000Z";

describe("saved scenarios", () => {
  it("saves, replaces by name, lists and deletes", () => {
    const store = memoryStore();
    saveScenario(store, { name: "Low", scenario: { x: 0.1 }, savedAt: at }, validate);
    saveScenario(store, { name: "High", scenario: { x: 0.9 }, savedAt: at }, validate);
    saveScenario(store, { name: " Low ", scenario: { x: 0.2 }, savedAt: at }, validate);
    const listed = listSaved(store);
    expect(listed).toEqual({
      ok: true,
      value: [
        { name: "High", scenario: { x: 0.9 }, savedAt: at },
        { name: "Low", scenario: { x: 0.2 }, savedAt: at },
      ],
    });
    deleteScenario(store, "High");
    expect(listSaved(store)).toEqual({
      ok: true,
      value: [{ name: "Low", scenario: { x: 0.2 }, savedAt: at }],
    });
  });

  it("refuses an invalid scenario or name and keeps what was saved", () => {
    const store = memoryStore();
    saveScenario(store, { name: "Keep", scenario: { x: 0.5 }, savedAt: at }, validate);
    const before = store.data[STORAGE_KEY];
    expect(saveScenario(store, { name: "", scenario: { x: 2 }, savedAt: at }, validate)).toEqual({
      ok: false,
      messages: ["name must not be empty", "x: 2 must be a number from 0 to 1"],
    });
    expect(store.data[STORAGE_KEY]).toBe(before);
  });

  it("round-trips through export and import", () => {
    const a = memoryStore();
    saveScenario(a, { name: "<b>Bold</b>", scenario: { x: 0.3 }, savedAt: at }, validate);
    const listed = listSaved(a);
    if (!listed.ok) throw new Error("unreadable");
    const file = exportSaved(listed.value);
    const b = memoryStore();
    expect(importSaved(b, file, validate)).toEqual({
      ok: true,
      value: [{ name: "<b>Bold</b>", scenario: { x: 0.3 }, savedAt: at }],
    });
  });

  it("rejects a corrupt file with a message and loses nothing already saved", () => {
    const store = memoryStore();
    saveScenario(store, { name: "Keep", scenario: { x: 0.5 }, savedAt: at }, validate);
    const before = store.data[STORAGE_KEY];
    const cases: Array<[string, RegExp]> = [
      ["{not json", /^file is not valid JSON/],
      ["[1,2]", /^file must contain a JSON object$/],
      ['{"format":"other"}', /^file format must be "crc-scenarios\/saved-scenarios", got "other"$/],
      [
        '{"format":"crc-scenarios/saved-scenarios","version":9,"scenarios":[]}',
        /^file version must be 1, got 9$/,
      ],
      [
        '{"format":"crc-scenarios/saved-scenarios","version":1,"scenarios":[{"name":"Fine","scenario":{"x":0.2},"savedAt":"t"},{"name":"Bad","scenario":{"x":7},"savedAt":"t"}]}',
        /^scenarios\[1\] \(Bad\): x: 7 must be a number from 0 to 1$/,
      ],
    ];
    for (const [text, message] of cases) {
      const result = importSaved(store, text, validate);
      expect(result.ok).toBe(false);
      expect((result as { messages: string[] }).messages[0]).toMatch(message);
      expect(store.data[STORAGE_KEY]).toBe(before);
    }
  });

  it("never overwrites unreadable storage", () => {
    const store = memoryStore({ [STORAGE_KEY]: "garbage{" });
    const result = saveScenario(
      store,
      { name: "New", scenario: { x: 0.5 }, savedAt: at },
      validate,
    );
    expect(result.ok).toBe(false);
    expect(store.data[STORAGE_KEY]).toBe("garbage{");
  });
});
