import { formatIssue } from "../issues/issue.ts";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FY_COUNT } from "../engine/projection-inputs.ts";
import { PRESETS } from "../scenario/presets.ts";
import { testDataset } from "../../test/fixtures/test-dataset.ts";
import type { UncertaintySettings } from "../scenario/uncertainty-settings.ts";
import { validateScenario } from "../scenario/validate-scenario.ts";
import { LEVER_IDS, SPLIT_IDS } from "../scenario/sampled-parameters.ts";
import { cellRuns, planSampling } from "./plan-sampling.ts";

const dataset = await testDataset();
const resolve = (doc: unknown) => {
  const result = validateScenario(doc, dataset);
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join("; "));
  return result.value;
};
const variation = resolve(PRESETS.get("the-2017-variation"));
const plan = (settings: UncertaintySettings, base = variation.inputs) => {
  const result = planSampling(base, dataset, settings);
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join("; "));
  return result.value;
};
const problems = (settings: UncertaintySettings) => {
  const result = planSampling(variation.inputs, dataset, settings);
  return result.ok ? [] : result.issues.map(formatIssue);
};
const warnings = (settings: UncertaintySettings) => {
  const result = planSampling(variation.inputs, dataset, settings);
  return result.ok ? result.warnings.map(formatIssue) : ["not ok"];
};

describe("planSampling by default", () => {
  const p = plan({});
  const ids = p.parameters.map((x) => x.id);

  it("samples every parameter with a spread in the data, except levers and splits of totals", () => {
    for (const id of [...LEVER_IDS, ...SPLIT_IDS]) expect(ids).not.toContain(id);
    expect(ids).toEqual(
      expect.arrayContaining([
        "ffs.toleranceBand",
        "cost.fixedShare",
        "volume.shortfall.2015-16",
        "volume.shortfall.2017-18",
        "volume.shortfallTrend",
        "staff.fteJune2017",
        "pbr.binaryReductionPts",
      ]),
    );
    // Sourced with no spread (low = high): fixed.
    expect(ids).not.toContain("ffs.fixedShare");
    expect(ids).not.toContain("ict.compensationTotal");
    for (const x of p.parameters) {
      expect(x.shape).toBe("pert");
      expect(x.ranges.some((r) => r.high > r.low)).toBe(true);
      for (const r of x.ranges) {
        expect(r.min <= r.low && r.low <= r.mode && r.mode <= r.high && r.high <= r.max).toBe(true);
      }
    }
  });

  it("ties a national figure's CRCs together (ρ = 1) and draws per-CRC rows apart (ρ = 0)", () => {
    const of = (id: string) => p.parameters.find((x) => x.id === id)!;
    expect(of("ffs.toleranceBand").correlation).toBe(1);
    expect(of("volume.shortfall.2017-18").correlation).toBe(0);
    expect(of("volume.shortfall.2017-18").group).toBe("volume.shortfall");
    expect(of("staff.fteJune2017").correlation).toBe(0);
  });

  it("draws a fully correlated figure read once per CRC as one slot for all 21 × 9 cells", () => {
    const index = p.parameters.findIndex((x) => x.id === "cost.bidMargin");
    const slots = p.slots.filter((s) => s.parameter === index);
    expect(slots).toHaveLength(1);
    expect(slots[0]!.targets).toHaveLength(21 * FY_COUNT);
    // Per-CRC rows: one slot per CRC, its years together.
    const fte = p.parameters.findIndex((x) => x.id === "staff.fteJune2017");
    // (Sodexo's six CRCs have sourced June 2017 figures with no spread: fixed.)
    expect(p.slots.filter((s) => s.parameter === fte)).toHaveLength(15);
  });

  it("lets CRCs on the national row of a parameter with some per-CRC rows share one draw", () => {
    // redundancy.weeksPerYear: three Working Links CRCs have sourced rows with no spread, the
    // other 18 share the national assumption.
    const index = p.parameters.findIndex((x) => x.id === "redundancy.weeksPerYear");
    const slots = p.slots.filter((s) => s.parameter === index);
    expect(slots).toHaveLength(1);
    expect(slots[0]!.targets).toHaveLength(18 * FY_COUNT);
  });
});

describe("planSampling with settings", () => {
  it("samples a lever or a split when named, and fixes a parameter named as a point", () => {
    const p = plan({
      shape: "uniform",
      distributions: {
        "variation.scale": "triangular",
        "size.annualPrice": "pert",
        "cost.bidMargin": "point",
      },
    });
    const ids = p.parameters.map((x) => x.id);
    expect(ids).toContain("variation.scale");
    expect(ids).toContain("size.annualPrice");
    expect(ids).not.toContain("cost.bidMargin");
    expect(p.parameters.find((x) => x.id === "variation.scale")!.shape).toBe("triangular");
    expect(p.parameters.find((x) => x.id === "ffs.toleranceBand")!.shape).toBe("uniform");
    expect(plan({ shape: "point" }).parameters).toEqual([]);
  });

  it("converts an explicit range to the engine's units: pounds to pence, months to indices", () => {
    const p = plan({
      distributions: {
        "staff.loadedCostPerFte": { low: 30000, high: 45000.5 },
        "ict.paymentMonth": { low: "2015-10", high: "2016-09" },
      },
    });
    const cost = p.parameters.find((x) => x.id === "staff.loadedCostPerFte")!;
    expect(cost.range).toBe("settings");
    expect([cost.ranges[0]!.low, cost.ranges[0]!.high]).toEqual([3_000_000, 4_500_050]);
    const month = p.parameters.find((x) => x.id === "ict.paymentMonth")!;
    expect([month.ranges[0]!.low, month.ranges[0]!.mode, month.ranges[0]!.high]).toEqual([
      8, 13, 19,
    ]);
    expect(month.whole).toBe(true);
  });

  it("applies a volume.shortfall range to each given year, and its correlation to the path", () => {
    const p = plan({
      distributions: { "volume.shortfall": { shape: "uniform", low: 0, high: 0.6 } },
      correlation: { "volume.shortfall": 0.4 },
    });
    const years = p.parameters.filter((x) => x.group === "volume.shortfall");
    expect(
      years.map((x) => [x.id, x.shape, x.correlation, x.ranges[0]!.low, x.ranges[0]!.high]),
    ).toEqual([
      ["volume.shortfall.2015-16", "uniform", 0.4, 0, 0.6],
      ["volume.shortfall.2016-17", "uniform", 0.4, 0, 0.6],
      ["volume.shortfall.2017-18", "uniform", 0.4, 0, 0.6],
    ]);
    expect(p.groups.filter((g) => g.group === "volume.shortfall")).toEqual([
      { group: "volume.shortfall", correlation: 0.4 },
    ]);
  });

  it("lets one given shortfall year's entry refine the volume.shortfall entry", () => {
    const p = plan({
      distributions: {
        "volume.shortfall": { shape: "uniform", low: 0, high: 0.6 },
        "volume.shortfall.2017-18": { low: 0.1, high: 0.55 },
      },
    });
    const years = p.parameters.filter((x) => x.group === "volume.shortfall");
    expect(years.map((x) => [x.shape, x.ranges[0]!.low, x.ranges[0]!.high])).toEqual([
      ["uniform", 0, 0.6],
      ["uniform", 0, 0.6],
      ["uniform", 0.1, 0.55],
    ]);
  });

  it("names each problem's field and what is allowed", () => {
    expect(
      problems({
        distributions: {
          "ffs.tolerancBand": "pert",
          "cost.bidMargin": { low: -0.5, high: 0.1 },
          "ffs.upsideCap": { low: 0.2, high: 0.1 },
          "ffs.toleranceBand": { low: 0.06, high: 0.08 },
          "variation.start": { low: "2014-01", high: "2017-09" },
        },
        correlation: { "volume.shortfall.2017-18": 0.5, "staff.bonus": 0.1 },
      }),
    ).toEqual([
      'distributions.ffs.tolerancBand: unknown parameter "ffs.tolerancBand" (did you mean "ffs.toleranceBand"?); use a parameter id the engine reads or "volume.shortfall"',
      "distributions.cost.bidMargin.low: -0.5 is below the minimum -0.2",
      "distributions.ffs.upsideCap: low 0.2 is above high 0.1; low must not exceed high",
      "distributions.variation.start.low: 2014-01 is before the earliest allowed month 2015-02",
      'correlation.volume.shortfall.2017-18: the given shortfall years share one draw per CRC: set the correlation of "volume.shortfall"',
      'correlation.staff.bonus: unknown parameter "staff.bonus"; use a parameter id the engine reads or "volume.shortfall"',
      "distributions.ffs.toleranceBand: the scenario's value of ffs.toleranceBand for northumbria in 2014-15, 0.05, is outside low–high 0.06 to 0.08; the range must contain the scenario's value (its most likely value)",
    ]);
  });

  it("refuses an absolute range outside some CRC's limits once, counting the others", () => {
    expect(problems({ distributions: { "staff.fteJune2017": { low: 1, high: 2000 } } })).toEqual([
      "distributions.staff.fteJune2017.high: 2000 is above the maximum 465 (the range for northumbria); so do 18 more data rows",
    ]);
  });

  it("refuses ranges that could take staffing to zero in some draw", () => {
    const base = resolve({
      schemaVersion: 1,
      extends: "the-2017-variation",
      parameters: { "staff.fteJune2017": 100 },
    }).inputs;
    const result = planSampling(base, dataset, {
      distributions: { "staff.fteJune2017": { low: 0, high: 200 } },
    });
    expect(result.ok ? [] : result.issues.map(formatIssue)).toEqual([
      "distributions.staff.fteJune2017: for northumbria: with this range staffing could fall to 0 FTE in some draws; the ranges of staff.fteJune2014, staff.fteJune2017 and staff.cutScale must keep staff.fteJune2014 + staff.cutScale × (staff.fteJune2017 − staff.fteJune2014) above 0 (narrow the range given for staff.fteJune2017)",
    ]);
  });

  it("holds, rather than refuses, staffing the data's ranges take to 0 FTE (issue #15)", () => {
    // The scenario sets 139.7 FTE in June 2017 and nothing else about uncertainty: London's
    // range around it reaches 0. Its draws are held above 0; the scenario is valid.
    const doc = {
      schemaVersion: 1,
      parameters: { "staff.fteJune2017": 139.7 },
      uncertainty: { seed: 1 },
    };
    const checked = validateScenario(doc, dataset);
    expect(checked.ok ? checked.warnings : checked.issues).toEqual([]);
    const base = resolve(doc).inputs;
    const result = planSampling(base, dataset, {}, "");
    if (!result.ok) throw new Error(result.issues.map(formatIssue).join("; "));
    expect(result.value.staffingHolds.map((h) => base.crcs[h.crc]!.id)).toEqual(["london"]);
    expect(result.warnings.map(formatIssue)).toEqual([
      'distributions.staff.fteJune2017: the data\'s ranges of staff.fteJune2017 around the scenario\'s values reach 0 FTE for london: draws that would take staffing to 0 FTE or below are held at 1 FTE (or the scenario\'s lowest, if lower); to sample otherwise, give staff.fteJune2017 a "low" and "high" of their own',
    ]);
  });

  it("refuses a named range of a national total that lets every CRC's draw reach 0", () => {
    const base = resolve({
      schemaVersion: 1,
      parameters: { "size.caseload2014": 2000 },
    }).inputs;
    const result = planSampling(base, dataset, {
      distributions: { "size.caseload2014": { low: 0, high: 3000 } },
    });
    expect(result.ok ? [] : result.issues.map(formatIssue)).toEqual([
      'distributions.size.caseload2014: every CRC\'s size.caseload2014 could be drawn at 0 at once; payment by results is shared out by caseload, so their sum must stay above 0: give a range whose "low" is above 0 for at least one CRC',
    ]);
  });

  it("warns when a named parameter has no spread to sample, or a correlation has no effect", () => {
    expect(
      warnings({
        distributions: { "ffs.fixedShare": "uniform" },
        correlation: { "pbr.binaryPricePerPoint": 0.5 },
      }),
    ).toEqual([
      "correlation.pbr.binaryPricePerPoint: has no effect: pbr.binaryPricePerPoint is one national figure, the same for every CRC",
      'distributions.ffs.fixedShare: ffs.fixedShare has no spread in data/parameters.csv (low = high), so it stays fixed; give "low" and "high" to sample it',
    ]);
  });
});

describe("a scenario's uncertainty block", () => {
  it("is checked by validateScenario with paths under uncertainty, every problem at once", () => {
    const result = validateScenario(
      {
        schemaVersion: 1,
        extends: "the-2017-variation",
        uncertainty: { draws: 0, distributions: { "cost.bidMargin": { low: 0.05, high: 0.1 } } },
      },
      dataset,
    );
    expect(result.ok ? [] : result.issues.map(formatIssue)).toEqual([
      "uncertainty.draws: 0 is not a whole number from 1 to 100000",
      "uncertainty.distributions.cost.bidMargin: the scenario's value of cost.bidMargin for northumbria in 2014-15, 0.03, is outside low–high 0.05 to 0.1; the range must contain the scenario's value (its most likely value)",
    ]);
  });

  it("does not change the scenario's hash (it identifies the projection)", () => {
    const plain = resolve({ schemaVersion: 1, extends: "the-2017-variation" });
    const withBlock = resolve({
      schemaVersion: 1,
      extends: "the-2017-variation",
      uncertainty: { draws: 50, seed: 7, correlation: { "volume.shortfall": 0.3 } },
    });
    expect(withBlock.hash).toBe(plain.hash);
    expect(withBlock.merged.uncertainty).toEqual({
      draws: 50,
      seed: 7,
      correlation: { "volume.shortfall": 0.3 },
    });
  });
});

describe("cellRuns", () => {
  const expand = (runs: Int32Array) => {
    const cells: number[] = [];
    for (let r = 0; r < runs.length; r += 2)
      for (let k = runs[r]!; k < runs[r + 1]!; k++) cells.push(k);
    return cells;
  };

  it("gives back exactly the cells, in runs as long as they go (law)", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 400 }), { maxLength: 200 }), (xs) => {
        const targets = [...xs].sort((a, b) => a - b);
        const runs = cellRuns(targets);
        expect(expand(runs)).toEqual(targets);
        // Maximal: each run is non-empty and ends before the next starts, with a gap.
        for (let r = 0; r < runs.length; r += 2) {
          expect(runs[r + 1]!).toBeGreaterThan(runs[r]!);
          if (r + 2 < runs.length) expect(runs[r + 2]!).toBeGreaterThan(runs[r + 1]!);
        }
      }),
    );
    expect([...cellRuns([0, 1, 2, 5, 6, 9])]).toEqual([0, 3, 5, 7, 9, 10]);
    expect([...cellRuns([])]).toEqual([]);
  });

  it("refuses targets that do not ascend", () => {
    expect(() => cellRuns([3, 2])).toThrow(/ascend/);
    expect(() => cellRuns([1, 1])).toThrow(RangeError);
  });

  it("covers each slot's targets in every preset's plan, and each whole column in few runs", () => {
    for (const id of PRESETS.keys()) {
      const p = plan({}, resolve(PRESETS.get(id)).inputs);
      for (const slot of p.slots) expect(expand(slot.runs)).toEqual([...slot.targets]);
      const runs = p.slots.reduce((sum, slot) => sum + slot.runs.length / 2, 0);
      expect(runs).toBeLessThan(p.slots.length * 2);
    }
  });
});
