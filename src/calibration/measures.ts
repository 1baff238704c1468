import { MONTH_COUNT, type Ledger } from "../engine/ledger.ts";
import { monthIndexOf } from "../engine/timeline.ts";

/**
 * What the model says for a target: a number read from a projection over the target's CRCs.
 * Money in pence, counts as plain numbers. One place per definition, so a target's `measure`
 * column names exactly what is compared with the published figure.
 *
 * A measure reads its projection through `LineSource`: sums of a line over months, and FTE. A
 * ledger's source adds up its cells (`ledgerSource`); the posterior's prior simulation gives
 * sources that add the same cells more cheaply (`target-sources.ts`), to the same result.
 */
export type Measure = (source: LineSource, crcs: readonly number[]) => number;

/** The money lines the measures read. */
export const MEASURED_LINES = [
  "fee_for_service",
  "variation",
  "pbr",
  "income_total",
  "profit",
] as const;
export type MeasuredLine = (typeof MEASURED_LINES)[number];

export interface LineSource {
  /**
   * `line` added up over `crcs` (in that order) and months [from, to) of each, into one running
   * total starting from 0: cell by cell, as a ledger's cells add up.
   */
  sum(line: MeasuredLine, crcs: readonly number[], from: number, to: number): number;
  /** `sum(line, [c], from, to)`. */
  crcSum(line: MeasuredLine, c: number, from: number, to: number): number;
  /** Staff in post (FTE) of CRC c in month m. */
  fte(c: number, m: number): number;
}

/** A ledger's cells as a `LineSource`. */
export function ledgerSource(ledger: Ledger): LineSource {
  const crcSum = (line: MeasuredLine, c: number, from: number, to: number) => {
    const series = ledger.money[line];
    let total = 0;
    for (let m = from; m < to; m++) total += series[c * MONTH_COUNT + m]!;
    return total;
  };
  return {
    sum(line, crcs, from, to) {
      const series = ledger.money[line];
      let total = 0;
      for (const c of crcs) for (let m = from; m < to; m++) total += series[c * MONTH_COUNT + m]!;
      return total;
    },
    crcSum,
    fte: (c, m) => ledger.fte[c * MONTH_COUNT + m]!,
  };
}

const FROM_2016_17 = monthIndexOf("2016-04");
const TO_2017_03 = monthIndexOf("2017-03") + 1;
const VARIATION_AGREED_START = monthIndexOf("2017-08");
const MID_2016 = monthIndexOf("2016-06");

const sum = (
  s: LineSource,
  line: MeasuredLine,
  crcs: readonly number[],
  from = 0,
  to = MONTH_COUNT,
) => s.sum(line, crcs, from, to);

/** How many of the CRCs make a loss (negative profit) over months [from, to). */
function losingCount(s: LineSource, crcs: readonly number[], from: number, to: number) {
  let count = 0;
  for (const c of crcs) if (s.crcSum("profit", c, from, to) < 0) count++;
  return count;
}

/**
 * The losing CRCs' losses (positive amounts) over months [from, to), in CRC order, folded from
 * `initial` by `fold` (no array: the posterior's prior simulation measures every draw).
 */
function foldLosses(
  s: LineSource,
  crcs: readonly number[],
  from: number,
  to: number,
  initial: number,
  fold: (acc: number, loss: number) => number,
) {
  let acc = initial;
  for (const c of crcs) {
    const p = s.crcSum("profit", c, from, to);
    if (p < 0) acc = fold(acc, -p);
  }
  return acc;
}

const add = (a: number, b: number) => a + b;

export const MEASURES = {
  /** MoJ spend (income_total) a year, averaged over the 86 months. */
  income_total_per_year: (s, crcs) => Math.round(sum(s, "income_total", crcs) / (MONTH_COUNT / 12)),
  income_total: (s, crcs) => sum(s, "income_total", crcs),
  fee_for_service: (s, crcs) => sum(s, "fee_for_service", crcs),
  /** Fee for service plus the variation: MoJ's projected fee-for-service basis after 2017. */
  fee_and_variation: (s, crcs) => sum(s, "fee_for_service", crcs) + sum(s, "variation", crcs),
  /** The variation line from Aug 2017, the agreed start (the uplift, not the earlier payments). */
  variation_from_2017_08: (s, crcs) => sum(s, "variation", crcs, VARIATION_AGREED_START),
  pbr: (s, crcs) => sum(s, "pbr", crcs),
  profit_from_2016_17: (s, crcs) => sum(s, "profit", crcs, FROM_2016_17),
  losing_crcs_from_2016_17: (s, crcs) => losingCount(s, crcs, FROM_2016_17, MONTH_COUNT),
  /** The sum of the losing CRCs' losses (a positive amount). */
  losses_from_2016_17: (s, crcs) => foldLosses(s, crcs, FROM_2016_17, MONTH_COUNT, 0, add),
  largest_loss_from_2016_17: (s, crcs) =>
    foldLosses(s, crcs, FROM_2016_17, MONTH_COUNT, 0, Math.max),
  /** The smallest loss among the losing CRCs (0 when none loses). */
  smallest_loss_from_2016_17: (s, crcs) => {
    // Losses are positive: −1 is "none yet".
    const smallest = foldLosses(s, crcs, FROM_2016_17, MONTH_COUNT, -1, (a, b) =>
      a < 0 ? b : Math.min(a, b),
    );
    return smallest < 0 ? 0 : smallest;
  },
  losing_crcs_to_2017_03: (s, crcs) => losingCount(s, crcs, 0, TO_2017_03),
  /** Staff (FTE) in post in Feb 2015, less in Jun 2016: the cuts made by mid 2016. */
  fte_cut_by_2016_06: (s, crcs) =>
    Math.round(crcs.reduce((t, c) => t + s.fte(c, 0) - s.fte(c, MID_2016), 0)),
  losing_crcs_in_2016_17: (s, crcs) => losingCount(s, crcs, FROM_2016_17, TO_2017_03),
} satisfies Record<string, Measure>;

export type MeasureId = keyof typeof MEASURES;
