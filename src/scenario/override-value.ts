import { clip, describeValue } from "../issues/describe-value.ts";
import { failure, type Result } from "../issues/issue.ts";
import Decimal from "decimal.js";
import type { Parameter } from "../data/index.ts";
import { isMoneyUnit } from "../data/index.ts";
import { parseValue } from "../data/parse-value.ts";
import { monthIndexOf } from "../engine/timeline.ts";
import type { ParameterValue } from "./scenario.ts";

/** At most 15 significant digits: a float64 then holds the decimal exactly enough to rebuild it. */
const MAX_SIGNIFICANT_DIGITS = 15;

/**
 * Check one scenario value against a parameter's data row (unit, range) and convert it to the
 * engine's number: pence for money, a contract month index for months. Returns the number, or
 * one issue naming the bad value and what is allowed (at path "": the caller knows the path,
 * and a value is checked once for every place it is given).
 */
export function checkOverrideValue(
  raw: ParameterValue,
  row: Parameter,
  where = "",
): Result<number> {
  const fail = (message: string) => failure("", `${message}${where}`);
  if (row.unit === "date_month") {
    if (typeof raw !== "string")
      return fail(
        `${describeValue(raw)} is not a month; write "YYYY-MM", from ${row.text.min} to ${row.text.max}`,
      );
  } else if (typeof raw !== "number") {
    return fail(
      `${describeValue(raw)} is not a number; expected ${row.unit} from ${row.text.min} to ${row.text.max}`,
    );
  }
  let text: string;
  if (typeof raw === "number") {
    const d = new Decimal(raw);
    if (d.precision(true) > MAX_SIGNIFICANT_DIGITS) {
      return fail(`${raw} has more than ${MAX_SIGNIFICANT_DIGITS} significant digits`);
    }
    text = d.toFixed();
  } else text = raw;
  if (row.unit !== "date_month") {
    // The data row's range is the narrower, more useful bound: report it before the unit's own.
    const d = new Decimal(text);
    if (d.lessThan(row.text.min)) return fail(`${clip(text)} is below the minimum ${row.text.min}`);
    if (d.greaterThan(row.text.max))
      return fail(`${clip(text)} is above the maximum ${row.text.max}`);
  }
  const parsed = parseValue(text, row.unit);
  if (!parsed.ok) return fail(`${describeValue(raw)}: ${parsed.issues[0]!.message}`);
  if (row.unit === "date_month") {
    if (text < String(row.values.min))
      return fail(`${text} is before the earliest allowed month ${row.text.min}`);
    if (text > String(row.values.max))
      return fail(`${text} is after the latest allowed month ${row.text.max}`);
    const index = monthIndexOf(text);
    if (index < 0) return fail(`${text} is outside the contract (2015-02 to 2022-03)`);
    return { ok: true, value: index };
  }
  const d = new Decimal(text);
  return { ok: true, value: isMoneyUnit(row.unit) ? d.times(100).toNumber() : d.toNumber() };
}

const DEFAULTS = new WeakMap<Parameter, number>();

/** A data row's default in the engine's number (pence, month index, or as is); cached per row. */
export function rowDefault(row: Parameter): number {
  let value = DEFAULTS.get(row);
  if (value === undefined) {
    value = computeRowDefault(row);
    DEFAULTS.set(row, value);
  }
  return value;
}

function computeRowDefault(row: Parameter): number {
  if (row.unit === "date_month") {
    const index = monthIndexOf(String(row.defaultValue));
    if (index < 0)
      throw new Error(
        `data row ${row.id} (line ${row.row}): ${row.defaultValue} is outside the contract`,
      );
    return index;
  }
  if (row.pence !== null) return row.pence.default;
  return new Decimal(row.text.default).toNumber();
}
