import { describe, expect, it } from "vitest";
import { serviceCredits } from "./service-credits.ts";

// MODEL.md "Income" §4: fines, 71% waived.
describe("serviceCredits", () => {
  it("deducts the unwaived share: £12m gross a year, 71% waived, 10% share → −£29,000 a month", () => {
    // 12m / 12 × 0.29 × 0.1 = £29,000
    const amount = serviceCredits({
      grossAnnualPence: 1_200_000_000,
      waivedShare: 0.71,
      crcWeight: 1,
      totalWeight: 10,
      feedbackUplift: 0,
    });
    expect(amount.toString()).toBe("-2900000");
  });

  it("deducts nothing when every fine is waived", () => {
    const amount = serviceCredits({
      grossAnnualPence: 1_200_000_000,
      waivedShare: 1,
      crcWeight: 1,
      totalWeight: 10,
      feedbackUplift: 0,
    });
    expect(amount.isZero()).toBe(true);
  });

  it("scales up with the overwork feedback: uplift 50% → −£43,500", () => {
    const amount = serviceCredits({
      grossAnnualPence: 1_200_000_000,
      waivedShare: 0.71,
      crcWeight: 1,
      totalWeight: 10,
      feedbackUplift: 0.5,
    });
    expect(amount.toString()).toBe("-4350000");
  });
});
