import { describe, expect, it } from "vitest";
import { toPence } from "./money.ts";
import { variationUplift } from "./variation.ts";

// MODEL.md "Income" §2. P = £12m a year → £1m a month.
const base = {
  annualPricePence: 1_200_000_000,
  shortfallShare: 0.3,
  toleranceBand: 0.05,
  fixedShare: 0.2,
  recognisedFixedShare: 0.6,
  scale: 1,
};

describe("variationUplift", () => {
  it("pays P/12 × (φ′ − φ) × (1 − v): s = 30%, τ = 5% → v = 0.75", () => {
    // £1m × 0.4 × 0.25 = £100,000
    expect(toPence(variationUplift(base))).toBe(10_000_000);
  });

  it("is zero when scaled to zero (the no-variation counterfactual)", () => {
    expect(toPence(variationUplift({ ...base, scale: 0 }))).toBe(0);
  });

  it("is proportional to the scale", () => {
    expect(toPence(variationUplift({ ...base, scale: 0.5 }))).toBe(5_000_000);
  });

  it("is zero when volume is inside the band (the fixed share does not matter)", () => {
    expect(toPence(variationUplift({ ...base, shortfallShare: 0.02 }))).toBe(0);
  });

  it("is negative when volume exceeds the band: s = −15% → v = 1.1", () => {
    // £1m × 0.4 × (1 − 1.1) = −£40,000
    expect(toPence(variationUplift({ ...base, shortfallShare: -0.15 }))).toBe(-4_000_000);
  });
});
