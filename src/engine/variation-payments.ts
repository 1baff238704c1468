import { allocatePence } from "./allocate-pence.ts";
import { upliftPaidIn } from "./applicability.ts";
import { toPence } from "./money.ts";
import type { Params } from "./projection-inputs.ts";
import { CONTRACT_MONTHS } from "./timeline.ts";

/** The 2017 variation's payments above contract made before it formally started (NAO HC 676 via Civil Service World, 19 Dec 2017). */
export const VARIATION_PAYMENT_YEARS = ["2016-17", "2017-18"] as const;

export function variationPaymentId(fy: string): string {
  return `variation.paymentBefore.${fy}`;
}

/** How one CRC's share of one year's payment was worked out (for "explain this number"). */
export interface VariationPaymentShare {
  readonly fy: string;
  readonly nationalPence: number;
  /** The CRC's part of the national payment, pro rata to bid price (largest remainder). */
  readonly crcPence: number;
  /** After the CRC's variation scale. */
  readonly scaledPence: number;
  /** Contract months of that year before the CRC's variation start, over which it is spread. */
  readonly months: readonly number[];
  /** Pence paid in each of those months (largest remainder, so they add up exactly). */
  readonly monthly: readonly number[];
}

/**
 * Each CRC's share of the national payments made above contract in 2016-17 (£42m) and early
 * 2017-18 (£22m). The national figure is split across CRCs pro rata to bid price (assumed: the
 * split by CRC is not published), scaled by the CRC's variation scale, and spread evenly over
 * the months of that year before the CRC's variation start date. If the start date is moved to
 * or before the year's first month, that year's payment is not made: the recognised fixed share
 * then covers the year (MODEL.md "Income" §2).
 */
export function variationPaymentShares(p: Params): VariationPaymentShare[][] {
  const prices = p.inputs.crcs.map((_, c) => p.num("size.annualPrice", c));
  const perCrc: VariationPaymentShare[][] = p.inputs.crcs.map(() => []);
  for (const fy of VARIATION_PAYMENT_YEARS) {
    const nationalPence = p.num(variationPaymentId(fy), 0);
    const parts = allocatePence(nationalPence, prices);
    for (let c = 0; c < p.crcCount; c++) {
      const start = p.num("variation.start", c);
      const months = CONTRACT_MONTHS.filter(
        (m) => m.fy === fy && !upliftPaidIn(m.index, start),
      ).map((m) => m.index);
      const scaledPence = toPence(p.dec("variation.scale", c).times(parts[c]!));
      const monthly =
        months.length === 0
          ? []
          : allocatePence(
              scaledPence,
              months.map(() => 1),
            );
      perCrc[c]!.push({ fy, nationalPence, crcPence: parts[c]!, scaledPence, months, monthly });
    }
  }
  return perCrc;
}

/**
 * Float twin of the monthly split of `variationPaymentShares`: `scaledPence` (whole pence)
 * spread over `count` months by largest remainder, which with equal weights gives the first
 * months the extra pence, written to `out[at]` to `out[at + count − 1]`.
 */
export function variationPaymentSpreadFloat(
  scaledPence: number,
  count: number,
  out: Float64Array,
  at: number,
): void {
  // Each month's cell is the difference of the running sums: the split is written once.
  let before = 0;
  for (let j = 0; j < count; j++) {
    const upTo = variationPaymentSpreadSumFloat(scaledPence, count, j + 1);
    out[at + j] = upTo - before;
    before = upTo;
  }
}

/**
 * The sum of the first `months` (0 to `count`) cells `variationPaymentSpreadFloat` writes: what
 * those months are paid when no month needs its own cell (a Monte Carlo draw's year sums). By
 * largest remainder with equal weights each month has the whole share and the first `extra`
 * months a penny more.
 */
export function variationPaymentSpreadSumFloat(
  scaledPence: number,
  count: number,
  months: number,
): number {
  const sign = scaledPence < 0 ? -1 : 1;
  const whole = Math.abs(scaledPence);
  const each = Math.floor(whole / count);
  const extra = whole - each * count;
  return sign * (each * months + Math.min(months, extra)) || 0;
}
