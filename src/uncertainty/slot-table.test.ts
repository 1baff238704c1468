import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PRESETS } from "../scenario/presets.ts";
import { testDataset } from "../../test/fixtures/test-dataset.ts";
import { SHAPES, type UncertaintySettings } from "../scenario/uncertainty-settings.ts";
import { validateScenario } from "../scenario/validate-scenario.ts";
import type { CellRange } from "../scenario/parameter-ranges.ts";
import { cellSampler, sampleCell, type CdfTable } from "./distributions.ts";
import { planSampling, type Slot } from "./plan-sampling.ts";
import { slotTable, slotValue } from "./slot-table.ts";

const dataset = await testDataset();
const resolved = validateScenario(PRESETS.get("the-2017-variation"), dataset);
if (!resolved.ok) throw new Error("preset");
const planOf = (settings: UncertaintySettings) => {
  const planned = planSampling(resolved.value.inputs, dataset, settings);
  if (!planned.ok) throw new Error("plan");
  return planned.value;
};
const openUnit = fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true });

/** What `sampleInto` wrote per slot before the table: the sampler's value, rounded if whole. */
const direct = (slot: Slot, u: number) => {
  const x = sampleCell(slot.sampler, u);
  return slot.whole ? Math.round(x) : x;
};

describe("slotTable / slotValue", () => {
  it("gives every slot's value to the bit, every shape, body and tails (law)", () => {
    for (const shape of SHAPES) {
      const plan = planOf({ shape });
      const table = slotTable(plan.slots);
      fc.assert(
        fc.property(openUnit, (u) => {
          for (let s = 0; s < plan.slots.length; s++)
            expect(Object.is(slotValue(table, s, u), direct(plan.slots[s]!, u))).toBe(true);
        }),
        { numRuns: 60 },
      );
      // Each end of the quantile table's body, and just inside the tails.
      for (const u of [15.9999 / 1024, 16 / 1024, 1007.9999 / 1024, 1008 / 1024, 1e-9, 1 - 1e-9])
        for (let s = 0; s < plan.slots.length; s++)
          expect(slotValue(table, s, u)).toBe(direct(plan.slots[s]!, u));
    }
  });

  it("shares one copy of a PERT table between slots, and lays out each slot's runs", () => {
    const tables = new Map<number, CdfTable>();
    const range = (mode: number): CellRange => ({ min: 0, low: 1, mode, high: 3, max: 4 });
    const slot = (mode: number, runs: number[], whole = false): Slot => ({
      parameter: runs.length,
      uniform: mode > 2 ? 1 : 0,
      sampler: cellSampler("pert", range(mode), tables),
      whole,
      targets: new Int32Array(0),
      runs: Int32Array.from(runs),
    });
    const slots = [slot(1.5, [0, 8]), slot(2.5, [3, 4, 9, 12], true), slot(1.5, [])];
    const t = slotTable(slots);
    expect(t.count).toBe(3);
    expect([...t.tableAt]).toEqual([0, 1025, 0]);
    expect(t.quantiles.length).toBe(2 * 1025);
    expect([...t.runFrom]).toEqual([0, 2, 6, 6]);
    expect([...t.runs]).toEqual([0, 8, 3, 4, 9, 12]);
    expect([...t.uniform]).toEqual([0, 1, 0]);
    expect([...t.parameter]).toEqual([2, 4, 0]);
    expect([...t.whole]).toEqual([0, 1, 0]);
    for (const u of [0.001, 0.3, 0.5, 0.97])
      slots.forEach((s, i) => expect(slotValue(t, i, u)).toBe(direct(s, u)));
  });
});
