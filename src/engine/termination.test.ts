import { describe, expect, it } from "vitest";
import { terminationPayment } from "./termination.ts";

describe("terminationPayment", () => {
  it("pays months of the annual price: 6 months of £12m a year = £6m", () => {
    const amount = terminationPayment({ paymentMonths: 6, annualPricePence: 1_200_000_000 });
    expect(amount.toString()).toBe("600000000");
  });

  it("pays nothing when the payment months are zero", () => {
    expect(terminationPayment({ paymentMonths: 0, annualPricePence: 1e9 }).isZero()).toBe(true);
  });
});
