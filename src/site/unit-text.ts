import { UNITS, isUnit, type Unit } from "../data/units.ts";

/**
 * Values as a reader writes them, in their unit (issue #16): money as £ with thousands
 * separators, shares as per cents, months as "February 2016", a true minus sign (U+2212) joined
 * to what follows by nothing that can break. The data's own numbers (pounds, 0–1 shares,
 * "YYYY-MM") stay in files, URLs and exports; this is for the text on a page.
 */

const MONTHS =
  "January February March April May June July August September October November December".split(
    " ",
  );

/** "2016-02" → "February 2016"; anything else is returned as it is. */
export function monthName(yyyyMm: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(yyyyMm);
  if (!m) return yyyyMm;
  const name = MONTHS[Number(m[2]) - 1];
  return name ? `${name} ${m[1]}` : yyyyMm;
}

const MINUS = "\u2212";

function plain(x: number, maxDecimals: number, minDecimals = 0): string {
  return Math.abs(x).toLocaleString("en-GB", {
    minimumFractionDigits: minDecimals,
    maximumFractionDigits: maxDecimals,
  });
}

/** A signed number's sign, as a true minus glued to what follows. */
const sign = (x: number) => (x < 0 ? MINUS : "");

/**
 * One value in its unit, e.g. (42000000, "GBP") → "£42,000,000", (0.2, "share") → "20%",
 * (6, "months") → "6 months", ("2016-02", "date_month") → "February 2016". Money is in pounds
 * (the data's unit, not pence). Unknown units print the number as it is.
 */
export function formatInUnit(value: number | string, unit: Unit | string): string {
  if (unit === "date_month") return monthName(String(value));
  const x = typeof value === "number" ? value : Number(value);
  if (!Number.isFinite(x)) return String(value);
  if (!isUnit(unit)) return `${sign(x)}${plain(x, 6)}`;
  if (UNITS[unit].money) {
    const pence = Number.isInteger(x) ? 0 : 2;
    const pounds = `${sign(x)}£${plain(x, pence, pence)}`;
    if (unit === "GBP_per_year") return `${pounds} a year`;
    if (unit === "GBP_per_point") return `${pounds} per point`;
    return pounds;
  }
  switch (unit) {
    case "share":
      return `${sign(x)}${plain(x * 100, 4)}%`;
    case "percent":
      return `${sign(x)}${plain(x, 4)}%`;
    case "points":
      return `${sign(x)}${plain(x, 4)}\u00a0${Math.abs(x) === 1 ? "point" : "points"}`;
    case "ratio":
      return `×${plain(x, 4)}`;
    case "FTE":
      return `${sign(x)}${plain(x, 1)}\u00a0FTE`;
    case "people_per_FTE":
      return `${sign(x)}${plain(x, 2)} per FTE`;
    case "months":
    case "weeks":
    case "years": {
      const one = unit.slice(0, -1);
      return `${sign(x)}${plain(x, 2)}\u00a0${Math.abs(x) === 1 ? one : unit}`;
    }
    case "people":
      return `${sign(x)}${plain(x, 0)}\u00a0people`;
    default:
      return `${sign(x)}${plain(x, 6)}`;
  }
}

/** A unit's name for a label: "£", "%", "months"… ("" for dates, counts and indices). */
export function unitWord(unit: Unit | string): string {
  switch (unit) {
    case "GBP":
      return "£";
    case "GBP_per_year":
      return "£ a year";
    case "GBP_per_point":
      return "£ per point";
    case "share":
    case "percent":
      return "%";
    case "points":
      return "percentage points";
    case "ratio":
      return "multiplier";
    case "people_per_FTE":
      return "people per FTE";
    case "FTE":
    case "people":
    case "months":
    case "weeks":
    case "years":
      return unit;
    default:
      return "";
  }
}

/**
 * A range "low to high" in the unit, each end formatted once: ("0.06", "0.48", "share") →
 * "6% to 48%".
 */
export function formatRange(
  low: number | string,
  high: number | string,
  unit: Unit | string,
): string {
  return `${formatInUnit(low, unit)} to ${formatInUnit(high, unit)}`;
}

/**
 * A sensitivity end as `planSwings` writes it ("0.7", "-0.05", "2016-02", or "0.06 to 0.16 (by
 * CRC and year)") in its unit: "70%", "−5%", "February 2016", "6% to 16% (by CRC and year)".
 */
export function formatEndText(text: string, unit: Unit | string): string {
  const m = /^(\S+) to (\S+) (\(by [^)]*\))$/.exec(text);
  if (m) return `${formatRange(m[1]!, m[2]!, unit)} ${m[3]}`;
  return text === "" ? "" : formatInUnit(text, unit);
}
