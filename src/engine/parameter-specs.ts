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

/** Ids of the per-year volume shortfall parameters, one per financial year. */
export const SHORTFALL_IDS: readonly string[] = FINANCIAL_YEARS.map(
  (fy) => `volume.shortfall.${fy}`,
);

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
  ...Object.fromEntries(SHORTFALL_IDS.map((id) => [id, crcFixed])),
});

/** The parameters the projection cannot run without. */
export const REQUIRED_PARAMETER_IDS: readonly string[] = Object.keys(PARAMETER_SPECS).filter(
  (id) => PARAMETER_SPECS[id]!.used,
);
