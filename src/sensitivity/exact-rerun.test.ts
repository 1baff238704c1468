import { describe, expect, it } from "vitest";
import { MONEY_LINES } from "../engine/lines.ts";
import { projectExact } from "../engine/project-exact.ts";
import { PRESETS } from "../scenario/presets.ts";
import { testDataset } from "../../test/fixtures/test-dataset.ts";
import { validateScenario } from "../scenario/validate-scenario.ts";
import { projectExactWith, scenarioWith } from "./exact-rerun.ts";

const dataset = await testDataset();

describe("scenarioWith", () => {
  it.each(["the-2017-variation", "early-termination", "contract-as-let"])(
    "writes preset %s as a document that resolves to the same hash and inputs",
    (id) => {
      const resolved = validateScenario(PRESETS.get(id), dataset);
      if (!resolved.ok) throw new Error(id);
      const again = validateScenario(scenarioWith(resolved.value, {}), dataset);
      if (!again.ok) throw new Error(JSON.stringify(again.issues));
      expect(again.value.hash).toBe(resolved.value.hash);
      for (const [key, column] of resolved.value.inputs.values)
        expect([key, ...again.value.inputs.values.get(key)!]).toEqual([key, ...column]);
    },
  );
});

describe("projectExactWith", () => {
  it("projects the scenario with an entry replaced, on the exact ledger", () => {
    const resolved = validateScenario(PRESETS.get("the-2017-variation"), dataset);
    if (!resolved.ok) throw new Error("preset");
    const run = projectExactWith(resolved.value, dataset, { "variation.scale": { value: 0 } });
    const direct = validateScenario(PRESETS.get("no-variation"), dataset);
    if (!run.ok || !direct.ok) throw new Error("does not validate");
    const exact = projectExact(direct.value.inputs);
    for (const line of MONEY_LINES)
      expect([line, ...run.value.ledger.money[line]]).toEqual([line, ...exact.money[line]]);
    const bad = projectExactWith(resolved.value, dataset, { "variation.scale": { value: 9 } });
    expect(!bad.ok && bad.issues[0]!.message).toContain("above the maximum 3");
  });
});
