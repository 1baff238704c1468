import { describe, expect, it } from "vitest";
import { explainCell } from "../../src/engine/explain-cell.ts";
import { MONTH_COUNT } from "../../src/engine/ledger.ts";
import { COST_LINES, INCOME_LINES, MONEY_LINES } from "../../src/engine/lines.ts";
import { monthIndexOf } from "../../src/engine/timeline.ts";
import { PRESETS } from "../../src/scenario/presets.ts";
import { projectScenario, type Projection } from "../../src/scenario/project-scenario.ts";
import { testDataset } from "../fixtures/test-dataset.ts";

// Model checks over every preset (STYLE.md: "model checks as data … over every preset").
const dataset = await testDataset();
const projections = new Map<string, Projection>();
for (const [id, preset] of PRESETS) {
  const result = projectScenario(preset, dataset);
  if (!result.ok) throw new Error(`${id}: ${JSON.stringify(result.issues)}`);
  projections.set(id, result.value);
}
const ledger = (id: string) => projections.get(id)!.ledger;

describe.each([...PRESETS.keys()])("preset %s", (id) => {
  const l = ledger(id);

  it("has 21 CRCs × 86 months of whole pence, no NaN", () => {
    expect(l.crcs).toHaveLength(21);
    for (const line of MONEY_LINES) {
      expect(l.money[line]).toHaveLength(21 * MONTH_COUNT);
      expect(l.money[line].every((x) => Number.isSafeInteger(x))).toBe(true);
    }
  });

  it("reconciles: income and cost totals and profit equal their lines in every cell", () => {
    for (let i = 0; i < 21 * MONTH_COUNT; i++) {
      const income = INCOME_LINES.reduce((s, line) => s + l.money[line][i]!, 0);
      const cost = COST_LINES.reduce((s, line) => s + l.money[line][i]!, 0);
      expect([l.money.income_total[i], l.money.cost_total[i], l.money.profit[i]]).toEqual([
        income,
        cost,
        income - cost,
      ]);
    }
  });

  it("keeps FTE and caseload finite and non-negative, costs non-negative, service credits non-positive", () => {
    expect(l.fte.every((x) => Number.isFinite(x) && x >= 0)).toBe(true);
    expect(l.caseload.every((x) => Number.isFinite(x) && x >= 0)).toBe(true);
    for (const line of COST_LINES) expect(l.money[line].every((x) => x >= 0)).toBe(true);
    expect(l.money.service_credits.every((x) => x <= 0)).toBe(true);
  });

  it("explains each CRC's cells in the first month of every year exactly as the ledger has them", () => {
    const months = [0, 2, 14, 26, 30, 38, 50, 62, 74, 85];
    const { inputs } = projections.get(id)!.scenario;
    for (const line of MONEY_LINES) {
      for (let c = 0; c < 21; c++) {
        for (const m of months) {
          expect(explainCell(inputs, l, line, c, m).amountPence).toBe(
            l.money[line][c * MONTH_COUNT + m],
          );
        }
      }
    }
  });
});

describe("preset relations", () => {
  const same = (a: string, b: string) => {
    for (const line of MONEY_LINES)
      expect([line, ...ledger(a).money[line]]).toEqual([line, ...ledger(b).money[line]]);
  };

  it("the no-variation counterfactual coincides with 'volumes as they fell'", () =>
    same("no-variation", "volumes-as-they-fell"));

  it("'cuts as reported' is the 2017 variation preset with its default staffing spelled out", () =>
    same("cuts-as-reported", "the-2017-variation"));

  it("no variation pays no variation line; the 2017 variation pays one", () => {
    expect(ledger("no-variation").money.variation.every((x) => x === 0)).toBe(true);
    expect(ledger("the-2017-variation").money.variation.some((x) => x > 0)).toBe(true);
  });

  it("staffing held at 2014 has no redundancy and more staff cost than cuts as reported", () => {
    const held = ledger("staffing-held-2014").money;
    expect(held.redundancy_cost.every((x) => x === 0)).toBe(true);
    const sum = (a: Float64Array) => a.reduce((s, x) => s + x, 0);
    expect(sum(held.staff_cost)).toBeGreaterThan(sum(ledger("cuts-as-reported").money.staff_cost));
  });

  it("early termination stops every flow after March 2019 and pays a termination in that month", () => {
    const l = ledger("early-termination");
    const end = monthIndexOf("2019-03");
    for (let c = 0; c < 21; c++) {
      expect(l.money.termination[c * MONTH_COUNT + end]).toBeGreaterThan(0);
      for (let m = end + 1; m < MONTH_COUNT; m++) {
        for (const line of MONEY_LINES) expect(l.money[line][c * MONTH_COUNT + m]).toBe(0);
      }
    }
  });
});
