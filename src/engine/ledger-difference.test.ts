import { describe, expect, it } from "vitest";
import { cumulativeProfit } from "./cumulative-profit.ts";
import { fixtureInputs } from "./fixture-inputs.ts";
import { MONTH_COUNT } from "./ledger.ts";
import { ledgerDifference } from "./ledger-difference.ts";
import { projectExact } from "./project-exact.ts";
import { rollUp } from "./roll-up.ts";

const varied = projectExact(
  fixtureInputs({ "variation.scale": 1, "volume.shortfall.2017-18": 0.3 }),
);
const none = projectExact(fixtureInputs({ "volume.shortfall.2017-18": 0.3 }));

describe("ledgerDifference", () => {
  it("is the variation line itself when only the variation differs", () => {
    const d = ledgerDifference(varied, none);
    expect([...d.money.variation]).toEqual([...varied.money.variation]);
    expect(d.money.fee_for_service.every((x) => x === 0)).toBe(true);
    expect([...d.money.profit]).toEqual([...varied.money.variation]);
  });

  it("rolls up to the difference of the roll-ups", () => {
    const d = rollUp(ledgerDifference(varied, none), "fy").filter((r) => r.line === "income_total");
    const a = rollUp(varied, "fy").filter((r) => r.line === "income_total");
    const b = rollUp(none, "fy").filter((r) => r.line === "income_total");
    expect(d.map((r) => r.amount)).toEqual(a.map((r, i) => r.amount - b[i]!.amount));
  });
});

describe("cumulativeProfit", () => {
  it("runs each CRC's profit from Feb 2015, ending at its contract-life profit", () => {
    const cum = cumulativeProfit(varied);
    for (let c = 0; c < varied.crcs.length; c++) {
      const life = varied.money.profit
        .slice(c * MONTH_COUNT, (c + 1) * MONTH_COUNT)
        .reduce((s, x) => s + x, 0);
      expect(cum[c * MONTH_COUNT]).toBe(varied.money.profit[c * MONTH_COUNT]);
      expect(cum[(c + 1) * MONTH_COUNT - 1]).toBe(life);
    }
  });
});
