import Decimal from "decimal.js";
import { UNITS, type Unit } from "./units.ts";

/**
 * A cell value parsed for its unit: numbers keep their exact decimal text (so money and shares
 * can be rebuilt exactly with decimal.js) and, for money, integer pence.
 */
export type ParsedValue =
  | { ok: true; value: number | string; text: string; pence: number | null }
  | { ok: false; message: string };

/** Plain decimals only: no exponents, thousands separators, currency signs or spaces. */
const DECIMAL = /^-?(0|[1-9]\d*)(\.\d+)?$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Parse one cell as a value of `unit`, or say exactly what was expected. */
export function parseValue(text: string, unit: Unit): ParsedValue {
  const spec = UNITS[unit];
  if (unit === "date_month") {
    return MONTH.test(text)
      ? { ok: true, value: text, text, pence: null }
      : { ok: false, message: `malformed month: expected YYYY-MM (e.g. 2017-08)` };
  }
  if (!DECIMAL.test(text)) {
    return {
      ok: false,
      message: `malformed number: expected a plain decimal such as 0.2 or 14000000 (${spec.text})`,
    };
  }
  const d = new Decimal(text);
  if (spec.integer && !d.isInteger()) {
    return { ok: false, message: `malformed number: ${unit} must be a whole number` };
  }
  if (spec.min !== null && d.lt(spec.min)) {
    return { ok: false, message: `out of range for unit ${unit}: must be at least ${spec.min}` };
  }
  if (spec.max !== null && d.gt(spec.max)) {
    return { ok: false, message: `out of range for unit ${unit}: must be at most ${spec.max}` };
  }
  let pence: number | null = null;
  if (spec.money) {
    if (d.decimalPlaces() > 2) {
      return { ok: false, message: `malformed number: money (${unit}) has at most 2 decimals` };
    }
    pence = d.times(100).toNumber();
    if (!Number.isSafeInteger(pence)) {
      return { ok: false, message: `out of range: ${text} pounds is too large to hold in pence` };
    }
  }
  return { ok: true, value: d.toNumber(), text, pence };
}

/** Order two parsed values of the same unit (months compare as text, numbers exactly). */
export function compareValues(a: string, b: string, unit: Unit): number {
  if (unit === "date_month") return a < b ? -1 : a > b ? 1 : 0;
  return new Decimal(a).comparedTo(new Decimal(b));
}
