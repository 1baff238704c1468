import { formatIssue } from "../issues/issue.ts";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { workloadWithinCap } from "../engine/constraints.ts";
import { FY_COUNT } from "../engine/projection-inputs.ts";
import { PRESETS } from "../scenario/presets.ts";
import { testDataset } from "../../test/fixtures/test-dataset.ts";
import type { UncertaintySettings } from "../scenario/uncertainty-settings.ts";
import { validateScenario } from "../scenario/validate-scenario.ts";
import { planSampling } from "./plan-sampling.ts";
import { createRng } from "./prng.ts";
import { drawBuffers, sampleInto } from "./sampler.ts";

const dataset = await testDataset();
const resolved = validateScenario(PRESETS.get("the-2017-variation"), dataset);
if (!resolved.ok) throw new Error("preset");
const base = resolved.value.inputs;
const planOf = (settings: UncertaintySettings = {}) => {
  const result = planSampling(base, dataset, settings);
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join("; "));
  return result.value;
};
const defaultPlan = planOf();

/** `draws` draws of the columns `ids`, each draw's values copied. */
function drawColumns(settings: UncertaintySettings, seed: number, draws: number, ids: string[]) {
  const plan = settings === DEFAULT ? defaultPlan : planOf(settings);
  const rng = createRng(seed);
  const buffers = drawBuffers(plan);
  const out: Record<string, Float64Array[]> = Object.fromEntries(ids.map((id) => [id, []]));
  for (let d = 0; d < draws; d++) {
    sampleInto(plan, rng, buffers);
    for (const id of ids) out[id]!.push(Float64Array.from(buffers.inputs.values.get(id)!));
  }
  return out;
}
const DEFAULT: UncertaintySettings = {};
const cell = (c: number, y: number) => c * FY_COUNT + y;
const Y2017 = 3; // FINANCIAL_YEARS index of 2017-18

function pearson(a: number[], b: number[]): number {
  const n = a.length;
  const ma = a.reduce((s, x) => s + x, 0) / n;
  const mb = b.reduce((s, x) => s + x, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i]! - ma) * (b[i]! - mb);
    saa += (a[i]! - ma) ** 2;
    sbb += (b[i]! - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

/** Mean pairwise correlation of the 2017-18 shortfall across the first `k` CRCs. */
function shortfallCorrelation(rho: number, draws = 2000, k = 6): number {
  const cols = drawColumns({ correlation: { "volume.shortfall": rho } }, 7, draws, [
    "volume.shortfall.2017-18",
  ])["volume.shortfall.2017-18"]!;
  const series = Array.from({ length: k }, (_, c) => cols.map((col) => col[cell(c, 0)]!));
  let sum = 0;
  let pairs = 0;
  for (let a = 0; a < k; a++)
    for (let b = a + 1; b < k; b++) {
      sum += pearson(series[a]!, series[b]!);
      pairs++;
    }
  return sum / pairs;
}

describe("sampleInto", () => {
  it("gives the same draws for the same seed, and different draws for another (law)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (seed) => {
        const ids = ["ffs.toleranceBand", "volume.shortfall.2017-18", "volume.shortfall"];
        const a = drawColumns(DEFAULT, seed, 3, ids);
        expect(drawColumns(DEFAULT, seed, 3, ids)).toEqual(a);
        expect(drawColumns(DEFAULT, (seed + 1) >>> 0, 3, ids)).not.toEqual(a);
      }),
      { numRuns: 10 },
    );
  });

  it("keeps every sampled cell within its range, and whole-number parameters whole (law)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (seed) => {
        const rng = createRng(seed);
        const buffers = drawBuffers(defaultPlan);
        for (let d = 0; d < 5; d++) {
          sampleInto(defaultPlan, rng, buffers);
          const outside: string[] = [];
          for (const p of defaultPlan.parameters) {
            const column = buffers.inputs.values.get(p.id)!;
            // Whole numbers round to the nearest: at most half a unit outside low–high.
            const slack = p.whole ? 0.5 : 0;
            p.ranges.forEach((r, k) => {
              const x = column[k]!;
              const ok =
                x >= r.low - slack && x <= r.high + slack && (!p.whole || Number.isInteger(x));
              if (!ok) outside.push(`${p.id}[${k}] = ${x} (${r.low} to ${r.high})`);
            });
          }
          expect(outside).toEqual([]);
        }
      }),
      { numRuns: 20 },
    );
  });

  it("moves the CRCs' shortfalls together at correlation 1, independently at 0 (measured)", () => {
    expect(shortfallCorrelation(1)).toBeGreaterThan(0.95);
    expect(Math.abs(shortfallCorrelation(0))).toBeLessThan(0.06);
    const half = shortfallCorrelation(0.5);
    expect(half).toBeGreaterThan(0.4);
    expect(half).toBeLessThan(0.6);
  });

  it("at correlation 1 ranks every CRC's shortfall alike in every draw (one national factor)", () => {
    const cols = drawColumns({ correlation: { "volume.shortfall": 1 } }, 3, 200, [
      "volume.shortfall.2017-18",
    ])["volume.shortfall.2017-18"]!;
    const order = (c: number) =>
      cols
        .map((col, d) => [col[cell(c, 0)]!, d] as const)
        .sort((a, b) => a[0] - b[0])
        .map(([, d]) => d);
    for (let c = 1; c < 21; c++) expect(order(c)).toEqual(order(0));
  });

  it("derives the effective shortfall path from the given years and the trend, within limits", () => {
    const cols = drawColumns(DEFAULT, 11, 20, [
      "volume.shortfall",
      "volume.shortfall.2015-16",
      "volume.shortfall.2017-18",
      "volume.shortfallTrend",
    ]);
    cols["volume.shortfall"]!.forEach((path, d) => {
      for (let c = 0; c < 21; c++) {
        expect(path[cell(c, 0)]).toBe(cols["volume.shortfall.2015-16"]![d]![cell(c, 0)]);
        expect(path[cell(c, Y2017)]).toBe(cols["volume.shortfall.2017-18"]![d]![cell(c, 0)]);
        for (let y = Y2017 + 1; y < FY_COUNT; y++) {
          const expected =
            cols["volume.shortfall.2017-18"]![d]![cell(c, 0)]! +
            cols["volume.shortfallTrend"]![d]![cell(c, 0)]! * (y - Y2017);
          expect(path[cell(c, y)]).toBe(Math.min(0.9, Math.max(-0.5, expected)));
        }
      }
    });
  });

  it("keeps the staff share at or below the fixed share, without carrying a clamp to the next draw", () => {
    const cols = drawColumns(
      {
        distributions: {
          "cost.fixedShare": { shape: "uniform", low: 0.5, high: 0.9 },
          "cost.staffShare": "point",
        },
      },
      5,
      300,
      ["cost.fixedShare", "cost.staffShare"],
    );
    const scenarioStaff = base.values.get("cost.staffShare")![0]!;
    let clamped = 0;
    cols["cost.fixedShare"]!.forEach((fixed, d) => {
      const staff = cols["cost.staffShare"]![d]!;
      for (let k = 0; k < staff.length; k++)
        expect(staff[k]).toBe(Math.min(scenarioStaff, fixed[k]!));
      if (staff[0]! < scenarioStaff) clamped++;
    });
    expect(clamped).toBeGreaterThan(0); // the case the clamp exists for did occur
    expect(clamped).toBeLessThan(300);
  });

  it("changes nothing when every range is collapsed to the scenario's value", () => {
    const plan = planOf({ shape: "point" });
    const buffers = drawBuffers(plan);
    sampleInto(plan, createRng(1), buffers);
    for (const [id, column] of base.values)
      expect([id, ...buffers.inputs.values.get(id)!]).toEqual([id, ...column]);
  });

  it("holds staffing above 0 FTE in every draw where the data's ranges reach 0 (issue #15)", () => {
    // 139.7 FTE in June 2017 everywhere: London's row spreads 156.2 FTE below its default, so
    // its range around 139.7 reaches the row's minimum, 0. Normal draws are truncated there, and
    // with ρ = 1 every draw moves all CRCs together: some draws land at the bottom.
    const low = validateScenario(
      { schemaVersion: 1, parameters: { "staff.fteJune2017": 139.7 } },
      dataset,
    );
    if (!low.ok) throw new Error("scenario");
    const result = planSampling(low.value.inputs, dataset, {
      shape: "normal",
      correlation: { "staff.fteJune2017": 1 },
    });
    if (!result.ok) throw new Error(result.issues.map(formatIssue).join("; "));
    const plan = result.value;
    const london = low.value.inputs.crcs.findIndex((c) => c.id === "london");
    expect(plan.staffingHolds).toEqual([{ crc: london, floor: 1 }]);
    const buffers = drawBuffers(plan);
    const fte17 = buffers.inputs.values.get("staff.fteJune2017")!;
    const londonFte = () => [...fte17.subarray(london * FY_COUNT, (london + 1) * FY_COUNT)];
    // Random draws: above 0 FTE, all years alike.
    const rng = createRng(11);
    for (let d = 0; d < 2000; d++) {
      sampleInto(plan, rng, buffers);
      const years = londonFte();
      expect(years[0]).toBeGreaterThan(0);
      expect(new Set(years).size).toBe(1);
    }
    // The bottom of the range (the lowest uniform there is): 0 FTE, held at 1 FTE.
    const bottom = { next: () => 0, open: () => Number.MIN_VALUE };
    sampleInto(plan, bottom, buffers);
    expect(londonFte()).toEqual(Array.from({ length: FY_COUNT }, () => 1));
    // and the next draw is its own again (no hold carried over)
    sampleInto(plan, createRng(11), buffers);
    expect(londonFte()[0]).not.toBe(1);
  });

  it("holds every draw within the workload cap where the feedback is on (constraints.ts)", () => {
    // Northumbria's FTE in June 2017 at the least the cap allows: draws of the caseload's growth,
    // the norm and that FTE around it would break the cap half the time; they are held.
    const atCap = validateScenario(
      {
        schemaVersion: 1,
        parameters: {
          "workload.feedback.serviceCreditsPer10Pct": 1,
          "staff.fteJune2017": { byCrc: { northumbria: 32.6693 } },
        },
      },
      dataset,
    );
    if (!atCap.ok) throw new Error(atCap.issues.map(formatIssue).join("; "));
    const inputs = atCap.value.inputs;
    for (const settings of [{}, { distributions: { "staff.fteJune2017": "point" } }] as const) {
      const result = planSampling(inputs, dataset, settings);
      if (!result.ok) throw new Error(result.issues.map(formatIssue).join("; "));
      const plan = result.value;
      expect(plan.workloadHolds).toHaveLength(21);
      const buffers = drawBuffers(plan);
      const v = (id: string, c: number) => buffers.inputs.values.get(id)![c * FY_COUNT]!;
      const within = (c: number) =>
        workloadWithinCap(
          v("staff.fteJune2014", c),
          v("staff.fteJune2017", c),
          v("staff.cutScale", c),
          v("size.caseload2014", c),
          v("caseload.growth", c),
          v("workload.caseloadPerFteNorm", 0),
        );
      const rng = createRng(5);
      let held = 0;
      for (let d = 0; d < 500; d++) {
        sampleInto(plan, rng, buffers);
        for (let c = 0; c < inputs.crcs.length; c++) expect(within(c)).toBe(true);
        if (v("staff.fteJune2017", 0) !== inputs.values.get("staff.fteJune2017")![0]) held++;
      }
      expect(held).toBeGreaterThan(0);
      // a draw that needs no hold keeps the scenario's FTE: no hold carried over
      if (settings.distributions !== undefined) {
        const point = planSampling(inputs, dataset, { shape: "point" });
        if (!point.ok) throw new Error("point");
        expect(point.value.workloadHolds).toEqual([]);
      }
    }
  });
});
