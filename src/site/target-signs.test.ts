import { describe, expect, it } from "vitest";
import type { Target } from "../calibration/targets.ts";
import {
  intervalAsShown,
  pageSign,
  shownAsLoss,
  signedTolerance,
  targetAsShown,
} from "./target-signs.ts";

const target = (measure: string, value: number): Target =>
  ({
    id: "t",
    measure,
    value,
    tolerance: { kind: "between", low: -10, high: -2 },
  }) as unknown as Target;

describe("one sign convention on the Calibration page (issue #16)", () => {
  it("shows a profit measure published as a loss negated, every other target as it is", () => {
    expect(shownAsLoss(target("profit_from_2016_17", -443))).toBe(true);
    expect(pageSign(target("profit_from_2016_17", -443))).toBe(-1);
    expect(pageSign(target("profit_from_2016_17", 20))).toBe(1);
    expect(pageSign(target("losses_from_2016_17", 100))).toBe(1);
    expect(pageSign(target("fee_for_service", 3700))).toBe(1);
  });

  it("negates a target's value and tolerance together, so the same model values pass", () => {
    const shown = targetAsShown(target("profit_from_2016_17", -5));
    expect(shown.value).toBe(5);
    expect(shown.tolerance).toEqual({ kind: "between", low: 2, high: 10 });
    expect(signedTolerance({ kind: "at_least" }, -1)).toEqual({ kind: "at_most" });
    expect(signedTolerance({ kind: "relative", share: 0.25 }, -1)).toEqual({
      kind: "relative",
      share: 0.25,
    });
    expect(intervalAsShown({ p5: -7, p50: -4, p95: 1 }, -1)).toEqual({ p5: -1, p50: 4, p95: 7 });
  });
});
