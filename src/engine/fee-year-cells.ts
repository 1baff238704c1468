import { discountedPriceFloat, feeForServiceFloat, volumeFactorFloat } from "./fee-for-service.ts";
import { learningCurveYears } from "./learning-curve.ts";
import { roundCellUnlessTie } from "./round-half-even.ts";
import { variationUpliftFloat, variationUpliftFloatScale } from "./variation.ts";

/*
 * A CRC-year's fee for service and the variation's uplift a month on a float path, written once
 * for every float path that makes them (issue #13: project-float.ts `yearValues` and the
 * posterior's derived cells, src/calibration/derived-cells.ts `yearCells`): each its rule's
 * float twin at the year's discounted price and volume factor, rounded at the same point as the
 * exact path; NaN in a half-penny's tie band, for the caller to settle on the exact path
 * (`ExactCells.feeForServicePence`, `upliftPence`).
 */

/** The discounted price and volume factor of the last `feeYearCellFloat`, for its uplift. */
export const FEE_YEAR = { price: 0, volume: 0 };

/**
 * The fee for service a month in financial year y (0 = 2014-15): the annual price after the
 * learning curve's discount, the volume factor at the year's shortfall, tolerance band and
 * upside cap. Leaves the price and the volume factor in FEE_YEAR.
 */
export function feeYearCellFloat(
  annualPricePence: number,
  learningCurveDiscount: number,
  y: number,
  fixedShare: number,
  shortfallShare: number,
  toleranceBand: number,
  upsideCap: number,
): number {
  const volume = volumeFactorFloat(shortfallShare, toleranceBand, upsideCap);
  const price = discountedPriceFloat(
    annualPricePence,
    learningCurveDiscount,
    learningCurveYears(y),
  );
  FEE_YEAR.price = price;
  FEE_YEAR.volume = volume;
  const x = feeForServiceFloat(price, fixedShare, volume);
  return roundCellUnlessTie(x, x);
}

/**
 * The variation's uplift a month of the year of the last `feeYearCellFloat` (its price and
 * volume factor), at the recognised fixed share φ′ and the scale.
 */
export function upliftYearCellFloat(
  recognisedFixedShare: number,
  fixedShare: number,
  scale: number,
): number {
  const { price, volume } = FEE_YEAR;
  return roundCellUnlessTie(
    variationUpliftFloat(price, recognisedFixedShare, fixedShare, volume, scale),
    variationUpliftFloatScale(price, scale),
  );
}
