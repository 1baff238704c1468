import { describe, expect, it } from "vitest";
import { explainCell } from "./explain-cell.ts";
import { fixtureInputs } from "../../test/fixtures/fixture-inputs.ts";
import { MONTH_COUNT } from "./ledger.ts";
import { MONEY_LINES } from "./lines.ts";
import { projectExact } from "./project-exact.ts";
import { monthIndexOf } from "./timeline.ts";

const busy = fixtureInputs({
  "variation.scale": 1,
  "variation.paymentBefore.2016-17": 42_000_000,
  "variation.paymentBefore.2017-18": 22_000_000,
  "volume.shortfall.2015-16": 0.2,
  "volume.shortfall.2016-17": 0.3,
  "volume.shortfall.2017-18": 0.4,
  "volume.shortfallTrend": 0.01,
  "staff.fteJune2017": [72, 150, 45],
  "staff.payAward": (_c, y) => (y === 4 ? 0.01 : 0),
  "pbr.binaryReductionPts": 1.5,
  "pbr.frequencyReductionPct": -3,
  "serviceCredits.grossAnnual": 500_000_000,
  "ict.compensationTotal": 23_100_000,
  "guarantee.floorShareOfCost": (_c, y) => (y >= 5 ? 0.95 : 0),
  "workload.feedback.pbrPtsPer10Pct": 0.2,
  "workload.feedback.serviceCreditsPer10Pct": 0.05,
  "termination.endDate": [
    monthIndexOf("2020-12"),
    monthIndexOf("2022-03"),
    monthIndexOf("2022-03"),
  ],
});

describe("explainCell", () => {
  it("recomputes every cell of every money line to the ledger's pence (issue #8)", () => {
    const ledger = projectExact(busy);
    for (const line of MONEY_LINES) {
      for (let c = 0; c < busy.crcs.length; c++) {
        for (let m = 0; m < MONTH_COUNT; m++) {
          const explained = explainCell(busy, ledger, line, c, m);
          expect([line, c, m, explained.amountPence]).toEqual([
            line,
            c,
            m,
            ledger.money[line][c * MONTH_COUNT + m],
          ]);
        }
      }
    }
  });

  it("names the rule, its MODEL.md section and each parameter with the value used", () => {
    const ledger = projectExact(busy);
    const e = explainCell(busy, ledger, "fee_for_service", 0, monthIndexOf("2017-10"));
    expect(e.rule?.section).toMatch(/MODEL\.md "Income of a CRC in a month" §1/);
    expect(e.inputs).toContainEqual({
      name: "shortfallShare",
      value: "0.4",
      param: "volume.shortfall",
      fy: "2017-18",
    });
    expect(e.inputs).toContainEqual({
      name: "annualPricePence",
      value: "1200000000",
      param: "size.annualPrice",
      fy: "2017-18",
    });
  });

  it("explains a total as the sum of its parts", () => {
    const ledger = projectExact(busy);
    const e = explainCell(busy, ledger, "profit", 1, monthIndexOf("2018-04"));
    expect(e.parts.map((p) => p.line)).toEqual(["income_total", "cost_total"]);
    expect(e.amountPence).toBe(e.parts[0]!.amountPence - e.parts[1]!.amountPence);
  });

  it("says why a cell after an early end is zero", () => {
    const ledger = projectExact(busy);
    const e = explainCell(busy, ledger, "staff_cost", 0, monthIndexOf("2021-01"));
    expect(e.amountPence).toBe(0);
    expect(e.note).toMatch(/after the contract's end \(2020-12\)/);
  });
});
