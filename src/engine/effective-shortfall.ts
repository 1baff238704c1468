import Decimal from "decimal.js";
import { effectiveShortfallSource, SHORTFALL_TREND_ID } from "./parameter-specs.ts";
import { FY_COUNT } from "./projection-inputs.ts";
import { FINANCIAL_YEARS } from "./timeline.ts";

/**
 * The derived `volume.shortfall` column the rules read, one value per CRC and financial year:
 * the given years as they are, 2014-15 from 2015-16, and each later year the 2017-18 value
 * plus the trend per year (parameter-specs.ts). Sums in decimal, so 0.464 + 3 × 0.01 is 0.494.
 */
export function effectiveShortfallColumn(
  values: ReadonlyMap<string, Float64Array>,
  crcCount: number,
): Float64Array {
  const column = new Float64Array(crcCount * FY_COUNT);
  const trend = values.get(SHORTFALL_TREND_ID)!;
  for (let c = 0; c < crcCount; c++) {
    FINANCIAL_YEARS.forEach((fy, y) => {
      const k = c * FY_COUNT + y;
      const source = effectiveShortfallSource(fy);
      const given = values.get(source.given)![k]!;
      column[k] = new Decimal(given)
        .plus(new Decimal(trend[k]!).times(source.trendYears))
        .toNumber();
    });
  }
  return column;
}
