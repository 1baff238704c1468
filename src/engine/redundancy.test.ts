import { describe, expect, it } from "vitest";
import { redundancyCost } from "./redundancy.ts";

// MODEL.md "Costs" (Redundancy). Loaded £41,600 with 25% on-costs → pay £33,280 → £640 a week.
const base = {
  fteReduction: 10,
  redundancyShareOfReduction: 1,
  loadedCostPerFtePence: 4_160_000,
  payIndex: 1,
  onCostRate: 0.25,
  weeksPerYear: 3,
  capWeeks: 52,
  avgServiceYears: 10,
  modernisationFundShare: 0,
};

describe("redundancyCost", () => {
  it("pays weeks per year × service: 10 FTE × £640 × 30 weeks = £192,000", () => {
    expect(redundancyCost(base).toString()).toBe("19200000");
  });

  it("caps the weeks: 3 × 20 years = 60 → 52 weeks → £332,800", () => {
    expect(redundancyCost({ ...base, avgServiceYears: 20 }).toString()).toBe("33280000");
  });

  it("nets off the Modernisation Fund's share: 25% → £144,000", () => {
    expect(redundancyCost({ ...base, modernisationFundShare: 0.25 }).toString()).toBe("14400000");
  });

  it("counts only the share of the fall made by paid redundancy: 50% → £96,000", () => {
    const cost = redundancyCost({ ...base, redundancyShareOfReduction: 0.5 });
    expect(cost.toString()).toBe("9600000");
  });

  it("costs nothing when FTE did not fall", () => {
    expect(redundancyCost({ ...base, fteReduction: 0 }).isZero()).toBe(true);
  });
});
