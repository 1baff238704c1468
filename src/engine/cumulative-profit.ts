import { MONTH_COUNT, type Ledger } from "./ledger.ts";

/**
 * Each CRC's cumulative position (MODEL.md "Outputs"): the running sum of its monthly profit
 * from Feb 2015, in whole pence, cell `[c × 86 + m]`. Exact (integer sums of ledger cells).
 */
export function cumulativeProfit(ledger: Ledger): Float64Array {
  const out = new Float64Array(ledger.money.profit.length);
  for (let c = 0; c < ledger.crcs.length; c++) {
    let running = 0;
    for (let m = 0; m < MONTH_COUNT; m++) {
      running += ledger.money.profit[c * MONTH_COUNT + m]!;
      out[c * MONTH_COUNT + m] = running;
    }
  }
  return out;
}
