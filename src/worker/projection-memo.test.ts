import { beforeAll, describe, expect, it } from "vitest";
import type { Dataset } from "../data/index.ts";
import { loadDataset } from "../data/load-from-disk.ts";
import { projectScenario } from "../scenario/project-scenario.ts";
import { createProjectionMemo } from "./projection-memo.ts";

let dataset: Dataset;
beforeAll(async () => {
  const loaded = await loadDataset("data");
  if (!loaded.ok) throw new Error("data/ does not validate");
  dataset = loaded.value;
});

describe("createProjectionMemo", () => {
  it("reuses the ledger for the same effective scenario, with its own title", () => {
    const project = createProjectionMemo(dataset);
    const first = project({ schemaVersion: 1, extends: "pbr-high" });
    const again = project({ schemaVersion: 1, extends: "pbr-high", title: "Renamed" });
    if (!first.ok || !again.ok) throw new Error("projection failed");
    expect(again.value.ledger).toBe(first.value.ledger);
    expect(again.value.scenario.merged.title).toBe("Renamed");
    const direct = projectScenario({ schemaVersion: 1, extends: "pbr-high" }, dataset);
    if (!direct.ok) throw new Error("projection failed");
    expect(first.value.ledger.money.profit).toEqual(direct.value.ledger.money.profit);
  });

  it("projects again when the scenario changes, and passes problems through", () => {
    const project = createProjectionMemo(dataset);
    const a = project({ schemaVersion: 1, extends: "pbr-high" });
    const b = project({ schemaVersion: 1, extends: "pbr-low" });
    if (!a.ok || !b.ok) throw new Error("projection failed");
    expect(b.value.ledger).not.toBe(a.value.ledger);
    expect(b.value.ledger.money.pbr).not.toEqual(a.value.ledger.money.pbr);
    const bad = project({ schemaVersion: 1, parameters: { "ffs.fixedShare": 1.7 } });
    expect(bad.ok).toBe(false);
  });
});
