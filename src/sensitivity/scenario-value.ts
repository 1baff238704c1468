import Decimal from "decimal.js";
import { isMoneyUnit, type Parameter } from "../data/index.ts";
import { CONTRACT_MONTHS } from "../engine/timeline.ts";
import type { ParameterValue } from "../scenario/scenario.ts";

/**
 * An engine number (pence for money, a month index for months, else as is) written back as a
 * scenario would write it: pounds, "YYYY-MM", or the number. `checkOverrideValue` turns it into
 * the same engine number again, so a value found on the float path can be re-run exactly
 * through the scenario pipeline.
 */
export function toScenarioValue(engineNumber: number, row: Parameter): ParameterValue {
  if (row.unit === "date_month") {
    const month = CONTRACT_MONTHS[engineNumber];
    if (month === undefined) throw new Error(`month index ${engineNumber} is outside the contract`);
    return month.id;
  }
  if (isMoneyUnit(row.unit)) return new Decimal(engineNumber).dividedBy(100).toNumber();
  return engineNumber;
}

/** The same, as text for a table: money in pounds, months as "YYYY-MM". */
export function formatScenarioValue(engineNumber: number, row: Parameter): string {
  return String(toScenarioValue(engineNumber, row));
}

/**
 * A float64 result of arithmetic on decimal values (e.g. 0.2 − 0.05 = 0.15000000000000002)
 * brought back to the decimal it stands for: at most 15 significant digits, which a scenario
 * value may carry (src/scenario/override-value.ts) and `new Money(x)` reads exactly.
 */
export function snapDecimal(x: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(15));
}
