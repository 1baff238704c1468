import { beforeAll, describe, expect, it } from "vitest";
import type { Dataset } from "../data/index.ts";
import { loadDataset } from "../data/load-from-disk.ts";
import { exportSaved } from "../state/saved-scenarios.ts";
import { MAX_IMPORT_ISSUES, checkImportRequest } from "./import-request.ts";

let dataset: Dataset;
beforeAll(async () => {
  const loaded = await loadDataset("data");
  if (!loaded.ok) throw new Error("data/ does not load");
  dataset = loaded.value;
});

const at = "2026-01-01T00:00:00.000Z";

describe("checkImportRequest", () => {
  it("answers a valid file with its entries", async () => {
    const file = exportSaved([
      { name: "Mine", scenario: { schemaVersion: 1, extends: "pbr-low" }, savedAt: at },
    ]);
    expect(await checkImportRequest(file, dataset)).toEqual({
      ok: true,
      value: [{ name: "Mine", scenario: { schemaVersion: 1, extends: "pbr-low" }, savedAt: at }],
    });
  });

  it("names each problem with the entry, the field path and the rule", async () => {
    const file = exportSaved([
      {
        name: "Bad",
        scenario: { schemaVersion: 1, parameters: { "ffs.fixedShare": 9 } },
        savedAt: at,
      },
    ]);
    const result = await checkImportRequest(file, dataset);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues[0]!.path).toBe(
      "scenarios[0].scenario.parameters.ffs.fixedShare.value",
    );
    expect(!result.ok && result.issues[0]!.message).toMatch(/ \(in “Bad”\)$/);
  });

  it("sends back at most MAX_IMPORT_ISSUES problems and a count of the rest (issue #15: 2 MB of unknown keys)", async () => {
    const parameters: Record<string, number> = {};
    for (let i = 0; i < 28_000; i++) parameters[`unknown.key.number.${i}.padding.padding.pad`] = i;
    const file = exportSaved([
      { name: "Huge", scenario: { schemaVersion: 1, parameters }, savedAt: at },
    ]);
    expect(file.length).toBeLessThan(2_000_000);
    const result = await checkImportRequest(file, dataset);
    expect(!result.ok && result.issues.length).toBe(MAX_IMPORT_ISSUES + 1);
    expect(!result.ok && result.issues.at(-1)).toEqual({
      path: "",
      message: `and ${28_000 - MAX_IMPORT_ISSUES} more problems`,
    });
  });

  it("refuses anything but text", async () => {
    expect(await checkImportRequest({ scenarios: [] }, dataset)).toEqual({
      ok: false,
      issues: [{ path: "", message: "an object is not a file sent as text" }],
    });
  });
});
