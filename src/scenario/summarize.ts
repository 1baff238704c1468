import { MONTH_COUNT, type Ledger } from "../engine/ledger.ts";
import { monthIndexOf } from "../engine/timeline.ts";

/**
 * The month the published loss figures count from: the CRCs forecast their losses "between
 * 2016 and 2022" (Civil Service World, 19 Dec 2017, on NAO HC 676), so the remaining contract
 * life from April 2016 (data/targets.csv).
 */
export const PUBLISHED_LOSSES_FROM = monthIndexOf("2016-04");

/** The headline numbers of a projection (CLI `summary`), money in whole pence. */
export interface Summary {
  readonly scenario: string | null;
  readonly hash: string;
  /** Everything MoJ pays CRCs over the contract: the sum of every income line (the taxpayer view). */
  readonly mojSpendPence: number;
  /** Profit (negative = loss) of all CRCs together over the contract. */
  readonly crcProfitPence: number;
  readonly lossMakingCrcs: number;
  /**
   * The same two figures from 2016-17 to 2021-22, the basis of the published loss figures (the
   * £443m forecast before the variation; 14 of 21 CRCs still losing after it), so a page can
   * show the published figure beside the model's like for like.
   */
  readonly from2016: { readonly crcProfitPence: number; readonly lossMakingCrcs: number };
  /** Each CRC's contract-life profit, in data order. */
  readonly crcs: readonly {
    readonly crc: string;
    readonly owner: string;
    readonly profitPence: number;
  }[];
}

function sumCrc(series: Float64Array, c: number, from = 0): number {
  let total = 0;
  for (let m = from; m < MONTH_COUNT; m++) total += series[c * MONTH_COUNT + m]!;
  return total;
}

/** Contract-life profit of each CRC, in data order. */
export function crcProfits(ledger: Ledger, fromMonth = 0): number[] {
  return ledger.crcs.map((_, c) => sumCrc(ledger.money.profit, c, fromMonth));
}

export function summarize(ledger: Ledger, scenario: string | null, hash: string): Summary {
  const profits = crcProfits(ledger);
  const later = crcProfits(ledger, PUBLISHED_LOSSES_FROM);
  const mojSpendPence = ledger.crcs.reduce(
    (s, _, c) => s + sumCrc(ledger.money.income_total, c),
    0,
  );
  return {
    scenario,
    hash,
    mojSpendPence,
    crcProfitPence: profits.reduce((a, b) => a + b, 0),
    lossMakingCrcs: profits.filter((p) => p < 0).length,
    from2016: {
      crcProfitPence: later.reduce((a, b) => a + b, 0),
      lossMakingCrcs: later.filter((p) => p < 0).length,
    },
    crcs: ledger.crcs.map((c, i) => ({ crc: c.id, owner: c.ownerId, profitPence: profits[i]! })),
  };
}
