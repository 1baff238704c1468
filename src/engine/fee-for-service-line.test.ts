import { describe, expect, it } from "vitest";
import { feeForServiceLine } from "./fee-for-service-line.ts";

describe("feeForServiceLine", () => {
  const line = feeForServiceLine({
    annualPricePence: 1_400_000_000, // Durham Tees Valley: about £14m a year (Northern Echo, Dec 2014)
    shortfallShare: 0.25,
    fixedShare: 0.2,
    toleranceBand: 0.05,
  });

  it("has one amount per contract month", () => {
    expect(line.months).toHaveLength(86);
  });

  it("rolls months up to financial years exactly", () => {
    // monthly = 14m/12 × 0.84 = £980,000 → 98,000,000 pence; 2014-15 has 2 months, others 12.
    expect(line.years[0]).toEqual({ fy: "2014-15", pence: 196_000_000 });
    expect(line.years[1]).toEqual({ fy: "2015-16", pence: 1_176_000_000 });
    const monthSum = line.months.reduce((s, m) => s + m.pence, 0);
    expect(line.totalPence).toBe(monthSum);
    expect(line.totalPence).toBe(86 * 98_000_000);
  });

  it("rounds each month to whole pence before summing", () => {
    const odd = feeForServiceLine({
      annualPricePence: 100,
      shortfallShare: 0,
      fixedShare: 0.2,
      toleranceBand: 0,
    });
    // 100/12 = 8.333… → 8 pence a month; the year is 12 × 8, not round(100).
    expect(odd.months[5]?.pence).toBe(8);
    expect(odd.years[1]).toEqual({ fy: "2015-16", pence: 96 });
  });
});
