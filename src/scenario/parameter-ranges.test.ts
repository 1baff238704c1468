import { formatIssue } from "../issues/issue.ts";
import { describe, expect, it } from "vitest";
import { FY_COUNT } from "../engine/projection-inputs.ts";
import { testDataset } from "../../test/fixtures/test-dataset.ts";
import { validateScenario } from "./validate-scenario.ts";
import {
  hasCrcRows,
  isWholeNumber,
  parameterRanges,
  rowNumber,
  rowsByCrc,
} from "./parameter-ranges.ts";

const dataset = await testDataset();
const inputsOf = (parameters: Record<string, unknown>) => {
  const result = validateScenario({ schemaVersion: 1, parameters }, dataset);
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join("; "));
  return result.value.inputs;
};
const row = (id: string, crc: string | null = null) =>
  dataset.parameters.find((p) => p.id === id && p.crc === crc)!;
const london = dataset.crcs.findIndex((c) => c.id === "london");

describe("rowNumber", () => {
  it("reads money in pence, months as contract month indices, the rest as written", () => {
    expect(rowNumber(row("staff.loadedCostPerFte"), "low")).toBe(3_200_000);
    expect(rowNumber(row("ict.paymentMonth"), "low")).toBe(8); // 2015-10
    expect(rowNumber(row("ffs.toleranceBand"), "high")).toBe(0.1);
  });
});

describe("parameterRanges", () => {
  it("is the data row's low–high around its default when the scenario keeps the default", () => {
    const ranges = parameterRanges("ffs.toleranceBand", inputsOf({}), dataset)!;
    expect(ranges).toHaveLength(21 * FY_COUNT);
    expect(ranges[0]).toEqual({ min: 0, low: 0, mode: 0.05, high: 0.1, max: 0.5 });
  });

  it("moves the data's spread to the scenario's value, cut to the row's limits", () => {
    const ranges = parameterRanges(
      "ffs.toleranceBand",
      inputsOf({ "ffs.toleranceBand": 0.45 }),
      dataset,
    )!;
    // spread 0.05 below and above; 0.45 + 0.05 = 0.5 is the max.
    expect(ranges[0]!.low).toBeCloseTo(0.4, 12);
    expect(ranges[0]!.high).toBe(0.5);
    const low = parameterRanges(
      "ffs.toleranceBand",
      inputsOf({ "ffs.toleranceBand": 0.01 }),
      dataset,
    )!;
    expect(low[0]).toEqual({ min: 0, low: 0, mode: 0.01, high: 0.060000000000000005, max: 0.5 });
  });

  it("uses each CRC's own row where it has one, and an explicit range for every cell", () => {
    const inputs = inputsOf({});
    const ranges = parameterRanges("volume.shortfall.2017-18", inputs, dataset)!;
    const r = row("volume.shortfall.2017-18", "london");
    expect(ranges[london * FY_COUNT]).toEqual({
      min: -0.5,
      low: Number(r.text.low),
      mode: Number(r.text.default),
      high: Number(r.text.high),
      max: 0.9,
    });
    const explicit = parameterRanges("volume.shortfall.2017-18", inputs, dataset, {
      low: 0.1,
      high: 0.5,
    })!;
    expect(explicit.every((x) => x.low === 0.1 && x.high === 0.5)).toBe(true);
  });

  it("is undefined for a parameter the inputs do not carry", () => {
    expect(parameterRanges("no.such", inputsOf({}), dataset)).toBeUndefined();
  });
});

describe("row helpers", () => {
  it("find each CRC's row, falling back to the national row", () => {
    const rows = rowsByCrc("redundancy.weeksPerYear", inputsOf({}), dataset);
    expect(rows.filter((r) => r?.crc !== null).map((r) => r!.crc)).toEqual([
      "bgsw",
      "ddc",
      "wales",
    ]);
    expect(hasCrcRows("redundancy.weeksPerYear", dataset)).toBe(true);
    expect(hasCrcRows("ffs.toleranceBand", dataset)).toBe(false);
  });

  it("say which parameters are drawn as whole numbers: money, months, people", () => {
    expect(isWholeNumber("staff.loadedCostPerFte", dataset)).toBe(true);
    expect(isWholeNumber("ict.paymentMonth", dataset)).toBe(true);
    expect(isWholeNumber("pbr.cashLagMonths", dataset)).toBe(true);
    expect(isWholeNumber("size.caseload2014", dataset)).toBe(true);
    expect(isWholeNumber("ffs.toleranceBand", dataset)).toBe(false);
    expect(isWholeNumber("staff.fteJune2017", dataset)).toBe(false);
  });
});
