import { describe, expect, it } from "vitest";
import { payIndex } from "./pay-index.ts";

describe("payIndex", () => {
  it("is 1 in the first financial year", () => {
    expect(payIndex([0.5, 0.01], 0).toString()).toBe("1");
  });

  it("compounds each later year's award: 1% then 2% → 1.0302", () => {
    expect(payIndex([0, 0.01, 0.02], 2).toString()).toBe("1.0302");
  });
});
