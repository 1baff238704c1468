import type { Interval } from "../calibration/posterior.ts";
import type { Target, Tolerance } from "../calibration/targets.ts";

/**
 * One sign convention on the Calibration page (issue #16): a figure about losses reads as the
 * size of the loss on the model's side and the published side alike. Most loss targets measure
 * a loss already (the losing CRCs' losses, the largest and smallest loss: positive amounts); the
 * two that measure a profit and were published as a loss (£443m, £101m) are shown negated, so
 * "£443.0m" is a loss of £443m wherever it appears and a minus sign there is a profit. The data
 * and the fit keep the measure's own sign; only the page turns it.
 */
export const SIGN_CONVENTION =
  "A figure about losses is the size of the loss, for the model and the published figure alike: the CRCs' forecast loss of £443m reads £443.0m, and a minus sign there is a profit. Every other figure is an amount paid or received. A residual is the model's figure less the published one, in the same terms.";

/** The target measures a profit and its published figure is a loss: the page shows it negated. */
export function shownAsLoss(target: Pick<Target, "measure" | "value">): boolean {
  return target.measure.startsWith("profit") && target.value < 0;
}

/** The factor from the measure's sign to the page's: −1 for a profit shown as a loss. */
export function pageSign(target: Pick<Target, "measure" | "value">): 1 | -1 {
  return shownAsLoss(target) ? -1 : 1;
}

/** The tolerance for the value times `sign` (bounds swap sides when negated). */
export function signedTolerance(tolerance: Tolerance, sign: 1 | -1): Tolerance {
  if (sign === 1) return tolerance;
  switch (tolerance.kind) {
    case "between":
      return { kind: "between", low: -tolerance.high, high: -tolerance.low };
    case "at_least":
      return { kind: "at_most" };
    case "at_most":
      return { kind: "at_least" };
    default:
      return tolerance;
  }
}

/** The target as the page shows it: value and tolerance in the page's sign. */
export function targetAsShown(target: Target): Target {
  const sign = pageSign(target);
  return sign === 1
    ? target
    : { ...target, value: -target.value, tolerance: signedTolerance(target.tolerance, sign) };
}

/** A 5–50–95% interval in the page's sign (negated, its ends swap). */
export function intervalAsShown(interval: Interval, sign: 1 | -1): Interval {
  return sign === 1 ? interval : { p5: -interval.p95, p50: -interval.p50, p95: -interval.p5 };
}
