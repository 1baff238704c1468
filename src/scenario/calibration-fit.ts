import Decimal from "decimal.js";
import type { Dataset } from "../data/index.ts";
import { figure } from "../data/index.ts";
import { projectPreset, total } from "./calibration.ts";

/**
 * The parameters calibrated to published figures (MODEL.md "Calibration targets"), and how:
 *
 * - `variation.fixedShare` (φ′) so that the 2017 variation adds £342m to MoJ's payments
 *   (the-2017-variation − no-variation). The increase is linear in φ′, so two projections fix
 *   the line and one division solves it.
 * - `pbr.binaryPricePerPoint` and `pbr.frequencyPricePerPoint` so that the pbr-low and
 *   pbr-high presets' outcomes give £32m and £128m of PbR to 2021-22. PbR income is linear in
 *   the two prices, so four projections give a 2 × 2 system.
 *
 * Results are rounded (φ′ to 4 decimals, prices to whole pounds) for readable data; the
 * calibration table shows the gap that rounding leaves.
 */
export interface Fit {
  readonly id: string;
  /** The value for data/parameters.csv, in its unit (pounds for prices). */
  readonly value: string;
  readonly reason: string;
}

const pounds = (pence: number) => new Decimal(pence).dividedBy(100);

export function fitVariationFixedShare(dataset: Dataset): Fit {
  const target = figure(dataset, "variation.increase").valuePence!;
  const increaseAt = (phi: number) =>
    total(
      projectPreset("the-2017-variation", dataset, { "variation.fixedShare": phi }),
      "income_total",
    ) - total(projectPreset("no-variation", dataset), "income_total");
  const [a, b] = [0.4, 0.77];
  const [fa, fb] = [increaseAt(a), increaseAt(b)];
  const phi = new Decimal(a)
    .plus(new Decimal(target - fa).times(b - a).dividedBy(fb - fa))
    .toDecimalPlaces(4);
  const check = increaseAt(phi.toNumber());
  return {
    id: "variation.fixedShare",
    value: phi.toString(),
    reason:
      `Fitted by scripts/calibrate.ts: the fixed share φ′ recognised from variation.start such that the 2017 variation (φ′ uplift plus the £42m and £22m paid before it) adds £342m to MoJ's payments up to 2021-22 (preset the-2017-variation minus no-variation), on the volumes as they fell. ` +
      `The increase is linear in φ′; solved exactly and rounded to 4 decimals, it gives £${pounds(check).toFixed(0)}. Range 0.40 to 0.77 (the CRCs' own fixed-cost share).`,
  };
}

export function fitPbrPrices(dataset: Dataset): Fit[] {
  const low = figure(dataset, "pbr.incomeLow").valuePence!;
  const high = figure(dataset, "pbr.incomeHigh").valuePence!;
  const unit = 100_000_000; // £1m per point, in pence: the scale of the solve
  const pbrOf = (preset: string, binary: number, frequency: number) =>
    total(
      projectPreset(preset, dataset, {
        "pbr.binaryPricePerPoint": binary / 100,
        "pbr.frequencyPricePerPoint": frequency / 100,
      }),
      "pbr",
    );
  // income = pB × XB + pF × XF per preset, X read at £1m per point
  const lowB = new Decimal(pbrOf("pbr-low", unit, 0)).dividedBy(unit);
  const lowF = new Decimal(pbrOf("pbr-low", 0, unit)).dividedBy(unit);
  const highB = new Decimal(pbrOf("pbr-high", unit, 0)).dividedBy(unit);
  const highF = new Decimal(pbrOf("pbr-high", 0, unit)).dividedBy(unit);
  const det = lowB.times(highF).minus(lowF.times(highB));
  if (det.isZero())
    throw new Error("fitPbrPrices: the low and high outcomes do not separate the two prices");
  const pB = new Decimal(low).times(highF).minus(new Decimal(high).times(lowF)).dividedBy(det);
  const pF = lowB.times(high).minus(highB.times(low)).dividedBy(det);
  if (pB.isNegative() || pF.isNegative()) {
    throw new Error(
      `fitPbrPrices: a negative price (${pB}, ${pF}); the preset outcomes cannot give £32m and £128m`,
    );
  }
  const binary = pounds(pB.toNumber()).toDecimalPlaces(0);
  const frequency = pounds(pF.toNumber()).toDecimalPlaces(0);
  const common =
    "Fitted by scripts/calibrate.ts with pbr.frequencyPricePerPoint / pbr.binaryPricePerPoint: national £ per point of reduction per quarterly cohort (shared among CRCs by caseload), solved so that the assumed outcomes of the pbr-low preset (binary 1 point better than the 2011 baseline, frequency 1% worse, inside the deduction threshold) and of pbr-high (binary 3 points, frequency 5% better) give £32m and £128m of PbR income up to 2021-22 (Guardian 18 Jan 2018). PbR is linear in the two prices: a 2 × 2 solve, rounded to whole pounds. The prices are only as good as the assumed outcomes.";
  return [
    { id: "pbr.binaryPricePerPoint", value: binary.toString(), reason: common },
    { id: "pbr.frequencyPricePerPoint", value: frequency.toString(), reason: common },
  ];
}
