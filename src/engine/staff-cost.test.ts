import { describe, expect, it } from "vitest";
import { staffCost } from "./staff-cost.ts";

describe("staffCost", () => {
  it("costs FTE × loaded cost / 12: 120 FTE at £40,000 → £400,000 a month", () => {
    const cost = staffCost({ fte: 120, loadedCostPerFtePence: 4_000_000, payIndex: 1 });
    expect(cost.toString()).toBe("40000000");
  });

  it("applies the pay index: 1.02 → £408,000", () => {
    const cost = staffCost({ fte: 120, loadedCostPerFtePence: 4_000_000, payIndex: 1.02 });
    expect(cost.toString()).toBe("40800000");
  });
});
