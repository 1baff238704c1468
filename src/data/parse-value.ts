import { failure, type Result } from "../issues/issue.ts";
import Decimal from "decimal.js";
import { UNITS, type Unit } from "./units.ts";

/**
 * A cell value parsed for its unit: numbers keep their exact decimal text (so money and shares
 * can be rebuilt exactly with decimal.js) and, for money, integer pence.
 */
export interface ParsedCell {
  readonly value: number | string;
  readonly text: string;
  readonly pence: number | null;
}

/** The cell's value, or one issue (at path "": the caller knows the cell) saying what was expected. */
export type ParsedValue = Result<ParsedCell>;

/** Plain decimals only: no exponents, thousands separators, currency signs or spaces. */
const DECIMAL = /^-?(0|[1-9]\d*)(\.\d+)?$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Parse one cell as a value of `unit`, or say exactly what was expected. */
export function parseValue(text: string, unit: Unit): ParsedValue {
  const spec = UNITS[unit];
  if (unit === "date_month") {
    return MONTH.test(text)
      ? { ok: true, value: { value: text, text, pence: null } }
      : failure("", `malformed month: expected YYYY-MM (e.g. 2017-08)`);
  }
  if (!DECIMAL.test(text)) {
    return failure(
      "",
      `malformed number: expected a plain decimal such as 0.2 or 14000000 (${spec.text})`,
    );
  }
  const d = new Decimal(text);
  if (spec.integer && !d.isInteger()) {
    return failure("", `malformed number: ${unit} must be a whole number`);
  }
  if (spec.min !== null && d.lt(spec.min)) {
    return failure("", `out of range for unit ${unit}: must be at least ${spec.min}`);
  }
  if (spec.max !== null && d.gt(spec.max)) {
    return failure("", `out of range for unit ${unit}: must be at most ${spec.max}`);
  }
  let pence: number | null = null;
  if (spec.money) {
    if (d.decimalPlaces() > 2) {
      return failure("", `malformed number: money (${unit}) has at most 2 decimals`);
    }
    pence = d.times(100).toNumber();
    if (!Number.isSafeInteger(pence)) {
      return failure("", `out of range: ${text} pounds is too large to hold in pence`);
    }
  }
  return { ok: true, value: { value: d.toNumber(), text, pence } };
}

/** Order two parsed values of the same unit (months compare as text, numbers exactly). */
export function compareValues(a: string, b: string, unit: Unit): number {
  if (unit === "date_month") return a < b ? -1 : a > b ? 1 : 0;
  return new Decimal(a).comparedTo(new Decimal(b));
}
