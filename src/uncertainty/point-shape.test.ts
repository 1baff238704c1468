import { formatIssue } from "../issues/issue.ts";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Parameter } from "../data/index.ts";
import { MONEY_LINES } from "../engine/lines.ts";
import { PARAMETER_SPECS } from "../engine/parameter-specs.ts";
import { projectExact } from "../engine/project-exact.ts";
import { projectFloat } from "../engine/project-float.ts";
import { ALL, rollUp } from "../engine/roll-up.ts";
import { CONTRACT_MONTHS, FINANCIAL_YEARS, monthIndexOf } from "../engine/timeline.ts";
import { testDataset } from "../../test/fixtures/test-dataset.ts";
import { validateScenario, type ResolvedScenario } from "../scenario/validate-scenario.ts";
import { runMonteCarlo } from "./run-monte-carlo.ts";
import type { MonteCarloSummary } from "./summarize-draws.ts";

/**
 * The project's promise (README "Monte Carlo", "Checked"): with every distribution collapsed to a
 * point, the Monte Carlo summary equals the exact ledger to the penny. Checked here not only on
 * the presets (run-monte-carlo.test.ts) but on random valid values of every staffing and cost
 * parameter (data/parameters.csv groups "staffing" and "costs"), each inside its data row's
 * min–max, for every CRC: staff cost divides FTE by the months to the CRC's cuts' end on the exact path, so round values (a
 * loaded cost in pence, FTE in tenths) land cells exactly on half-pennies (issue #15: a loaded
 * cost of £32,879.35 put Hampshire & IoW's Oct 2016 staff cost on one, and Monte Carlo ended
 * 4p away from the ledger).
 */
const dataset = await testDataset();
const crcs = dataset.crcs.map((c) => c.id);
const GROUPS = ["staffing", "costs"];
const ids = [
  ...new Set(dataset.parameters.filter((p) => GROUPS.includes(p.group)).map((p) => p.id)),
].filter((id) => PARAMETER_SPECS[id]?.used);

/** The data row that applies to a CRC (its own, else the national one). */
const rowFor = (id: string, crc: string): Parameter =>
  dataset.parameters.find((p) => p.id === id && p.crc === crc) ??
  dataset.parameters.find((p) => p.id === id && p.crc === null)!;

/**
 * A value in [min, max] with 0 to 2 decimal places (few digits: ties are what is tested), the
 * money rows in pounds (at most 2 decimals).
 */
const valueIn = (row: Parameter, minAbove?: number): fc.Arbitrary<number | string> => {
  if (row.unit === "date_month")
    // A month "YYYY-MM" in the row's range (the staffing path's end: 1 to 28 months).
    return fc
      .integer({ min: monthIndexOf(row.text.min), max: monthIndexOf(row.text.max) })
      .map((m) => CONTRACT_MONTHS[m]!.id);
  const min = Math.max(Number(row.text.min), minAbove ?? -Infinity);
  const max = Number(row.text.max);
  return fc
    .tuple(fc.integer({ min: 0, max: 2 }), fc.double({ min: 0, max: 1, noNaN: true }))
    .map(([places, u]) => {
      const scale = 10 ** places;
      const x = Math.round((min + u * (max - min)) * scale) / scale;
      return Math.min(max, Math.max(Math.ceil(min * scale) / scale, x));
    });
};

/** Per CRC, a value in that CRC's row's range. */
const byCrc = (id: string, minAbove?: number): fc.Arbitrary<Record<string, number | string>> =>
  fc
    .tuple(...crcs.map((crc) => valueIn(rowFor(id, crc), minAbove)))
    .map((values) => Object.fromEntries(crcs.map((crc, i) => [crc, values[i]!])));

/** Random overrides of every staffing and cost parameter (repaired below to the scenario rules). */
const arbitraryParameters = fc
  .record(
    Object.fromEntries(
      ids.map((id) => {
        const spec = PARAMETER_SPECS[id]!;
        if (spec.scope === "national") return [id, valueIn(rowFor(id, crcs[0]!))];
        if (id === "staff.fteJune2014") return [id, byCrc(id, 0.5)];
        if (spec.byYear && id === "staff.payAward")
          return [
            id,
            fc
              .tuple(...FINANCIAL_YEARS.map(() => valueIn(rowFor(id, crcs[0]!))))
              .map((v) => Object.fromEntries(FINANCIAL_YEARS.map((fy, y) => [fy, v[y]!]))),
          ];
        return [id, byCrc(id)];
      }),
    ) as Record<string, fc.Arbitrary<number | string | Record<string, number | string>>>,
  )
  .map((raw) => {
    const parameters: Record<string, unknown> = {};
    const crcValues = (id: string) => raw[id] as Record<string, number>;

    for (const id of ids) {
      const value = raw[id]!;
      if (typeof value !== "object") parameters[id] = value;
      else if (id === "staff.payAward") parameters[id] = { byYear: value };
      else parameters[id] = { byCrc: { ...value } };
    }
    // Staff count as fixed costs: cost.staffShare ≤ cost.fixedShare, kept by scaling it down.
    const fixed = crcValues("cost.fixedShare");
    const staff = crcValues("cost.staffShare");
    parameters["cost.staffShare"] = {
      byCrc: Object.fromEntries(
        crcs.map((crc) => [crc, Math.floor(Math.min(staff[crc]!, fixed[crc]!) * 100) / 100]),
      ),
    };
    // Staffing above 0 FTE: a CRC whose cut would take it to 0 or below keeps its 2014 FTE.
    const fte14 = crcValues("staff.fteJune2014");
    const fte17 = { ...crcValues("staff.fteJune2017") };
    const scale = crcValues("staff.cutScale");
    for (const crc of crcs) {
      if (fte14[crc]! + scale[crc]! * (fte17[crc]! - fte14[crc]!) > 0) continue;
      fte17[crc] = Math.min(Number(rowFor("staff.fteJune2017", crc).text.max), fte14[crc]!);
    }
    parameters["staff.fteJune2017"] = { byCrc: fte17 };
    return parameters;
  });

const resolve = (parameters: Record<string, unknown>): ResolvedScenario | undefined => {
  const result = validateScenario({ schemaVersion: 1, parameters }, dataset);
  return result.ok ? result.value : undefined;
};

const point = (x: number) => ({ mean: x, min: x, p5: x, p25: x, p50: x, p75: x, p95: x, max: x });

/** Every statistic the summary gives of the ledger, checked against the exact ledger. */
function expectLedger(summary: MonteCarloSummary, resolved: ResolvedScenario) {
  const ledger = projectExact(resolved.inputs);
  const byFy = rollUp(ledger, "fy", (crc, owner) => crc === ALL && owner === ALL);
  const total = rollUp(ledger, "total");
  const amount = (crc: string, owner: string, line: string, period = "total") =>
    (period === "total" ? total : byFy).find(
      (r) => r.crc === crc && r.owner === owner && r.line === line && r.period === period,
    )!.amount;
  for (const line of MONEY_LINES)
    FINANCIAL_YEARS.forEach((fy, y) =>
      expect([line, fy, summary.fan.lines[line][y]]).toEqual([
        line,
        fy,
        point(amount(ALL, ALL, line, fy)),
      ]),
    );
  for (const c of summary.crcs)
    expect([c.crc, c.profitPence]).toEqual([c.crc, point(amount(c.crc, c.owner, "profit"))]);
  expect(summary.national.crcProfitPence).toEqual(point(amount(ALL, ALL, "profit")));
  expect(summary.national.mojSpendPence).toEqual(point(amount(ALL, ALL, "income_total")));
}

describe("point-shape Monte Carlo against the exact ledger", () => {
  it("covers every staffing and cost parameter the engine reads", () => {
    expect(ids).toEqual(
      expect.arrayContaining([
        "staff.loadedCostPerFte",
        "staff.payAward",
        "staff.fteJune2014",
        "staff.fteJune2017",
        "staff.cutScale",
        "staff.cutsCompleteBy",
        "staff.onCostRate",
        "redundancy.shareOfReduction",
        "cost.bidMargin",
        "cost.staffShare",
        "workload.caseloadPerFteNorm",
      ]),
    );
  });

  it("agrees to the penny with a loaded cost of £32,879.35 (issue #15)", () => {
    const resolved = resolve({ "staff.loadedCostPerFte": 32879.35 })!;
    const exact = projectExact(resolved.inputs);
    const float = projectFloat(resolved.inputs);
    for (const line of MONEY_LINES)
      expect([line, ...float.money[line]]).toEqual([line, ...exact.money[line]]);
    const summary = runMonteCarlo(resolved, dataset, { draws: 1, shape: "point" });
    if (!summary.ok) throw new Error(summary.issues.map(formatIssue).join("; "));
    expectLedger(summary.value, resolved);
  });

  it("agrees to the penny over random valid staffing and cost values, every CRC (law)", () => {
    fc.assert(
      fc.property(arbitraryParameters, (parameters) => {
        const resolved = resolve(parameters);
        fc.pre(resolved !== undefined);
        const exact = projectExact(resolved.inputs);
        const float = projectFloat(resolved.inputs);
        for (const line of MONEY_LINES)
          expect([line, ...float.money[line]]).toEqual([line, ...exact.money[line]]);
        const summary = runMonteCarlo(resolved, dataset, { draws: 1, shape: "point" });
        if (!summary.ok) throw new Error(summary.issues.map(formatIssue).join("; "));
        expectLedger(summary.value, resolved);
      }),
      { numRuns: 40 },
    );
  });
});
