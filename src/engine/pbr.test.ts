import { describe, expect, it } from "vitest";
import { paidOutcome, pbrCohortPayment } from "./pbr.ts";

describe("paidOutcome", () => {
  it("pays an improvement in full", () => {
    expect(paidOutcome(1.5, 1).toString()).toBe("1.5");
  });

  it("ignores a worse result inside the significance threshold", () => {
    expect(paidOutcome(-0.5, 1).toString()).toBe("0");
    expect(paidOutcome(-1, 1).toString()).toBe("0");
  });

  it("deducts only the part beyond the threshold (continuous at −d)", () => {
    expect(paidOutcome(-1.5, 1).toString()).toBe("-0.5");
  });
});

// MODEL.md "Income" §3. A CRC with 10% of the national caseload.
const base = {
  binaryPricePerPointPence: 10_000_000, // £100,000 per point nationally
  frequencyPricePerPointPence: 5_000_000, // £50,000 per per cent nationally
  binaryReductionPts: 2,
  frequencyReductionPct: 4,
  deductionThreshold: 1,
  crcCaseload: 1_000,
  totalCaseload: 10_000,
  feedbackPenaltyPts: 0,
};

describe("pbrCohortPayment", () => {
  it("adds binary and frequency payments: 0.1 × (£100,000 × 2 + £50,000 × 4) = £40,000", () => {
    expect(pbrCohortPayment(base).toString()).toBe("4000000");
  });

  it("deducts when both results are significantly worse: rB = −3, rF = −2, d = 1", () => {
    // 0.1 × (£100,000 × −2 + £50,000 × −1) = −£25,000
    const inputs = { ...base, binaryReductionPts: -3, frequencyReductionPct: -2 };
    expect(pbrCohortPayment(inputs).toString()).toBe("-2500000");
  });

  it("loses points to overwork when the feedback is on: penalty 1 → 0.1 × (£100,000 + £150,000)", () => {
    expect(pbrCohortPayment({ ...base, feedbackPenaltyPts: 1 }).toString()).toBe("2500000");
  });
});
