import type Decimal from "decimal.js";
import type { FeeForServiceInputs } from "./fee-for-service.ts";
import type { GuaranteeInputs } from "./guarantee.ts";
import { Money } from "./money.ts";
import type { NonStaffCostInputs } from "./non-staff-cost.ts";
import { SHORTFALL_ID } from "./parameter-specs.ts";
import type { PbrCohortInputs } from "./pbr.ts";
import type { Params } from "./projection-inputs.ts";
import type { RedundancyInputs } from "./redundancy.ts";
import type { ServiceCreditInputs } from "./service-credits.ts";
import type { StaffCostInputs } from "./staff-cost.ts";
import type { FteInputs } from "./staffing.ts";
import type { TerminationInputs } from "./termination.ts";
import type { VariationUpliftInputs } from "./variation.ts";
import type { CaseloadInputs } from "./workload.ts";
import { FINANCIAL_YEARS } from "./timeline.ts";
import { learningCurveYears } from "./learning-curve.ts";
import { transformationPhase } from "./non-staff-cost.ts";

/**
 * The inputs of each rule for one CRC and period, built from the resolved parameters, with the
 * parameter id behind each field. The projection and "explain this number" (issue #8) both call
 * these builders, so an explanation shows exactly what the ledger used.
 */
export interface Built<T> {
  readonly values: T;
  /** Rule input field → parameter id (fields computed by another rule are absent). */
  readonly params: Readonly<Partial<Record<keyof T, string>>>;
}

export function feeForServiceInputs(p: Params, c: number, fy: number): Built<FeeForServiceInputs> {
  const params = {
    annualPricePence: "size.annualPrice",
    shortfallShare: SHORTFALL_ID,
    fixedShare: "ffs.fixedShare",
    toleranceBand: "ffs.toleranceBand",
    upsideCap: "ffs.upsideCap",
    learningCurveDiscount: "price.learningCurveDiscount",
  } as const;
  return {
    values: {
      annualPricePence: p.dec(params.annualPricePence, c),
      shortfallShare: p.dec(params.shortfallShare, c, fy),
      fixedShare: p.dec(params.fixedShare, c, fy),
      toleranceBand: p.dec(params.toleranceBand, c, fy),
      upsideCap: p.dec(params.upsideCap, c, fy),
      learningCurveDiscount: p.dec(params.learningCurveDiscount, c),
      discountYears: learningCurveYears(fy),
    },
    params,
  };
}

export function variationUpliftInputs(
  p: Params,
  c: number,
  fy: number,
  /** The same CRC and year's fee-for-service inputs, when the caller has built them already. */
  ffs: Built<FeeForServiceInputs> = feeForServiceInputs(p, c, fy),
): Built<VariationUpliftInputs> {
  return {
    values: {
      ...ffs.values,
      recognisedFixedShare: p.dec("variation.fixedShare", c, fy),
      scale: p.dec("variation.scale", c),
    },
    params: {
      ...ffs.params,
      recognisedFixedShare: "variation.fixedShare",
      scale: "variation.scale",
    },
  };
}

/** The transformation phase of each financial year, as exact decimals (built once). */
const PHASES = FINANCIAL_YEARS.map((_, y) => new Money(transformationPhase(y)));

export function nonStaffCostInputs(p: Params, c: number, fy: number): Built<NonStaffCostInputs> {
  const params = {
    annualPricePence: "size.annualPrice",
    bidMargin: "cost.bidMargin",
    costFixedShare: "cost.fixedShare",
    costStaffShare: "cost.staffShare",
    shortfallShare: SHORTFALL_ID,
    transformationGap: "cost.transformationGap",
    savingsAchieved: "cost.savingsAchieved",
  } as const;
  return {
    values: {
      annualPricePence: p.dec(params.annualPricePence, c),
      bidMargin: p.dec(params.bidMargin, c),
      costFixedShare: p.dec(params.costFixedShare, c, fy),
      costStaffShare: p.dec(params.costStaffShare, c, fy),
      shortfallShare: p.dec(params.shortfallShare, c, fy),
      transformationGap: p.dec(params.transformationGap, c),
      savingsAchieved: p.dec(params.savingsAchieved, c),
      transformationPhase: PHASES[fy]!,
    },
    params,
  };
}

export function serviceCreditInputs(
  p: Params,
  c: number,
  fy: number,
  totalPricePence: Decimal.Value,
  feedbackUplift: Decimal.Value,
): Built<ServiceCreditInputs> {
  return {
    values: {
      grossAnnualPence: p.dec("serviceCredits.grossAnnual", 0, fy),
      waivedShare: p.dec("serviceCredits.waivedShare", c, fy),
      crcWeight: p.dec("size.annualPrice", c),
      totalWeight: totalPricePence,
      feedbackUplift,
    },
    params: {
      grossAnnualPence: "serviceCredits.grossAnnual",
      waivedShare: "serviceCredits.waivedShare",
      crcWeight: "size.annualPrice",
    },
  };
}

export function fteInputs(p: Params, c: number, monthIndex: number): Built<FteInputs> {
  return {
    values: {
      fteJune2014: p.dec("staff.fteJune2014", c),
      fteJune2017: p.dec("staff.fteJune2017", c),
      cutScale: p.dec("staff.cutScale", c),
      cutsCompleteBy: p.num("staff.cutsCompleteBy", c),
      monthIndex,
    },
    params: {
      fteJune2014: "staff.fteJune2014",
      fteJune2017: "staff.fteJune2017",
      cutScale: "staff.cutScale",
      cutsCompleteBy: "staff.cutsCompleteBy",
    },
  };
}

export function staffCostInputs(
  p: Params,
  c: number,
  fte: Decimal.Value,
  payIndex: Decimal.Value,
): Built<StaffCostInputs> {
  return {
    values: { fte, loadedCostPerFtePence: p.dec("staff.loadedCostPerFte", c), payIndex },
    params: { loadedCostPerFtePence: "staff.loadedCostPerFte" },
  };
}

export function redundancyInputs(
  p: Params,
  c: number,
  fteReduction: Decimal.Value,
  payIndex: Decimal.Value,
): Built<RedundancyInputs> {
  const params = {
    redundancyShareOfReduction: "redundancy.shareOfReduction",
    loadedCostPerFtePence: "staff.loadedCostPerFte",
    onCostRate: "staff.onCostRate",
    weeksPerYear: "redundancy.weeksPerYear",
    capWeeks: "redundancy.capWeeks",
    avgServiceYears: "redundancy.avgServiceYears",
    modernisationFundShare: "redundancy.modernisationFundShare",
  } as const;
  return {
    values: {
      fteReduction,
      payIndex,
      redundancyShareOfReduction: p.dec(params.redundancyShareOfReduction, c),
      loadedCostPerFtePence: p.dec(params.loadedCostPerFtePence, c),
      onCostRate: p.dec(params.onCostRate, c),
      weeksPerYear: p.dec(params.weeksPerYear, c),
      capWeeks: p.dec(params.capWeeks, c),
      avgServiceYears: p.dec(params.avgServiceYears, c),
      modernisationFundShare: p.dec(params.modernisationFundShare, c),
    },
    params,
  };
}

export function pbrInputs(
  p: Params,
  c: number,
  cohortFy: number,
  crcCaseload: Decimal.Value,
  totalCaseload: Decimal.Value,
  feedbackPenaltyPts: Decimal.Value,
): Built<PbrCohortInputs> {
  const params = {
    binaryPricePerPointPence: "pbr.binaryPricePerPoint",
    frequencyPricePerPointPence: "pbr.frequencyPricePerPoint",
    binaryReductionPts: "pbr.binaryReductionPts",
    frequencyReductionPct: "pbr.frequencyReductionPct",
    deductionThreshold: "pbr.deductionThreshold",
  } as const;
  return {
    values: {
      binaryPricePerPointPence: p.dec(params.binaryPricePerPointPence, 0),
      frequencyPricePerPointPence: p.dec(params.frequencyPricePerPointPence, 0),
      binaryReductionPts: p.dec(params.binaryReductionPts, c, cohortFy),
      frequencyReductionPct: p.dec(params.frequencyReductionPct, c, cohortFy),
      deductionThreshold: p.dec(params.deductionThreshold, c, cohortFy),
      crcCaseload,
      totalCaseload,
      feedbackPenaltyPts,
    },
    params,
  };
}

export function terminationInputs(p: Params, c: number): Built<TerminationInputs> {
  return {
    values: {
      paymentMonths: p.dec("termination.paymentMonths", c),
      annualPricePence: p.dec("size.annualPrice", c),
    },
    params: { paymentMonths: "termination.paymentMonths", annualPricePence: "size.annualPrice" },
  };
}

export function guaranteeInputs(
  p: Params,
  c: number,
  fy: number,
  costTotalPence: number,
  feeIncomePence: number,
): Built<GuaranteeInputs> {
  return {
    values: {
      floorShareOfCost: p.dec("guarantee.floorShareOfCost", c, fy),
      costTotalPence,
      feeIncomePence,
    },
    params: { floorShareOfCost: "guarantee.floorShareOfCost" },
  };
}

/** Feedback strength × 10 × excess: the per-10-points coefficients of data/parameters.csv. */
export function feedbackAmount(perTenPoints: Decimal.Value, workloadExcess: Decimal.Value): Money {
  return new Money(perTenPoints).times(10).times(workloadExcess);
}

export function caseloadInputs(p: Params, c: number, monthIndex: number): Built<CaseloadInputs> {
  return {
    values: {
      caseload2014: p.dec("size.caseload2014", c),
      growth: p.dec("caseload.growth", c),
      monthIndex,
    },
    params: { caseload2014: "size.caseload2014", growth: "caseload.growth" },
  };
}

/** The pay awards of every financial year for one CRC, for payIndex. */
export function payAwards(p: Params, c: number): Money[] {
  return FINANCIAL_YEARS.map((_, fy) => p.dec("staff.payAward", c, fy));
}
