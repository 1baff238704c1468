import { param, type Dataset } from "../data/index.ts";
import { FY_COUNT, type CrcRef } from "../engine/projection-inputs.ts";
import { FINANCIAL_YEARS } from "../engine/timeline.ts";
import type { ParameterOverride, ParameterValue } from "../scenario/scenario.ts";
import { toScenarioValue } from "./scenario-value.ts";

/**
 * A scenario override that makes the resolver produce exactly this column (engine units,
 * `[crc × FY_COUNT + fy]`): `value` when every cell is the same, `byCrc` when each CRC has one
 * value, `byYear` when each year has one value. A column that varies by both CRC and year cannot
 * be written as one override (byCrc wins over byYear), and gives undefined.
 */
export function columnOverride(
  id: string,
  column: Float64Array,
  crcs: readonly CrcRef[],
  dataset: Dataset,
): ParameterOverride | undefined {
  const value = (c: number, y: number) =>
    toScenarioValue(column[c * FY_COUNT + y]!, param(dataset, id, crcs[c]!.id));
  const same = (pick: (c: number, y: number) => number) => {
    for (let c = 0; c < crcs.length; c++)
      for (let y = 0; y < FY_COUNT; y++)
        if (column[c * FY_COUNT + y] !== column[pick(c, y)]) return false;
    return true;
  };
  if (same(() => 0)) return { value: value(0, 0) };
  if (same((c) => c * FY_COUNT)) {
    const byCrc: Record<string, ParameterValue> = {};
    crcs.forEach((crc, c) => (byCrc[crc.id] = value(c, 0)));
    return { byCrc };
  }
  if (same((_, y) => y)) {
    const byYear: Record<string, ParameterValue> = {};
    FINANCIAL_YEARS.forEach((fy, y) => (byYear[fy] = value(0, y)));
    return { byYear };
  }
  return undefined;
}
