import { describe, expect, it } from "vitest";
import { param } from "../data/index.ts";
import { checkOverrideValue } from "../scenario/override-value.ts";
import { testDataset } from "../../test/fixtures/test-dataset.ts";
import { formatScenarioValue, snapDecimal, toScenarioValue } from "./scenario-value.ts";

const dataset = await testDataset();

describe("toScenarioValue", () => {
  it("writes pence as pounds, month indices as YYYY-MM, shares as they are", () => {
    expect(toScenarioValue(3_200_000, param(dataset, "staff.loadedCostPerFte"))).toBe(32000);
    expect(toScenarioValue(1, param(dataset, "ict.paymentMonth"))).toBe("2015-03");
    expect(toScenarioValue(0.15, param(dataset, "ffs.toleranceBand"))).toBe(0.15);
    expect(formatScenarioValue(12345, param(dataset, "staff.loadedCostPerFte"))).toBe("123.45");
  });

  it("gives back what checkOverrideValue turns into the same engine number", () => {
    for (const [id, engine] of [
      ["staff.loadedCostPerFte", 3_612_345],
      ["ict.paymentMonth", 13],
      ["cost.fixedShare", 0.7234],
    ] as const) {
      const row = param(dataset, id);
      const back = checkOverrideValue(toScenarioValue(engine, row), row);
      expect(back).toEqual({ ok: true, value: engine });
    }
  });
});

describe("snapDecimal", () => {
  it("brings float round-off back to the decimal it stands for", () => {
    expect(0.2 - 0.05).not.toBe(0.15);
    expect(snapDecimal(0.2 - 0.05)).toBe(0.15);
    expect(snapDecimal(0.256 - 0.096)).toBe(0.16);
    expect(snapDecimal(0)).toBe(0);
    expect(snapDecimal(1_591_002_500)).toBe(1_591_002_500);
  });
});
