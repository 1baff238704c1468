import { describe, expect, it } from "vitest";
import { nonStaffCost } from "./non-staff-cost.ts";

// MODEL.md "Costs" (Non-staff). P = £13.2m, margin 10% → cost at bid £12m → £1m a month.
const base = {
  annualPricePence: 1_320_000_000,
  bidMargin: 0.1,
  costFixedShare: 0.77,
  costStaffShare: 0.6,
  shortfallShare: 0,
};

describe("nonStaffCost", () => {
  it("at bid volumes costs (1 − σ) of the bid cost: £1m × 0.40 = £400,000", () => {
    expect(nonStaffCost(base).toString()).toBe("40000000");
  });

  it("sheds only the volume-driven part when volume falls: s = 30% → £1m × (0.17 + 0.23 × 0.7)", () => {
    // 0.17 + 0.161 = 0.331 → £331,000
    expect(nonStaffCost({ ...base, shortfallShare: 0.3 }).toString()).toBe("33100000");
  });

  it("rises with extra volume: s = −10% → £1m × (0.17 + 0.23 × 1.1) = £423,000", () => {
    expect(nonStaffCost({ ...base, shortfallShare: -0.1 }).toString()).toBe("42300000");
  });
});
