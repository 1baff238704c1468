import { upliftPaidInYear } from "../engine/applicability.ts";
import { ExactCells } from "../engine/exact-cells.ts";
import { feeYearCellFloat, upliftYearCellFloat } from "../engine/fee-year-cells.ts";
import { SHORTFALL_ID } from "../engine/parameter-specs.ts";
import {
  COHORTS_MAX,
  cohortCaseloadsFloat,
  cohortCaseloadsScratch,
  pbrCohortCellsFloat,
} from "../engine/pbr-cohort-cells.ts";
import { FY_COUNT, type ProjectionInputs } from "../engine/projection-inputs.ts";
import { FY_FIRST_MONTH, FY_LAST_MONTH, FY_OF_MONTH } from "../engine/timeline.ts";

/**
 * Three of the float path's cells made on their own, for the posterior's prior simulation
 * (`simulate-derived.ts`): fee for service and the variation's uplift by CRC and year, and PbR
 * income by CRC and financial year. Each is composed as src/engine/project-float.ts composes it
 * (`yearValues`, `cohortCaseloads`, `oneOffCells`): the same float twins of the rules, the same
 * tie scales, the same applicability tests and the same exact-path settlement of a half-penny,
 * so each cell is bit for bit the float path's; the PbR cohorts are made by the engine's own
 * functions (src/engine/pbr-cohort-cells.ts). The simulation checks that these cells equal
 * the projected ledger's (the uplift every draw, the others on a sample of draws; a composition
 * changed there and not here throws), and a test compares whole runs.
 */

/** The columns the three rules read, looked up once (a drawn column is the draw's buffer). */
export interface RuleColumns {
  readonly inputs: ProjectionInputs;
  readonly n: number;
  readonly price: Float64Array;
  readonly shortfall: Float64Array;
  readonly tau: Float64Array;
  readonly cap: Float64Array;
  readonly phi: Float64Array;
  readonly phi2: Float64Array;
  readonly scale: Float64Array;
  readonly discount: Float64Array;
  readonly end: Float64Array;
  readonly start: Float64Array;
  readonly norm: Float64Array;
  readonly first: Float64Array;
  readonly lag: Float64Array;
  readonly priceB: Float64Array;
  readonly priceF: Float64Array;
  readonly rB: Float64Array;
  readonly rF: Float64Array;
  readonly deduction: Float64Array;
  readonly pbrFeedback: Float64Array;
  readonly cl14: Float64Array;
  readonly growth: Float64Array;
  readonly fte14: Float64Array;
  readonly fte17: Float64Array;
  readonly cut: Float64Array;
  readonly cutsEnd: Float64Array;
}

export function ruleColumns(inputs: ProjectionInputs): RuleColumns {
  const col = (id: string) => {
    const c = inputs.values.get(id);
    if (c === undefined) throw new Error(`projection inputs lack parameter ${id}`);
    return c;
  };
  return {
    inputs,
    n: inputs.crcs.length,
    price: col("size.annualPrice"),
    shortfall: col(SHORTFALL_ID),
    tau: col("ffs.toleranceBand"),
    cap: col("ffs.upsideCap"),
    phi: col("ffs.fixedShare"),
    phi2: col("variation.fixedShare"),
    scale: col("variation.scale"),
    discount: col("price.learningCurveDiscount"),
    end: col("termination.endDate"),
    start: col("variation.start"),
    norm: col("workload.caseloadPerFteNorm"),
    first: col("pbr.firstCohort"),
    lag: col("pbr.cashLagMonths"),
    priceB: col("pbr.binaryPricePerPoint"),
    priceF: col("pbr.frequencyPricePerPoint"),
    rB: col("pbr.binaryReductionPts"),
    rF: col("pbr.frequencyReductionPct"),
    deduction: col("pbr.deductionThreshold"),
    pbrFeedback: col("workload.feedback.pbrPtsPer10Pct"),
    cl14: col("size.caseload2014"),
    growth: col("caseload.growth"),
    fte14: col("staff.fteJune2014"),
    fte17: col("staff.fteJune2017"),
    cut: col("staff.cutScale"),
    cutsEnd: col("staff.cutsCompleteBy"),
  };
}

/** Months of financial year y up to CRC c's end (the months its fee for service is paid). */
export function monthsPaid(k: RuleColumns, c: number, y: number): number {
  const end = k.end[c * FY_COUNT]!;
  const from = FY_FIRST_MONTH[y]!;
  return from > end ? 0 : Math.min(FY_LAST_MONTH[y]!, end) - from + 1;
}

/**
 * Fee for service (`ffs`) and the variation's uplift (`uplift`, 0 where it is not paid) a month,
 * by CRC and year, `[c × FY_COUNT + y]` (project-float.ts `yearValues`); and the uplift of the
 * inputs `other` (`upliftOther`), which differ from `k` in φ′ only.
 */
export function yearCells(
  k: RuleColumns,
  ffs: Float64Array | null,
  uplift: Float64Array | null,
  other: RuleColumns | null = null,
  upliftOther: Float64Array | null = null,
): void {
  let exact: ExactCells | null = null;
  let exactOther: ExactCells | null = null;
  for (let c = 0; c < k.n; c++) {
    const c0 = c * FY_COUNT;
    const P = k.price[c0]!;
    const end = k.end[c0]!;
    const varStart = k.start[c0]!;
    const scale = k.scale[c0]!;
    const discount = k.discount[c0]!;
    for (let y = 0; y < FY_COUNT; y++) {
      const i = c0 + y;
      const phi = k.phi[i]!;
      const cell = feeYearCellFloat(P, discount, y, phi, k.shortfall[i]!, k.tau[i]!, k.cap[i]!);
      if (ffs !== null)
        ffs[i] =
          cell === cell ? cell : (exact ??= new ExactCells(k.inputs)).feeForServicePence(c, y);
      if (uplift === null) continue;
      if (upliftPaidInYear(y, varStart, end)) {
        const cellUp = upliftYearCellFloat(k.phi2[i]!, phi, scale);
        uplift[i] =
          cellUp === cellUp ? cellUp : (exact ??= new ExactCells(k.inputs)).upliftPence(c, y);
        if (other === null || upliftOther === null) continue;
        const cellOther = upliftYearCellFloat(other.phi2[i]!, phi, scale);
        upliftOther[i] =
          cellOther === cellOther
            ? cellOther
            : (exactOther ??= new ExactCells(other.inputs)).upliftPence(c, y);
      } else {
        uplift[i] = 0;
        if (upliftOther !== null) upliftOther[i] = 0;
      }
    }
  }
}

/** Scratch for `pbrYearSums`: each CRC's caseload at each cohort's start, and the nation's. */
const caseloads = cohortCaseloadsScratch();
/** A CRC's cell of each cohort (`pbrCohortCellsFloat`). */
const cohortCells = new Float64Array(COHORTS_MAX);

/**
 * Each CRC's caseload at each PbR cohort's start, and the nation's (project-float.ts
 * `cohortCaseloads`), into scratch read by `pbrYearSums`: the same for every preset of a draw
 * that leaves the caseload, the first cohort and the cash lag alone. Returns the cohort count.
 */
export function pbrCohorts(k: RuleColumns): number {
  return cohortCaseloadsFloat(k.first[0]!, k.lag[0]!, k.cl14, k.growth, k.n, caseloads);
}

/**
 * PbR income by CRC and the financial year it is paid, `[c × FY_COUNT + y]` (the PbR cohorts of
 * project-float.ts `oneOffCells`), from the `cohorts` cohorts `pbrCohorts` made for inputs with
 * the same caseload, first cohort and cash lag.
 */
export function pbrYearSums(k: RuleColumns, cohorts: number, out: Float64Array): void {
  out.fill(0, 0, k.n * FY_COUNT);
  const scalars = {
    first: k.first[0]!,
    lag: k.lag[0]!,
    norm: k.norm[0]!,
    priceB: k.priceB[0]!,
    priceF: k.priceF[0]!,
  };
  const { first, lag } = scalars;
  let exact: ExactCells | null = null;
  for (let c = 0; c < k.n; c++) {
    const c0 = c * FY_COUNT;
    pbrCohortCellsFloat(k, scalars, c, cohorts, caseloads, cohortCells);
    for (let j = 0, start = first; j < cohorts; j++, start += 3) {
      let cell = cohortCells[j]!;
      if (cell !== cell)
        cell = (exact ??= new ExactCells(k.inputs)).pbrPence(c, start, FY_OF_MONTH[start]!);
      const paidIn = c0 + FY_OF_MONTH[start + lag]!;
      out[paidIn] = out[paidIn]! + cell;
    }
  }
}
