import { Money } from "./money.ts";
import { FINANCIAL_YEARS } from "./timeline.ts";

export interface CrcRef {
  readonly id: string;
  readonly ownerId: string;
}

/**
 * Everything a projection needs, fully resolved: for each parameter id, one value per CRC and
 * financial year, laid out `[crcIndex × FY_COUNT + fyIndex]`. Money is in pence, months are
 * contract month indices (0 = Feb 2015), everything else in its data/parameters.csv unit.
 *
 * Values are plain float64 numbers that came from decimal text with at most 15 significant
 * digits (the scenario resolver checks this), so `new Money(value)` recovers the exact decimal
 * (decimal.js reads a number through its shortest round-trip text). Plain data throughout:
 * it crosses a worker boundary as is.
 */
export interface ProjectionInputs {
  readonly crcs: readonly CrcRef[];
  readonly values: ReadonlyMap<string, Float64Array>;
}

export const FY_COUNT = FINANCIAL_YEARS.length;

/**
 * Exact decimals of input numbers, shared by every projection: decimals are immutable, and a
 * slider move changes one parameter, so the next projection reads almost the same numbers. It
 * saves reading each number's text again (~10% of an exact projection; issue #5). Bounded: it is
 * emptied when full. −0 is left out (a Map does not tell it from 0; decimal.js does).
 */
const DECIMALS = new Map<number, Money>();
const DECIMALS_MAX = 50_000;

export function exactOf(value: number): Money {
  if (Object.is(value, -0)) return new Money(value);
  let exact = DECIMALS.get(value);
  if (exact === undefined) {
    if (DECIMALS.size >= DECIMALS_MAX) DECIMALS.clear();
    exact = new Money(value);
    DECIMALS.set(value, exact);
  }
  return exact;
}

/** Read access to a ProjectionInputs, with exact values cached per cell. */
export class Params {
  readonly crcCount: number;
  private readonly exact = new Map<string, (Money | undefined)[]>();

  constructor(readonly inputs: ProjectionInputs) {
    this.crcCount = inputs.crcs.length;
  }

  private column(id: string): Float64Array {
    const column = this.inputs.values.get(id);
    if (column === undefined) throw new Error(`projection inputs lack parameter ${id}`);
    return column;
  }

  /** The value as a float64 number. */
  num(id: string, crc: number, fy = 0): number {
    return this.column(id)[crc * FY_COUNT + fy]!;
  }

  /** The value as an exact decimal. */
  dec(id: string, crc: number, fy = 0): Money {
    let cache = this.exact.get(id);
    if (cache === undefined) {
      cache = [];
      this.exact.set(id, cache);
    }
    const k = crc * FY_COUNT + fy;
    let value = cache[k];
    if (value === undefined) {
      value = exactOf(this.num(id, crc, fy));
      cache[k] = value;
    }
    return value;
  }
}
