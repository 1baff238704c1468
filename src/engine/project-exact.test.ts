import { describe, expect, it } from "vitest";
import { fixtureInputs } from "../../test/fixtures/fixture-inputs.ts";
import { MONTH_COUNT, type Ledger } from "./ledger.ts";
import { COST_LINES, INCOME_LINES, type MoneyLine } from "./lines.ts";
import { projectExact } from "./project-exact.ts";
import { monthIndexOf } from "./timeline.ts";

// Hand-computed cells on the fixture (fixture-inputs.ts): alpha £12m a year, beta £24m, gamma
// £6m; caseloads 2,000 / 4,000 / 1,000; FTE 100 / 200 / 50 at £36,000 loaded.
const ALPHA = 0;
const at = (ledger: Ledger, line: MoneyLine, c: number, month: string) =>
  ledger.money[line][c * MONTH_COUNT + monthIndexOf(month)];

describe("projectExact on the fixture", () => {
  it("pays P/12 fee for service every month when volume is as predicted (MODEL.md Income §1)", () => {
    const ledger = projectExact(fixtureInputs());
    for (let m = 0; m < MONTH_COUNT; m++) expect(ledger.money.fee_for_service[m]).toBe(100_000_000);
  });

  it("costs staff at FTE × loaded cost / 12 and non-staff at P(f − σ + (1 − f)(1 − s)) / ((1 + m) 12)", () => {
    const ledger = projectExact(fixtureInputs());
    expect(at(ledger, "staff_cost", ALPHA, "2016-06")).toBe(30_000_000);
    // 1.2e9 × (0.12 + 0.23) / 12.6 = 33,333,333.33…
    expect(at(ledger, "non_staff_cost", ALPHA, "2016-06")).toBe(33_333_333);
  });

  it("adds the variation uplift from its start month only: s = 30% → P × 0.4 × 0.25 / 12", () => {
    const ledger = projectExact(
      fixtureInputs({ "variation.scale": 1, "volume.shortfall.2017-18": 0.3 }),
    );
    expect(at(ledger, "variation", ALPHA, "2017-07")).toBe(0);
    expect(at(ledger, "variation", ALPHA, "2017-08")).toBe(10_000_000);
    // later years hold the 2017-18 shortfall (trend 0)
    expect(at(ledger, "variation", ALPHA, "2021-03")).toBe(10_000_000);
  });

  it("spreads the 2016-17 payment pro rata to price and evenly over the year's months", () => {
    const ledger = projectExact(
      fixtureInputs({ "variation.scale": 1, "variation.paymentBefore.2016-17": 42_000_000 }),
    );
    // alpha's share 12/42 of £420,000 = £120,000, over 12 months = £10,000 a month
    expect(at(ledger, "variation", ALPHA, "2016-04")).toBe(1_000_000);
    expect(at(ledger, "variation", ALPHA, "2017-03")).toBe(1_000_000);
    expect(at(ledger, "variation", ALPHA, "2017-04")).toBe(0);
    const national = [0, 1, 2].reduce(
      (s, c) => s + ledger.money.variation.slice(c * 86, c * 86 + 86).reduce((a, b) => a + b, 0),
      0,
    );
    expect(national).toBe(42_000_000);
  });

  it("pays ICT compensation once, split pro rata to price, adding up to the total exactly", () => {
    const ledger = projectExact(fixtureInputs({ "ict.compensationTotal": 23_100_000 }));
    expect(at(ledger, "ict_compensation", 0, "2016-03")).toBe(6_600_000);
    expect(at(ledger, "ict_compensation", 1, "2016-03")).toBe(13_200_000);
    expect(at(ledger, "ict_compensation", 2, "2016-03")).toBe(3_300_000);
    expect(at(ledger, "ict_compensation", 0, "2016-04")).toBe(0);
  });

  it("pays PbR 24 months after each quarterly cohort from Oct 2015, shared by caseload (MODEL.md Income §3)", () => {
    const ledger = projectExact(fixtureInputs({ "pbr.binaryReductionPts": 1 }));
    // £1m national per point; alpha has 2/7 of the caseload → £285,714.2857…
    expect(at(ledger, "pbr", ALPHA, "2017-09")).toBe(0);
    expect(at(ledger, "pbr", ALPHA, "2017-10")).toBe(28_571_429);
    expect(at(ledger, "pbr", 1, "2017-10")).toBe(57_142_857);
    expect(at(ledger, "pbr", 2, "2017-10")).toBe(14_285_714);
    expect(at(ledger, "pbr", ALPHA, "2022-01")).toBe(28_571_429); // the last cohort, Jan 2020
    const paidMonths = ledger.money.pbr.slice(0, 86).filter((x) => x !== 0).length;
    expect(paidMonths).toBe(18);
  });

  it("deducts net service credits pro rata to price: £12m gross, 71% waived → −£82,857.14 for alpha", () => {
    const ledger = projectExact(fixtureInputs({ "serviceCredits.grossAnnual": 1_200_000_000 }));
    expect(at(ledger, "service_credits", ALPHA, "2018-05")).toBe(-8_285_714);
  });

  it("moves FTE in a straight line to June 2017 and charges redundancy on each month's fall", () => {
    const ledger = projectExact(fixtureInputs({ "staff.fteJune2017": [72, 200, 50] }));
    expect(ledger.fte[0]).toBe(100);
    expect(ledger.fte[1]).toBe(99);
    expect(ledger.fte[28]).toBe(72);
    expect(ledger.fte[85]).toBe(72);
    expect(ledger.money.staff_cost[1]).toBe(29_700_000);
    // 1 FTE × £36,000 / (1.25 × 52) × min(3 × 12, 52) weeks = £19,938.46
    expect(ledger.money.redundancy_cost[1]).toBe(1_993_846);
    expect(ledger.money.redundancy_cost[0]).toBe(0);
    expect(ledger.money.redundancy_cost[29]).toBe(0);
  });

  it("tops fee income up to the guarantee floor: g = 90% with s = 90%", () => {
    const ledger = projectExact(
      fixtureInputs({
        "guarantee.floorShareOfCost": 0.9,
        "volume.shortfall.2015-16": 0.9,
      }),
    );
    // FfS £320,000; costs £300,000 + £136,190.48 = £436,190.48; floor £392,571.43
    expect(at(ledger, "fee_for_service", ALPHA, "2015-06")).toBe(32_000_000);
    expect(at(ledger, "guarantee", ALPHA, "2015-06")).toBe(7_257_143);
    expect(at(ledger, "guarantee", ALPHA, "2016-06")).toBe(0);
  });

  it("ends everything after an early end date and pays months of price in the final month", () => {
    const end = monthIndexOf("2019-03");
    const ledger = projectExact(
      fixtureInputs({ "termination.endDate": end, "pbr.binaryReductionPts": 1 }),
    );
    expect(ledger.money.termination[end]).toBe(600_000_000);
    for (const line of [...INCOME_LINES, ...COST_LINES] as MoneyLine[]) {
      expect(ledger.money[line].slice(end + 1, MONTH_COUNT).every((x) => x === 0)).toBe(true);
    }
    expect(ledger.fte[end + 1]).toBe(0);
    // cohorts paid after the end are lost: only those paid by Mar 2019 remain
    expect(ledger.money.pbr.slice(0, MONTH_COUNT).filter((x) => x !== 0).length).toBe(6);
  });

  it("keeps income_total, cost_total and profit equal to the sums of their lines in every cell", () => {
    const ledger = projectExact(
      fixtureInputs({
        "variation.scale": 1,
        "volume.shortfall.2016-17": 0.2,
        "pbr.binaryReductionPts": 2,
      }),
    );
    for (let i = 0; i < ledger.money.profit.length; i++) {
      const income = INCOME_LINES.reduce((s, l) => s + ledger.money[l][i]!, 0);
      const cost = COST_LINES.reduce((s, l) => s + ledger.money[l][i]!, 0);
      expect(ledger.money.income_total[i]).toBe(income);
      expect(ledger.money.cost_total[i]).toBe(cost);
      expect(ledger.money.profit[i]).toBe(income - cost);
    }
  });
});
