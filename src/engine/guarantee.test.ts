import { describe, expect, it } from "vitest";
import { guaranteeTopUp } from "./guarantee.ts";

// MODEL.md "Income" §2: "MoJ tops income up to a given share of costs".
describe("guaranteeTopUp", () => {
  it("tops fee income up to g × cost: g = 95%, cost £1m, income £800k → £150k", () => {
    const top = guaranteeTopUp({
      floorShareOfCost: 0.95,
      costTotalPence: 100_000_000,
      feeIncomePence: 80_000_000,
    });
    expect(top.toString()).toBe("15000000");
  });

  it("pays nothing when income is already above the floor", () => {
    const top = guaranteeTopUp({
      floorShareOfCost: 0.95,
      costTotalPence: 100_000_000,
      feeIncomePence: 99_000_000,
    });
    expect(top.toString()).toBe("0");
  });

  it("pays nothing when there is no guarantee (g = 0)", () => {
    const top = guaranteeTopUp({ floorShareOfCost: 0, costTotalPence: 1e8, feeIncomePence: 0 });
    expect(top.toString()).toBe("0");
  });
});
