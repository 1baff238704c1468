import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PRESETS } from "../scenario/presets.ts";
import { testDataset } from "../../test/fixtures/test-dataset.ts";
import { validateScenario, type ResolvedScenario } from "../scenario/validate-scenario.ts";
import { inputIssues, withColumns } from "./edit-inputs.ts";
import { projectExactWith, scenarioWith } from "./exact-rerun.ts";
import { knobIds, makeKnob, SHORTFALL_SHIFT } from "./knob.ts";

const dataset = await testDataset();
const resolvedPresets = new Map<string, ResolvedScenario>();
for (const id of PRESETS.keys()) {
  const r = validateScenario(PRESETS.get(id), dataset);
  if (!r.ok) throw new Error(id);
  resolvedPresets.set(id, r.value);
}
const variation = resolvedPresets.get("the-2017-variation")!;
const n = variation.inputs.crcs.length;
const all = Array.from({ length: n }, (_, c) => c);
const knob = (id: string, crcs: number[] = all, resolved = variation) => {
  const k = makeKnob(id, resolved.inputs, resolved.merged, dataset, crcs, "x");
  if (!k.ok) throw new Error(JSON.stringify(k.issues));
  return k.value;
};

describe("makeKnob", () => {
  it("offers the shortfall shift and every numeric parameter the engine reads", () => {
    const ids = knobIds(dataset);
    expect(ids[0]).toBe(SHORTFALL_SHIFT);
    expect(ids).toContain("ffs.fixedShare");
    expect(ids).not.toContain("variation.start"); // a month
    expect(ids).not.toContain("size.baselineWav"); // not read by the engine
  });

  it("sets a parameter's columns and writes the same as scenario overrides (money in pounds)", () => {
    const k = knob("staff.loadedCostPerFte", [3]);
    expect(k.allowed).toEqual({ min: 15000, max: 80000 });
    expect(k.span).toEqual({ from: 32000, to: 42000 });
    expect(k.current).toBe(36000);
    const column = k.columns(40000.5).get("staff.loadedCostPerFte")!;
    expect(column[3 * 8]).toBe(4_000_050);
    expect(column[0]).toBe(3_600_000);
    const crc = variation.inputs.crcs[3]!.id;
    expect(k.overrides(40000.5)).toEqual({
      "staff.loadedCostPerFte": { byCrc: { [crc]: 40000.5 } },
    });
    const again = validateScenario(scenarioWith(variation, k.overrides(40000.5)), dataset);
    expect(again.ok && [...again.value.inputs.values.get("staff.loadedCostPerFte")!]).toEqual([
      ...column,
    ]);
  });

  it("defaults a sourced single-point parameter's span to its allowed range", () => {
    expect(knob("ffs.fixedShare").span).toEqual({ from: 0, to: 1 });
  });

  it("names what is wrong with an id", () => {
    const problems: [string, string][] = [
      ["ffs.fixedshare", 'unknown parameter "ffs.fixedshare" (did you mean "ffs.fixedShare"?)'],
      ["contract.start", "has no effect"],
      ["termination.endDate", "is a month"],
    ];
    for (const [id, message] of problems) {
      const k = makeKnob(id, variation.inputs, variation.merged, dataset, all, "x");
      expect(!k.ok && k.issues[0]).toEqual({
        path: "x",
        message: expect.stringContaining(message),
      });
    }
    const national = makeKnob(
      "pbr.binaryPricePerPoint",
      variation.inputs,
      variation.merged,
      dataset,
      [0],
      "lever",
    );
    expect(!national.ok && national.issues[0]!.message).toContain("national figure");
  });

  it("allows exactly the shortfall shifts that keep every year of every chosen CRC in range (law)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...resolvedPresets.keys()),
        fc.option(fc.integer({ min: 0, max: n - 1 }), { nil: undefined }),
        (preset, one) => {
          const resolved = resolvedPresets.get(preset)!;
          const k = knob(SHORTFALL_SHIFT, one === undefined ? all : [one], resolved);
          expect(k.allowed.min).toBeLessThanOrEqual(0);
          expect(k.allowed.max).toBeGreaterThanOrEqual(0);
          expect(k.span.from).toBeGreaterThanOrEqual(k.allowed.min);
          expect(k.span.to).toBeLessThanOrEqual(k.allowed.max);
          for (const value of [k.allowed.min, k.allowed.max]) {
            const inputs = withColumns(resolved.inputs, k.columns(value));
            expect(inputIssues(inputs, dataset)).toEqual([]);
            expect(projectExactWith(resolved, dataset, k.overrides(value)).ok).toBe(true);
          }
          for (const value of [k.allowed.min - 0.001, k.allowed.max + 0.001]) {
            const v = Number(value.toFixed(6));
            expect(projectExactWith(resolved, dataset, k.overrides(v)).ok).toBe(false);
          }
        },
      ),
      { numRuns: 12 },
    );
  });
});
