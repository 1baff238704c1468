import { formatIssue } from "../issues/issue.ts";
import { describe, expect, it } from "vitest";
import { FY_COUNT } from "../engine/projection-inputs.ts";
import { checkResolvedInputs, CROSS_CHECKED_PARAMETER_IDS } from "./check-resolved-inputs.ts";
import { projectScenario } from "./project-scenario.ts";
import { testDataset } from "../../test/fixtures/test-dataset.ts";
import { validateScenario } from "./validate-scenario.ts";

const dataset = await testDataset();
const problems = (parameters: Record<string, unknown>) => {
  const result = validateScenario({ schemaVersion: 1, parameters }, dataset);
  return result.ok ? [] : result.issues.map(formatIssue);
};
const base = (() => {
  const result = validateScenario({ schemaVersion: 1 }, dataset);
  if (!result.ok) throw new Error("default scenario");
  return result.value.inputs;
})();
/** The default inputs with one column set to `value` for every CRC and year. */
const withValue = (id: string, value: number) => ({
  crcs: base.crcs,
  values: new Map([
    ...base.values,
    [id, new Float64Array(base.crcs.length * FY_COUNT).fill(value)],
  ]),
});

/**
 * Issue #15, item 3: values each inside their data row's range (a 2014 caseload of 0 is allowed
 * for one CRC) that together leave the engine a division by zero or a NaN are refused, each
 * issue naming the path and what is allowed, and nothing throws downstream.
 */
describe("checkResolvedInputs: no division by zero", () => {
  it("refuses 2014 caseloads that add up to 0 (PbR is shared by caseload), naming the path", () => {
    expect(problems({ "size.caseload2014": 0 })).toEqual([
      "parameters.size.caseload2014.value: the 2014 caseloads add up to 0; payment by results is shared out by caseload, so at least one CRC's size.caseload2014 must be above 0",
    ]);
    const all = Object.fromEntries(base.crcs.map((c) => [c.id, 0]));
    expect(problems({ "size.caseload2014": { byCrc: all } })[0]).toMatch(
      /^parameters\.size\.caseload2014\.byCrc\.northumbria: the 2014 caseloads add up to 0/,
    );
    // one CRC with no caseload is fine: the others share PbR
    expect(problems({ "size.caseload2014": { byCrc: { london: 0 } } })).toEqual([]);
  });

  it("projects, and does not throw, where it used to die (money out of safe range: NaN)", () => {
    const result = projectScenario(
      { schemaVersion: 1, parameters: { "size.caseload2014": 0 } },
      dataset,
    );
    expect(result.ok).toBe(false);
  });

  it("refuses bid prices that add up to 0 (national totals are shared pro rata to price)", () => {
    expect(problems({ "size.annualPrice": 0 })).toEqual([
      "parameters.size.annualPrice.value: the bid prices add up to 0; national totals are shared pro rata to price, so at least one CRC's size.annualPrice must be above 0",
    ]);
  });

  it("refuses staffing that falls to 0 FTE, naming the parameter the scenario set and the bound", () => {
    expect(problems({ "staff.fteJune2017": { byCrc: { wales: 0 } } })).toEqual([
      "parameters.staff.fteJune2017.byCrc.wales: for wales: staffing would fall to 0 FTE by June 2017 (staff.fteJune2014 511 + staff.cutScale 1 × (staff.fteJune2017 0 − 511)); it must stay above 0 FTE: with these values, staff.fteJune2017 above 0 or staff.cutScale below 1",
    ]);
    expect(problems({ "staff.fteJune2014": { byCrc: { wales: 0 } } })[0]).toBe(
      "parameters.staff.fteJune2014.byCrc.wales: for wales: staff.fteJune2014 is 0; staffing starts there and must stay above 0 FTE, so staff.fteJune2014 must be above 0",
    );
    // a cut scale of 1.5 takes Wales (511 → 255.5) to 127.75: fine; to 20 FTE in 2017 it is not
    expect(problems({ "staff.cutScale": 1.5 })).toEqual([]);
    expect(
      problems({ "staff.cutScale": 1.5, "staff.fteJune2017": { byCrc: { wales: 20 } } })[0],
    ).toMatch(
      /^parameters\.staff\.fteJune2017\.byCrc\.wales: for wales: staffing would fall to -225\.5 FTE .* staff\.fteJune2017 above 170\.333 or staff\.cutScale below 1\.04073$/,
    );
  });

  it("refuses a zero workload norm, and margins or on-costs that zero their divisors", () => {
    const shortfall = () => undefined;
    const messages = (id: string, value: number) =>
      checkResolvedInputs(withValue(id, value), shortfall).map(formatIssue);
    expect(messages("workload.caseloadPerFteNorm", 0)).toEqual([
      "parameters.workload.caseloadPerFteNorm: 0 is not allowed; the workload index divides by it, so workload.caseloadPerFteNorm must be above 0",
    ]);
    expect(messages("cost.bidMargin", -1)[0]).toBe(
      "parameters.cost.bidMargin: for northumbria: -1 is not allowed; non-staff cost is the price divided by 1 + the bid margin, so cost.bidMargin must be above -1",
    );
    expect(messages("staff.onCostRate", -1)[0]).toMatch(/staff\.onCostRate must be above -1$/);
    expect(messages("caseload.growth", -1)).toEqual([
      "parameters.caseload.growth: the growth takes the national caseload to 0; payment by results is shared out by caseload, so it must stay above 0 (caseload.growth above -1 where the caseload is)",
    ]);
    expect(checkResolvedInputs(base, shortfall)).toEqual([]);
  });

  it("lists every parameter it reads (the sensitivity edits re-check exactly these)", () => {
    for (const id of [
      "size.caseload2014",
      "caseload.growth",
      "workload.caseloadPerFteNorm",
      "size.annualPrice",
      "staff.fteJune2017",
    ])
      expect(CROSS_CHECKED_PARAMETER_IDS).toContain(id);
  });
});

/**
 * The workload cap (src/engine/constraints.ts `WORKLOAD_INDEX_MAX`): 0.001 FTE in June 2017 with
 * the service-credit feedback at 1 gave a national loss of £50.8 trillion, and with the norm at 1
 * the exact ledger threw "money out of safe range". Now refused, by the field and its bound.
 */
describe("checkResolvedInputs: the workload index's cap where the feedback is on", () => {
  const feedback = { "workload.feedback.serviceCreditsPer10Pct": 1 };

  it("refuses staffing too small for the caseload, naming staff.fteJune2017 and its bound", () => {
    const found = problems({ "staff.fteJune2017": 0.001, ...feedback });
    expect(found).toHaveLength(21);
    expect(found[0]).toBe(
      "parameters.staff.fteJune2017.value: for northumbria: with the workload feedback on, the workload index would reach 326692 (a caseload of 5096.4 over 0.001 FTE over workload.caseloadPerFteNorm 15.6); it must stay at or below 10 (1,000% of the 2014 norm), so staffing must stay at or above 32.6693 FTE: with these values, staff.fteJune2017 at least 32.6693, or staff.cutScale at most 0.896619, or workload.feedback.serviceCreditsPer10Pct and workload.feedback.pbrPtsPer10Pct 0 (the feedback off)",
    );
    // the bound it gives is enough, and the values just under it are not
    const at = (fte: number) =>
      problems({ "staff.fteJune2017": { byCrc: { northumbria: fte } }, ...feedback });
    expect(at(32.6693)).toEqual([]);
    expect(at(32.6692)).toHaveLength(1);
  });

  it("names the norm when the scenario set it (the lever at 1), with the norm's bound", () => {
    const found = problems({ "workload.caseloadPerFteNorm": 1, ...feedback });
    expect(found[0]).toMatch(
      /^parameters\.workload\.caseloadPerFteNorm\.value: for northumbria: .*workload\.caseloadPerFteNorm at least 3\.288,/,
    );
    // the bound is northumbria's own: other CRCs, fewer staff for their caseload, need more
    const above = problems({ "workload.caseloadPerFteNorm": 3.288, ...feedback });
    expect(above.some((p) => p.includes("northumbria"))).toBe(false);
    expect(problems({ "workload.caseloadPerFteNorm": 14, ...feedback })).toEqual([]);
  });

  it("names the feedback when it is all the scenario set, and checks a per-year coefficient", () => {
    const inputs = withValue("staff.fteJune2017", 0.001);
    inputs.values.set(
      "workload.feedback.pbrPtsPer10Pct",
      new Float64Array(base.crcs.length * FY_COUNT).fill(0).fill(0.2, 3, 4),
    );
    const issues = checkResolvedInputs(
      inputs,
      () => undefined,
      (id, c, y) =>
        id === "workload.feedback.pbrPtsPer10Pct" && c === 0 && y === 3
          ? "parameters.workload.feedback.pbrPtsPer10Pct.byYear.2017-18"
          : undefined,
    );
    expect(issues.map((i) => i.path)).toEqual([
      "parameters.workload.feedback.pbrPtsPer10Pct.byYear.2017-18",
    ]);
  });

  it("leaves the same staffing alone with the feedback off: the index then reaches no money", () => {
    expect(problems({ "staff.fteJune2017": 0.001 })).toEqual([]);
    expect(problems({ "workload.caseloadPerFteNorm": 1 })).toEqual([]);
  });

  it("is re-checked on edited inputs (the feedback is among the cross-checked parameters)", () => {
    for (const id of [
      "workload.feedback.serviceCreditsPer10Pct",
      "workload.feedback.pbrPtsPer10Pct",
    ])
      expect(CROSS_CHECKED_PARAMETER_IDS).toContain(id);
  });
});
