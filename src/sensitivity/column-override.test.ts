import { describe, expect, it } from "vitest";
import { FY_COUNT } from "../engine/projection-inputs.ts";
import { PRESETS } from "../scenario/presets.ts";
import { testDataset } from "../../test/fixtures/test-dataset.ts";
import { validateScenario } from "../scenario/validate-scenario.ts";
import { columnOverride } from "./column-override.ts";
import { scenarioWith } from "./exact-rerun.ts";

const dataset = await testDataset();
const resolved = validateScenario(PRESETS.get("the-2017-variation"), dataset);
if (!resolved.ok) throw new Error("preset does not validate");
const scenario = resolved.value;
const base = scenario.inputs;
const n = base.crcs.length;

/** The column the resolver makes from the override. */
function roundTrip(id: string, column: Float64Array): Float64Array {
  const override = columnOverride(id, column, base.crcs, dataset);
  if (override === undefined) throw new Error("not expressible");
  const again = validateScenario(scenarioWith(scenario, { [id]: override }), dataset);
  if (!again.ok) throw new Error(JSON.stringify(again.issues));
  return again.value.inputs.values.get(id)!;
}

describe("columnOverride", () => {
  it("writes one value, one per CRC (money in pounds) or one per year, and the resolver gives the column back", () => {
    const same = new Float64Array(n * FY_COUNT).fill(0.72);
    expect(columnOverride("cost.fixedShare", same, base.crcs, dataset)).toEqual({ value: 0.72 });
    expect([...roundTrip("cost.fixedShare", same)]).toEqual([...same]);

    const price = Float64Array.from(base.values.get("size.annualPrice")!, (p) => p - 101);
    const byCrc = columnOverride("size.annualPrice", price, base.crcs, dataset);
    expect(byCrc?.byCrc?.["london"]).toBe(
      price[base.crcs.findIndex((c) => c.id === "london") * FY_COUNT]! / 100,
    );
    expect([...roundTrip("size.annualPrice", price)]).toEqual([...price]);

    const byYear = Float64Array.from({ length: n * FY_COUNT }, (_, k) => (k % FY_COUNT) / 100);
    expect(Object.keys(columnOverride("staff.payAward", byYear, base.crcs, dataset)!)).toEqual([
      "byYear",
    ]);
    expect([...roundTrip("staff.payAward", byYear)]).toEqual([...byYear]);
  });

  it("gives undefined for a column that varies by both CRC and year", () => {
    const both = Float64Array.from({ length: n * FY_COUNT }, (_, k) => k / 1000);
    expect(columnOverride("staff.payAward", both, base.crcs, dataset)).toBeUndefined();
  });
});
