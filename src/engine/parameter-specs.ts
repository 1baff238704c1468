import { FINANCIAL_YEARS } from "./timeline.ts";

/**
 * The parameters the engine reads, and how a scenario may vary each one.
 *
 * - `scope: "crc"` parameters may differ by CRC (and so by owner); `"national"` ones are single
 *   national figures (a total, a price, a date) that the engine shares out itself.
 * - `byYear: true` parameters are read per financial year (a scenario may override them for one
 *   year); the others are read once per CRC, so a by-year override would be silently ignored and
 *   is refused instead.
 * - `used: false` marks a parameter that is shown for information only.
 *
 * Ranges, units, defaults and sources live in data/parameters.csv, not here.
 */
export interface ParameterSpec {
  readonly scope: "crc" | "national";
  readonly byYear: boolean;
  readonly used: boolean;
}

const crcByYear: ParameterSpec = { scope: "crc", byYear: true, used: true };
const crcFixed: ParameterSpec = { scope: "crc", byYear: false, used: true };
const nationalFixed: ParameterSpec = { scope: "national", byYear: false, used: true };
const nationalByYear: ParameterSpec = { scope: "national", byYear: true, used: true };

/**
 * The volume shortfall is given for the years with published ranges (2015-16 to 2017-18). The
 * engine reads one effective value per financial year from the derived column
 * `volume.shortfall` (see `effectiveShortfall`): Feb–Mar 2015 take the 2015-16 value, and each
 * year after 2017-18 adds `volume.shortfallTrend` to the year before.
 */
export const SHORTFALL_GIVEN_YEARS = ["2015-16", "2016-17", "2017-18"] as const;
export const SHORTFALL_GIVEN_IDS: readonly string[] = SHORTFALL_GIVEN_YEARS.map(
  (fy) => `volume.shortfall.${fy}`,
);
export const SHORTFALL_TREND_ID = "volume.shortfallTrend";
/** The derived per-year column the rules read. */
export const SHORTFALL_ID = "volume.shortfall";

/**
 * Effective shortfall for each financial year (FINANCIAL_YEARS order) from the three given
 * years and the trend: 2014-15 = 2015-16 (no figure for Feb–Mar 2015; the nearest year is used),
 * 2018-19 onwards = 2017-18 + trend × years after 2017-18 (assumed; MODEL.md asks for the
 * shortfall "by CRC and year" and nothing after 2017-18 was published).
 */
export function effectiveShortfallSource(fy: string): { given: string; trendYears: number } {
  const index = FINANCIAL_YEARS.indexOf(fy);
  const last = FINANCIAL_YEARS.indexOf("2017-18");
  if (index < 0) throw new RangeError(`no financial year ${fy}`);
  if (index === 0) return { given: SHORTFALL_GIVEN_IDS[0]!, trendYears: 0 };
  if (index <= last) return { given: `volume.shortfall.${fy}`, trendYears: 0 };
  return { given: SHORTFALL_GIVEN_IDS[2]!, trendYears: index - last };
}

export const PARAMETER_SPECS: Readonly<Record<string, ParameterSpec>> = Object.freeze({
  "contract.start": { scope: "national", byYear: false, used: false },
  "termination.endDate": crcFixed,
  "termination.paymentMonths": crcFixed,
  "ffs.fixedShare": crcByYear,
  "ffs.toleranceBand": crcByYear,
  "ffs.upsideCap": crcByYear,
  "cost.bidMargin": crcFixed,
  "cost.fixedShare": crcByYear,
  "cost.staffShare": crcByYear,
  "cost.transformationGap": crcFixed,
  "cost.savingsAchieved": crcFixed,
  "price.learningCurveDiscount": crcFixed,
  "caseload.growth": crcFixed,
  "variation.start": crcFixed,
  "variation.fixedShare": crcByYear,
  "variation.scale": crcFixed,
  "variation.paymentBefore.2016-17": nationalFixed,
  "variation.paymentBefore.2017-18": nationalFixed,
  "guarantee.floorShareOfCost": crcByYear,
  "pbr.firstCohort": nationalFixed,
  "pbr.cashLagMonths": nationalFixed,
  "pbr.binaryPricePerPoint": nationalFixed,
  "pbr.frequencyPricePerPoint": nationalFixed,
  "pbr.binaryReductionPts": crcByYear,
  "pbr.frequencyReductionPct": crcByYear,
  "pbr.deductionThreshold": crcByYear,
  "serviceCredits.grossAnnual": nationalByYear,
  "serviceCredits.waivedShare": crcByYear,
  "ict.compensationTotal": nationalFixed,
  "ict.crcCount": { scope: "national", byYear: false, used: false },
  "ict.paymentMonth": nationalFixed,
  "staff.loadedCostPerFte": crcFixed,
  "staff.onCostRate": crcFixed,
  "staff.payAward": crcByYear,
  "staff.fteJune2014": crcFixed,
  "staff.fteJune2017": crcFixed,
  "staff.cutScale": crcFixed,
  "staff.cutsCompleteBy": crcFixed,
  "redundancy.weeksPerYear": crcFixed,
  "redundancy.capWeeks": crcFixed,
  "redundancy.avgServiceYears": crcFixed,
  "redundancy.shareOfReduction": crcFixed,
  "redundancy.modernisationFundShare": crcFixed,
  "workload.caseloadPerFteNorm": nationalFixed,
  "workload.feedback.pbrPtsPer10Pct": crcByYear,
  "workload.feedback.serviceCreditsPer10Pct": crcByYear,
  "size.annualPrice": crcFixed,
  "size.caseload2014": crcFixed,
  "size.baselineWav": { scope: "crc", byYear: false, used: false },
  ...Object.fromEntries(SHORTFALL_GIVEN_IDS.map((id) => [id, crcFixed])),
  [SHORTFALL_TREND_ID]: crcFixed,
});

/** The parameters the projection cannot run without. */
export const REQUIRED_PARAMETER_IDS: readonly string[] = Object.keys(PARAMETER_SPECS).filter(
  (id) => PARAMETER_SPECS[id]!.used,
);
