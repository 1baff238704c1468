import { effectiveShortfallColumn } from "./effective-shortfall.ts";
import { SHORTFALL_GIVEN_IDS, SHORTFALL_ID, SHORTFALL_TREND_ID } from "./parameter-specs.ts";
import { FY_COUNT, type CrcRef, type ProjectionInputs } from "./projection-inputs.ts";
import { monthIndexOf } from "./timeline.ts";

/**
 * Small, round projection inputs for hand-computed tests (not the project's data): two CRCs of
 * one owner and one of another, £12m / £24m / £6m a year, no shortfall, no variation, nothing
 * optional switched on. Money in pence, months as contract indices.
 */
export const FIXTURE_CRCS: readonly CrcRef[] = [
  { id: "alpha", ownerId: "north" },
  { id: "beta", ownerId: "north" },
  { id: "gamma", ownerId: "south" },
];

const BASE: Record<string, number | readonly number[]> = {
  "contract.start": 0,
  "termination.endDate": monthIndexOf("2022-03"),
  "termination.paymentMonths": 6,
  "ffs.fixedShare": 0.2,
  "ffs.toleranceBand": 0.05,
  "ffs.upsideCap": 0.1,
  "cost.bidMargin": 0.05,
  "cost.fixedShare": 0.77,
  "cost.staffShare": 0.65,
  "cost.transformationGap": 0,
  "cost.savingsAchieved": 1,
  "price.learningCurveDiscount": 0,
  "caseload.growth": 0.2,
  "variation.start": monthIndexOf("2017-08"),
  "variation.fixedShare": 0.6,
  "variation.scale": 0,
  "variation.paymentBefore.2016-17": 0,
  "variation.paymentBefore.2017-18": 0,
  "guarantee.floorShareOfCost": 0,
  "pbr.firstCohort": monthIndexOf("2015-10"),
  "pbr.cashLagMonths": 24,
  "pbr.binaryPricePerPoint": 100_000_000,
  "pbr.frequencyPricePerPoint": 50_000_000,
  "pbr.binaryReductionPts": 0,
  "pbr.frequencyReductionPct": 0,
  "pbr.deductionThreshold": 1,
  "serviceCredits.grossAnnual": 0,
  "serviceCredits.waivedShare": 0.71,
  "ict.compensationTotal": 0,
  "ict.crcCount": 17,
  "ict.paymentMonth": monthIndexOf("2016-03"),
  "staff.loadedCostPerFte": 3_600_000,
  "staff.onCostRate": 0.25,
  "staff.payAward": 0,
  "staff.fteJune2014": [100, 200, 50],
  "staff.fteJune2017": [100, 200, 50],
  "staff.cutScale": 1,
  "staff.cutsCompleteBy": monthIndexOf("2017-06"),
  "redundancy.weeksPerYear": 3,
  "redundancy.capWeeks": 52,
  "redundancy.avgServiceYears": 12,
  "redundancy.shareOfReduction": 1,
  "redundancy.modernisationFundShare": 0,
  "workload.caseloadPerFteNorm": 20,
  "workload.feedback.pbrPtsPer10Pct": 0,
  "workload.feedback.serviceCreditsPer10Pct": 0,
  "size.annualPrice": [1_200_000_000, 2_400_000_000, 600_000_000],
  "size.caseload2014": [2000, 4000, 1000],
  "size.baselineWav": [1, 2, 0.5],
  [SHORTFALL_TREND_ID]: 0,
  ...Object.fromEntries(SHORTFALL_GIVEN_IDS.map((id) => [id, 0])),
};

/**
 * Fixture inputs with some values replaced: a number for every CRC and year, a list for one
 * value per CRC, or a function of (crc index, financial-year index).
 */
export function fixtureInputs(
  overrides: Record<string, number | readonly number[] | ((c: number, fy: number) => number)> = {},
): ProjectionInputs {
  const values = new Map<string, Float64Array>();
  const spec = { ...BASE, ...overrides };
  for (const [id, v] of Object.entries(spec)) {
    const column = new Float64Array(FIXTURE_CRCS.length * FY_COUNT);
    for (let c = 0; c < FIXTURE_CRCS.length; c++) {
      for (let y = 0; y < FY_COUNT; y++) {
        column[c * FY_COUNT + y] =
          typeof v === "number" ? v : typeof v === "function" ? v(c, y) : v[c]!;
      }
    }
    values.set(id, column);
  }
  if (!(SHORTFALL_ID in overrides)) {
    values.set(SHORTFALL_ID, effectiveShortfallColumn(values, FIXTURE_CRCS.length));
  }
  return { crcs: FIXTURE_CRCS, values };
}
