import { MONTH_COUNT, type Ledger } from "../engine/ledger.ts";
import { FY_COUNT } from "../engine/projection-inputs.ts";
import {
  FY_FIRST_MONTH as FY_FIRST,
  FY_LAST_MONTH as FY_LAST,
  FY_OF_MONTH as FY_OF,
} from "../engine/timeline.ts";
import { MEASURED_LINES, type LineSource, type MeasuredLine } from "./measures.ts";

/**
 * The `LineSource`s of the posterior's prior simulation (`simulate-derived.ts`): a projection
 * read from financial-year sums, and the variation's projection at a φ′ between two ends. Each
 * gives the sums a ledger of its cells would (measures.ts `ledgerSource`), bit for bit.
 */

export const LINE_INDEX: Readonly<Record<MeasuredLine, number>> = Object.fromEntries(
  MEASURED_LINES.map((line, l) => [line, l]),
) as Record<MeasuredLine, number>;

/** Whether months [from, to) are whole financial years. */
export const wholeYears = (from: number, to: number) =>
  from < to && FY_FIRST[FY_OF[from]!] === from && FY_LAST[FY_OF[to - 1]!] === to - 1;

/**
 * A projection held as each measured line's financial-year sums by CRC,
 * `years[(line × n + c) × FY_COUNT + y]`, with the FTE of a ledger. Every cell is whole pence
 * and every sum below 2^53, so a sum over whole years is exact and equal to the cells' sum in
 * any order. A line marked `zero` is 0 in every cell (over any months); a line not `held` is
 * not available (a bug in the caller, who checked the measures' needs with `probeNeeds`).
 */
export class YearSumSource implements LineSource {
  readonly years: Float64Array;
  constructor(
    readonly n: number,
    readonly held: readonly MeasuredLine[],
    readonly zero: readonly MeasuredLine[],
    readonly fteOf: Ledger,
  ) {
    this.years = new Float64Array(MEASURED_LINES.length * n * FY_COUNT);
  }

  private check(line: MeasuredLine, from: number, to: number): boolean {
    if (this.zero.includes(line)) return false;
    if (!this.held.includes(line) || !wholeYears(from, to))
      throw new Error(`a year-sum source cannot give ${line} over months [${from}, ${to})`);
    return true;
  }

  sum(line: MeasuredLine, crcs: readonly number[], from: number, to: number): number {
    if (!this.check(line, from, to)) return 0;
    const base = LINE_INDEX[line] * this.n;
    const y0 = FY_OF[from]!;
    const y1 = FY_OF[to - 1]!;
    let total = 0;
    for (const c of crcs)
      for (let y = y0; y <= y1; y++) total += this.years[(base + c) * FY_COUNT + y]!;
    return total;
  }

  crcSum(line: MeasuredLine, c: number, from: number, to: number): number {
    if (!this.check(line, from, to)) return 0;
    const at = (LINE_INDEX[line] * this.n + c) * FY_COUNT;
    let total = 0;
    for (let y = FY_OF[from]!; y <= FY_OF[to - 1]!; y++) total += this.years[at + y]!;
    return total;
  }

  fte(c: number, m: number): number {
    return this.fteOf.fte[c * MONTH_COUNT + m]!;
  }
}

/** Lines of the variation's projection that move with φ′ (the uplift and the totals over it). */
const MOVES_WITH_PHI: readonly MeasuredLine[] = ["variation", "income_total", "profit"];

/**
 * The variation's projection at the point `t` of the way from its ledger at one φ′ (`ledger`)
 * to its ledger at another, whose cells differ from it by `step` (whole pence, on the lines
 * that move with φ′): each cell `x + t × step`, the cell the straight line between the two
 * ledgers gives (x + t × (y − x), with y − x exactly `step`), added up in a ledger's order.
 * Where every cell is whole pence (a line that does not move, or t 0 or 1) a sum over whole
 * years is taken from the year sums (`years` of the ledger, `stepYears` of the step): exact.
 * A CRC's sums are remembered until `t` is set again (the loss measures read the same ones).
 */
interface MemoEntry {
  /** (line × MONTH_COUNT + from) × (MONTH_COUNT + 1) + to. */
  readonly key: number;
  readonly sums: Float64Array;
  all: number;
  known: boolean;
}

export class VariedSource implements LineSource {
  private t = 0;
  /** By line and months: each CRC's sum and all CRCs' in order, made in one pass (`fill`). */
  private readonly memo: MemoEntry[] = [];
  constructor(
    readonly ledger: Ledger,
    /** Per cell, `[c × MONTH_COUNT + m]`. */
    readonly step: Float64Array,
    /** The ledger's year sums, as `YearSumSource.years`. */
    readonly years: Float64Array,
    /** The step's year sums by CRC, `[c × FY_COUNT + y]`. */
    readonly stepYears: Float64Array,
  ) {}

  /** Move to point t (0: the ledger; 1: the other end). */
  at(t: number): void {
    this.t = t;
    for (const entry of this.memo) entry.known = false;
  }

  sum(line: MeasuredLine, crcs: readonly number[], from: number, to: number): number {
    let total = 0;
    if (this.wholePence(line) && wholeYears(from, to)) {
      for (const c of crcs) total += this.yearTotal(line, c, from, to);
      return total;
    }
    if (this.inOrder(crcs)) return this.fill(line, from, to).all;
    const x = this.ledger.money[line];
    const { step, t } = this;
    for (const c of crcs)
      for (let i = c * MONTH_COUNT + from; i < c * MONTH_COUNT + to; i++)
        total += x[i]! + t * step[i]!;
    return total;
  }

  crcSum(line: MeasuredLine, c: number, from: number, to: number): number {
    if (this.wholePence(line) && wholeYears(from, to)) return this.yearTotal(line, c, from, to);
    return this.fill(line, from, to).sums[c]!;
  }

  /** Whether `crcs` is every CRC in order (0, 1, …, n − 1). */
  private inOrder(crcs: readonly number[]) {
    if (crcs.length !== this.ledger.crcs.length) return false;
    for (let k = 0; k < crcs.length; k++) if (crcs[k] !== k) return false;
    return true;
  }

  /**
   * Each CRC's sum of `line` over months [from, to), and every CRC's in order into one running
   * total, in one pass over the cells (each sum adds the same cells in the same order as alone).
   */
  private fill(line: MeasuredLine, from: number, to: number) {
    const key = (LINE_INDEX[line] * MONTH_COUNT + from) * (MONTH_COUNT + 1) + to;
    let entry;
    for (const e of this.memo) if (e.key === key) entry = e;
    if (entry === undefined) {
      const sums = new Float64Array(this.ledger.crcs.length);
      entry = { key, sums, all: 0, known: false };
      this.memo.push(entry);
    }
    if (entry.known) return entry;
    const x = this.ledger.money[line];
    const { step, t } = this;
    let all = 0;
    for (let c = 0; c < entry.sums.length; c++) {
      let total = 0;
      for (let i = c * MONTH_COUNT + from; i < c * MONTH_COUNT + to; i++) {
        const cell = x[i]! + t * step[i]!;
        total += cell;
        all += cell;
      }
      entry.sums[c] = total;
    }
    entry.all = all;
    entry.known = true;
    return entry;
  }

  fte(c: number, m: number): number {
    return this.ledger.fte[c * MONTH_COUNT + m]!;
  }

  private wholePence(line: MeasuredLine) {
    return this.t === 0 || this.t === 1 || !MOVES_WITH_PHI.includes(line);
  }

  /** CRC c's sum over whole years [from, to) where every cell is whole pence. */
  private yearTotal(line: MeasuredLine, c: number, from: number, to: number) {
    const n = this.ledger.crcs.length;
    const at = (LINE_INDEX[line] * n + c) * FY_COUNT;
    const moves = this.t === 1 && MOVES_WITH_PHI.includes(line);
    let total = 0;
    for (let y = FY_OF[from]!; y <= FY_OF[to - 1]!; y++)
      total += this.years[at + y]! + (moves ? this.stepYears[c * FY_COUNT + y]! : 0);
    return total;
  }
}

/** What the measures read of one preset: lines over whole years, lines over other months, FTE. */
export interface Needs {
  readonly wholeYears: Set<MeasuredLine>;
  readonly partYears: Set<MeasuredLine>;
}

/** A source that records what is read of it (every sum 0), to find a measure's needs. */
export function probeSource(needs: Needs): LineSource {
  const note = (line: MeasuredLine, from: number, to: number) =>
    (wholeYears(from, to) ? needs.wholeYears : needs.partYears).add(line);
  return {
    sum: (line, _crcs, from, to) => (note(line, from, to), 0),
    crcSum: (line, _c, from, to) => (note(line, from, to), 0),
    fte: () => 0,
  };
}
