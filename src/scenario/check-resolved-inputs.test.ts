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
