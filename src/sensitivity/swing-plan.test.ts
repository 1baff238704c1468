import { describe, expect, it } from "vitest";
import { FY_COUNT } from "../engine/projection-inputs.ts";
import { PRESETS } from "../scenario/presets.ts";
import { testDataset } from "../../test/fixtures/test-dataset.ts";
import { validateScenario } from "../scenario/validate-scenario.ts";
import { parameterRanges } from "../scenario/parameter-ranges.ts";
import { LEVER_IDS, SPLIT_IDS } from "../uncertainty/index.ts";
import { planSwings } from "./swing-plan.ts";

const dataset = await testDataset();
const inputsOf = (id: string) => {
  const r = validateScenario(PRESETS.get(id), dataset);
  if (!r.ok) throw new Error(id);
  return r.value.inputs;
};

describe("planSwings", () => {
  const inputs = inputsOf("the-2017-variation");
  const swings = planSwings(inputs, dataset);
  const byId = new Map(swings.map((s) => [s.parameter, s]));

  it("swings the uncertain parameters, not levers or single-point figures", () => {
    for (const lever of LEVER_IDS) expect(byId.has(lever)).toBe(false);
    // sourced as one figure (low = high): nothing to swing
    expect(byId.has("ffs.fixedShare")).toBe(false);
    expect(byId.has("ict.compensationTotal")).toBe(false);
    expect(byId.has("staff.loadedCostPerFte")).toBe(true);
  });

  it("swings what the Monte Carlo samples: not the CRCs' parts of a sourced national total", () => {
    // Swinging all 21 bid prices at once moved the sourced £450m a year (issue #16).
    for (const split of SPLIT_IDS) expect(byId.has(split)).toBe(false);
  });

  it("moves the three given shortfall years together, per CRC", () => {
    const s = byId.get("volume.shortfall")!;
    expect(s.ids).toEqual([
      "volume.shortfall.2015-16",
      "volume.shortfall.2016-17",
      "volume.shortfall.2017-18",
    ]);
    expect(s.perCrc).toBe(true);
    expect(byId.has("volume.shortfall.2016-17")).toBe(false);
  });

  it("takes its ends from the Monte Carlo's ranges, as decimals a scenario can hold", () => {
    for (const s of swings) {
      for (const id of s.ids) {
        const ranges = parameterRanges(id, inputs, dataset)!;
        const low = s.low.get(id)!;
        const high = s.high.get(id)!;
        ranges.forEach((r, k) => {
          expect(Math.abs(low[k]! - r.low)).toBeLessThan(1e-9 * Math.max(1, Math.abs(r.low)));
          expect(Math.abs(high[k]! - r.high)).toBeLessThan(1e-9 * Math.max(1, Math.abs(r.high)));
          expect(Number(low[k]!.toPrecision(15))).toBe(low[k]);
        });
      }
    }
    const cost = byId.get("cost.fixedShare")!;
    expect([cost.lowText, cost.highText, cost.status]).toEqual(["0.7", "0.85", "sourced"]);
    expect(byId.get("staff.loadedCostPerFte")!.lowText).toBe("32000");
    expect(byId.get("volume.shortfall")!.lowText).toMatch(
      /^-?\d+(\.\d+)? to -?\d+(\.\d+)? \(by [^)]+\)$/,
    );
  });

  it("moves the range with a scenario's override (contract as let: shortfall 0)", () => {
    const s = planSwings(inputsOf("contract-as-let"), dataset).find(
      (x) => x.parameter === "volume.shortfall",
    )!;
    const high = s.high.get("volume.shortfall.2017-18")!;
    const low = s.low.get("volume.shortfall.2017-18")!;
    for (let k = 0; k < high.length; k += FY_COUNT)
      expect(low[k]! <= 0 && high[k]! >= 0).toBe(true);
  });
});
