/**
 * The fixed vocabulary of units used in data/figures.csv and data/parameters.csv. Money is
 * written in pounds (humans review the files) and converted to integer pence by the loader.
 */
export const UNITS = {
  GBP: { money: true, integer: false, min: null, max: null, text: "pounds" },
  GBP_per_year: { money: true, integer: false, min: null, max: null, text: "pounds a year" },
  GBP_per_point: { money: true, integer: false, min: null, max: null, text: "pounds per point" },
  share: { money: false, integer: false, min: -1, max: 1, text: "a fraction (0.2 = 20%)" },
  ratio: { money: false, integer: false, min: 0, max: null, text: "a multiplier (1 = as is)" },
  percent: { money: false, integer: false, min: -100, max: 100, text: "per cent" },
  points: { money: false, integer: false, min: -100, max: 100, text: "percentage points" },
  FTE: { money: false, integer: false, min: 0, max: null, text: "full-time equivalent staff" },
  people: { money: false, integer: true, min: 0, max: null, text: "people" },
  people_per_FTE: { money: false, integer: false, min: 0, max: null, text: "people per FTE" },
  count: { money: false, integer: true, min: 0, max: null, text: "a whole number" },
  index: { money: false, integer: false, min: 0, max: null, text: "an index or arbitrary units" },
  months: { money: false, integer: true, min: 0, max: null, text: "whole months" },
  weeks: { money: false, integer: false, min: 0, max: null, text: "weeks" },
  years: { money: false, integer: false, min: 0, max: null, text: "years" },
  date_month: { money: false, integer: false, min: null, max: null, text: "a month, YYYY-MM" },
} as const;

export type Unit = keyof typeof UNITS;
export const UNIT_NAMES = Object.keys(UNITS) as Unit[];

export function isUnit(name: string): name is Unit {
  return Object.hasOwn(UNITS, name);
}

export function isMoneyUnit(unit: Unit): boolean {
  return UNITS[unit].money;
}
