import { describe, expect, it } from "vitest";
import { terminationPayment } from "./termination.ts";

describe("terminationPayment", () => {
  it("pays the final month's fee times the payment months: 6 × £1m = £6m", () => {
    const amount = terminationPayment({ paymentMonths: 6, finalMonthFeePence: 100_000_000 });
    expect(amount.toString()).toBe("600000000");
  });
});
