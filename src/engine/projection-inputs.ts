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
      value = new Money(this.num(id, crc, fy));
      cache[k] = value;
    }
    return value;
  }
}
