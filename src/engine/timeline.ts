/**
 * The contract timeline: monthly periods from the share sale on 1 Feb 2015 to the end of the
 * contracts on 31 Mar 2022 (MODEL.md "Time"; PAC HC 484, sources/2016-09-16_pac-report…).
 * Financial years run April–March: 2014-15 has two months only (Feb, Mar 2015).
 */
export interface Month {
  /** 0-based position in the contract (0 = Feb 2015). */
  readonly index: number;
  /** ISO year-month, e.g. "2015-02". */
  readonly id: string;
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  /** Financial year, e.g. "2014-15". */
  readonly fy: string;
  /** Financial-year quarter, e.g. "2014-15 Q4" (Q1 = Apr–Jun). */
  readonly quarter: string;
}

export const CONTRACT_START = "2015-02";
export const CONTRACT_END = "2022-03";

export function financialYearOf(year: number, month: number): string {
  const start = month >= 4 ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, "0")}`;
}

function quarterOf(month: number): number {
  // Apr–Jun is Q1 of the financial year; Jan–Mar is Q4.
  return month >= 4 ? Math.floor((month - 4) / 3) + 1 : 4;
}

export function monthId(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, "0")}`;
}

function buildMonths(): readonly Month[] {
  const months: Month[] = [];
  let year = 2015;
  let month = 2;
  for (let index = 0; ; index++) {
    const fy = financialYearOf(year, month);
    months.push({
      index,
      id: monthId(year, month),
      year,
      month,
      fy,
      quarter: `${fy} Q${quarterOf(month)}`,
    });
    if (year === 2022 && month === 3) break;
    month += 1;
    if (month === 13) {
      month = 1;
      year += 1;
    }
  }
  return Object.freeze(months);
}

/** The 86 contract months, Feb 2015 – Mar 2022. */
export const CONTRACT_MONTHS: readonly Month[] = buildMonths();

/** Financial years touched by the contract, in order: 2014-15 … 2021-22. */
export const FINANCIAL_YEARS: readonly string[] = Object.freeze([
  ...new Set(CONTRACT_MONTHS.map((m) => m.fy)),
]);

/** Position of a "YYYY-MM" month in the contract, or -1 when it lies outside. */
export function monthIndexOf(id: string): number {
  return CONTRACT_MONTHS.findIndex((m) => m.id === id);
}

/** Financial-year index (0 = 2014-15) of each contract month, by month index. */
export const FY_INDEX_BY_MONTH: readonly number[] = Object.freeze(
  CONTRACT_MONTHS.map((m) => FINANCIAL_YEARS.indexOf(m.fy)),
);

/** Financial-year index (0 = 2014-15) of a contract month index. */
export function fyIndexOf(monthIndex: number): number {
  const fy = FY_INDEX_BY_MONTH[monthIndex];
  if (fy === undefined) throw new RangeError(`month index ${monthIndex} is outside the contract`);
  return fy;
}

/*
 * The same as typed arrays, for the float paths' loops (a frozen array's element loads cost
 * more there): one definition for the float projection, the posterior's derived cells and the
 * applicability tests (issue #13).
 */
/** Financial-year index of each month. */
export const FY_OF_MONTH = Int32Array.from(FY_INDEX_BY_MONTH);
/** First month index of each financial year. */
export const FY_FIRST_MONTH = Int32Array.from(FINANCIAL_YEARS, (_, y) =>
  FY_INDEX_BY_MONTH.indexOf(y),
);
/** Last month index of each financial year. */
export const FY_LAST_MONTH = Int32Array.from(FINANCIAL_YEARS, (_, y) =>
  FY_INDEX_BY_MONTH.lastIndexOf(y),
);
