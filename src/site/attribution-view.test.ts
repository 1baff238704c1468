import { beforeAll, describe, expect, it } from "vitest";
import { attributeDelta, type Attribution } from "../explain/attribute-delta.ts";
import { parameterCatalog } from "../explain/attribution-groups.ts";
import { testDataset } from "../../test/fixtures/test-dataset.ts";
import { validateScenario } from "../scenario/validate-scenario.ts";
import { waterfallSteps } from "./attribution-view.ts";
import { chartSpec } from "./chart-catalog.ts";

let d: Attribution;
beforeAll(async () => {
  const dataset = await testDataset();
  const inputs = (id: string) => {
    const r = validateScenario({ schemaVersion: 1, extends: id }, dataset);
    if (!r.ok) throw new Error(id);
    return r.value.inputs;
  };
  const r = attributeDelta(
    inputs("contract-as-let"),
    inputs("the-2017-variation"),
    { crc: "ALL", line: "profit", period: "total" },
    { catalog: parameterCatalog(dataset.parameters) },
  );
  if (!r.ok) throw new Error("attribution");
  d = r.value;
});

describe("waterfallSteps", () => {
  it("runs from the baseline's figure through each share, largest first, to the scenario's exactly", () => {
    const steps = waterfallSteps(d, "As let", "Variation");
    expect(steps[0]).toMatchObject({
      kind: "baseline",
      label: "Baseline: As let",
      endPence: d.amountAPence,
    });
    expect(steps.at(-1)).toMatchObject({
      kind: "scenario",
      label: "Scenario: Variation",
      endPence: d.amountBPence,
    });
    const parts = steps.slice(1, -1);
    expect(parts.map((s) => s.group).sort()).toEqual(d.parts.map((p) => p.group));
    expect(parts[0]!.startPence).toBe(d.amountAPence);
    parts.forEach((s, i) => {
      expect(s.endPence - s.startPence).toBe(s.changePence);
      if (i > 0) expect(s.startPence).toBe(parts[i - 1]!.endPence);
      if (i > 0)
        expect(Math.abs(s.changePence)).toBeLessThanOrEqual(Math.abs(parts[i - 1]!.changePence));
    });
    expect(parts.at(-1)!.endPence).toBe(d.amountBPence);
    expect(steps.map((s) => s.step)).toEqual(steps.map((_, i) => i));
  });

  it("exports as CSV rows with the engine's pence", () => {
    const rows = chartSpec("delta-waterfall").csv(waterfallSteps(d, "A", "B"));
    expect(rows[0]).toEqual({
      step: 0,
      kind: "baseline",
      group: "",
      label: "Baseline: A",
      parameters: "",
      start_pence: 0,
      end_pence: d.amountAPence,
      change_pence: d.amountAPence,
      standard_error_pence: null,
    });
    const shares = rows.filter((r) => r.kind === "part");
    expect(shares.reduce((s, r) => s + (r.change_pence as number), 0)).toBe(d.deltaPence);
  });
});
