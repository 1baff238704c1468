import { describe, expect, it } from "vitest";
import { feeForService, volumeFactor } from "./fee-for-service.ts";
import { toPence } from "./money.ts";

// MODEL.md "Income of a CRC in a month" §1. P = £12m a year → £1m a month = 100,000,000 pence.
const base = { annualPricePence: 1_200_000_000, fixedShare: 0.2, toleranceBand: 0.05 };

describe("feeForService", () => {
  it("pays one twelfth of the bid price when volume is as predicted", () => {
    expect(toPence(feeForService({ ...base, shortfallShare: 0 }))).toBe(100_000_000);
  });

  it("pays the full price inside the tolerance band", () => {
    expect(toPence(feeForService({ ...base, shortfallShare: 0.05 }))).toBe(100_000_000);
    expect(toPence(feeForService({ ...base, shortfallShare: -0.05 }))).toBe(100_000_000);
  });

  it("pays the variable share pro rata beyond the band: s = 25%, τ = 5%, φ = 20%", () => {
    // 1/12 × 12m × (0.2 + 0.8 × (1 − 0.20)) = 1m × 0.84 = £840,000
    expect(toPence(feeForService({ ...base, shortfallShare: 0.25 }))).toBe(84_000_000);
  });

  it("pays more when volume exceeds the band: s = −15%", () => {
    // 1m × (0.2 + 0.8 × 1.10) = £1,080,000
    expect(toPence(feeForService({ ...base, shortfallShare: -0.15 }))).toBe(108_000_000);
  });

  it("pays only the fixed share when all volume is lost beyond the band", () => {
    expect(toPence(feeForService({ ...base, toleranceBand: 0, shortfallShare: 1 }))).toBe(
      20_000_000,
    );
  });

  it("volumeFactor is continuous at the band edge", () => {
    expect(volumeFactor(0.05, 0.05).toNumber()).toBe(1);
    expect(volumeFactor(0.050001, 0.05).toNumber()).toBeCloseTo(1, 5);
  });
});

describe("volumeFactor with an upside cap", () => {
  it("caps the factor at 1 + cap when volume exceeds the band: s = −30%, τ = 5%, cap = 10%", () => {
    // uncapped 1 + (0.30 − 0.05) = 1.25, capped to 1.10
    expect(volumeFactor(-0.3, 0.05, 0.1).toString()).toBe("1.1");
  });

  it("leaves the downside untouched by the cap: s = 30%, τ = 5%", () => {
    expect(volumeFactor(0.3, 0.05, 0.1).toString()).toBe("0.75");
  });

  it("pays P/12 × (0.2 + 0.8 × 1.1) under the cap: £12m → £1,080,000 a month", () => {
    const inputs = { ...base, shortfallShare: -0.3, upsideCap: 0.1 };
    expect(toPence(feeForService(inputs))).toBe(108_000_000);
  });
});
