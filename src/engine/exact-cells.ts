import { feeForService } from "./fee-for-service.ts";
import { Money, money, ONE, toPence, ZERO } from "./money.ts";
import { nonStaffCost } from "./non-staff-cost.ts";
import { payIndex } from "./pay-index.ts";
import { pbrCohortPayment } from "./pbr.ts";
import { exactOf, Params, type ProjectionInputs } from "./projection-inputs.ts";
import { redundancyCost } from "./redundancy.ts";
import {
  caseloadInputs,
  feeForServiceInputs,
  feedbackAmount,
  fteInputs,
  nonStaffCostInputs,
  payAwards,
  pbrInputs,
  redundancyInputs,
  serviceCreditInputs,
  staffCostInputs,
  terminationInputs,
  variationUpliftInputs,
} from "./rule-inputs.ts";
import { serviceCredits } from "./service-credits.ts";
import { staffCost } from "./staff-cost.ts";
import { fteAt, fteReductionAt, STAFF_PATH_START_INDEX } from "./staffing.ts";
import { terminationPayment } from "./termination.ts";
import { FY_INDEX_BY_MONTH } from "./timeline.ts";
import { variationUplift } from "./variation.ts";
import {
  CASELOAD_PATH_END_INDEX,
  CASELOAD_PATH_START_INDEX,
  caseloadAt,
  workloadExcess,
  workloadIndex,
} from "./workload.ts";

/** The exact FTE on the staffing path, and its digits when the exact path holds it in full. */
export interface ExactFte {
  readonly fte: Money;
  /**
   * FTE × 10^places as a whole number when the exact FTE is the rational FTE14 + change × k / E
   * itself (a terminating decimal: k / E terminates, or the change is divisible by E's other factors), else null
   * (the exact path rounded a repeating decimal to 40 digits).
   */
  readonly digits: bigint | null;
  readonly places: number;
}

/**
 * Exact FTE by (FTE14, FTE17, cut scale, month on the path): a pure function of plain numbers,
 * so shared by every projection (as `exactOf` shares decimals); bounded, emptied when full.
 */
const FTE_MEMO = new Map<string, ExactFte>();
const FTE_MEMO_MAX = 10_000;

/**
 * FTE on the path at month k (fteAt, with the exact path's own decimals of the inputs), and
 * whether it is exact (`ExactFte`); remembered.
 */
export function exactFte(
  fte14: number,
  fte17: number,
  cutScale: number,
  cutsCompleteBy: number,
  k: number,
): ExactFte {
  const month = Math.min(Math.max(k, STAFF_PATH_START_INDEX), cutsCompleteBy);
  // At the path's start FTE is FTE14 whatever the rest (so one entry serves every draw).
  const key =
    month === STAFF_PATH_START_INDEX
      ? `${fte14}`
      : `${fte14}|${fte17}|${cutScale}|${cutsCompleteBy}|${month}`;
  let entry = FTE_MEMO.get(key);
  if (entry === undefined) {
    if (FTE_MEMO.size >= FTE_MEMO_MAX) FTE_MEMO.clear();
    const start = exactOf(fte14);
    const fte =
      month === STAFF_PATH_START_INDEX
        ? start
        : fteAt({
            fteJune2014: start,
            fteJune2017: exactOf(fte17),
            cutScale: exactOf(cutScale),
            cutsCompleteBy,
            monthIndex: month,
          });
    // Exact when (FTE − FTE14) × E gives back change × k: a rounded repeating decimal does not.
    const span = cutsCompleteBy - STAFF_PATH_START_INDEX;
    const change = exactOf(fte17).minus(start).times(exactOf(cutScale));
    const whole = fte
      .minus(start)
      .times(span)
      .eq(change.times(month - STAFF_PATH_START_INDEX));
    const places = Math.max(0, fte.decimalPlaces());
    entry = {
      fte,
      digits: whole ? BigInt(fte.times(new Money(10).pow(places)).toFixed(0)) : null,
      places,
    };
    FTE_MEMO.set(key, entry);
  }
  return entry;
}

/**
 * Single cells of the exact ledger, computed by the exact path's own rules and inputs, for the
 * float path to settle a cell that lands on a half-penny (`roundCellUnlessTie`,
 * round-half-even.ts): there float arithmetic cannot tell which way the exact value rounds.
 *
 * Two kinds of cell land there. An exact tie (a round price times a round share over 12) the
 * exact path rounds half-even. But a rule that divides before it multiplies (FTE on its path is
 * FTE14 + change × k / E; the monthly fall in FTE is an E-th; the caseload path a 24th; the
 * termination payment P / 12 × months; the workload index divides by FTE and the norm) carries
 * a repeating decimal that the exact path rounds to 40 significant digits, so a cell whose true
 * value is a half-penny comes out a hair above or below it there, and rounds by that hair (a
 * loaded cost of £32,879.35 put Hampshire & IoW's staff cost in Oct 2016 at £617,662.075, a hair
 * below in the ledger, issue #15). And a cell within the float path's tie band but not on a tie
 * (a fee for service 0.00002p below a half-penny, at 1e8 pence the band is 1e-4p) rounds down.
 * Asking here for every cell in the band settles all three as the ledger does; they are rare
 * (a band of about 1e-12 of the cell), and one cell costs microseconds.
 *
 * Each method mirrors the exact projection's computation of that cell (project-exact.ts,
 * staff-block.ts) step by step; exact-cells.test.ts checks each against the exact ledger.
 */
export class ExactCells {
  private readonly p: Params;
  private priceSum: Money | undefined;
  private readonly payIndices = new Map<number, Money[]>();
  private readonly caseloadRows = new Map<number, { row: Money[]; total: Money }>();

  constructor(inputs: ProjectionInputs) {
    this.p = new Params(inputs);
  }

  /** Fee for service of CRC c in year y (pence a month). */
  feeForServicePence(c: number, y: number): number {
    return toPence(feeForService(feeForServiceInputs(this.p, c, y).values));
  }

  /** The variation's uplift of CRC c in year y (pence a month), where it is paid. */
  upliftPence(c: number, y: number): number {
    return toPence(variationUplift(variationUpliftInputs(this.p, c, y).values));
  }

  /** Non-staff cost of CRC c in year y (pence a month). */
  nonStaffPence(c: number, y: number): number {
    return toPence(nonStaffCost(nonStaffCostInputs(this.p, c, y).values));
  }

  /** Service credits of CRC c in year y without the workload feedback (pence a month). */
  serviceCreditsPence(c: number, y: number): number {
    return toPence(serviceCredits(serviceCreditInputs(this.p, c, y, this.prices(), ZERO).values));
  }

  /** Service credits of CRC c in month m of year y with the workload feedback on (pence). */
  serviceCreditsFeedbackPence(c: number, m: number, y: number): number {
    const p = this.p;
    const caseload = caseloadAt(caseloadInputs(p, c, m).values);
    const index = workloadIndex({
      caseload,
      fte: this.fte(c, m),
      caseloadPerFteNorm: p.dec("workload.caseloadPerFteNorm", 0),
    });
    const uplift = feedbackAmount(
      p.dec("workload.feedback.serviceCreditsPer10Pct", c, y),
      workloadExcess(index),
    );
    return toPence(serviceCredits(serviceCreditInputs(p, c, y, this.prices(), uplift).values));
  }

  /** A payment of the variation before its start: the CRC's share `part` times its scale. */
  scaledPence(c: number, part: number): number {
    return toPence(this.p.dec("variation.scale", c).times(part));
  }

  /** The guarantee's floor of CRC c in year y: the floor share times the month's cost. */
  guaranteeFloorPence(c: number, y: number, costTotalPence: number): number {
    return toPence(money(this.p.dec("guarantee.floorShareOfCost", c, y)).times(costTotalPence));
  }

  /** Staff cost of CRC c in month m (pence), as staffBlock computes it. */
  staffPence(c: number, m: number): number {
    const y = FY_INDEX_BY_MONTH[m]!;
    return toPence(staffCost(staffCostInputs(this.p, c, this.fte(c, m), this.pay(c, y)).values));
  }

  /** Redundancy cost of CRC c in month m of the staffing path (pence), as staffBlock does. */
  redundancyPence(c: number, m: number): number {
    const reduction = fteReductionAt(fteInputs(this.p, c, STAFF_PATH_START_INDEX + 1).values);
    const y = FY_INDEX_BY_MONTH[m]!;
    return toPence(redundancyCost(redundancyInputs(this.p, c, reduction, this.pay(c, y)).values));
  }

  /** The termination payment of CRC c (pence). */
  terminationPence(c: number): number {
    return toPence(terminationPayment(terminationInputs(this.p, c).values));
  }

  /** The PbR payment of CRC c for the cohort starting in month `start`, outcome year `fy`. */
  pbrPence(c: number, start: number, fy: number): number {
    const p = this.p;
    const { row, total } = this.caseloadsAt(start);
    const caseload = row[c]!;
    const coefZero = p.num("workload.feedback.pbrPtsPer10Pct", c, fy) === 0;
    const penalty = coefZero
      ? ZERO
      : feedbackAmount(
          p.dec("workload.feedback.pbrPtsPer10Pct", c, fy),
          workloadExcess(
            workloadIndex({
              caseload,
              fte: this.fte(c, start),
              caseloadPerFteNorm: p.dec("workload.caseloadPerFteNorm", 0),
            }),
          ),
        );
    return toPence(pbrCohortPayment(pbrInputs(p, c, fy, caseload, total, penalty).values));
  }

  /**
   * FTE of CRC c in month m, exact (staffing.ts; flat after the path, as fteAt clamps). At the
   * path's start it is FTE14 itself (fteAt adds 0 to it), the month Monte Carlo asks for most:
   * a whole number of FTE times a loaded cost in whole pence over 12 is a tie one time in 12.
   */
  private fte(c: number, m: number): Money {
    const p = this.p;
    // Remembered across projections: Monte Carlo keeps most CRCs' FTE path from draw to draw.
    return exactFte(
      p.num("staff.fteJune2014", c),
      p.num("staff.fteJune2017", c),
      p.num("staff.cutScale", c),
      p.num("staff.cutsCompleteBy", c),
      m,
    ).fte;
  }

  /**
   * CRC c's pay index in year y, built as staffBlock builds it: year by year, a year without
   * an award keeping the last year's index.
   */
  private pay(c: number, y: number): Money {
    if (y === 0) return payIndex([], 0); // 1: the loaded cost is at the first year's prices
    let indices = this.payIndices.get(c);
    if (indices === undefined) {
      const awards = payAwards(this.p, c);
      indices = [];
      awards.forEach((award, i) => {
        indices!.push(
          i === 0
            ? payIndex(awards, 0)
            : award.isZero()
              ? indices![i - 1]!
              : indices![i - 1]!.times(ONE.plus(award)),
        );
      });
      this.payIndices.set(c, indices);
    }
    return indices[y]!;
  }

  /** The sum of the bid prices, as the exact projection adds them (CRC by CRC). */
  private prices(): Money {
    const p = this.p;
    return (this.priceSum ??= p.inputs.crcs.reduce(
      (s, _, i) => s.plus(p.dec("size.annualPrice", i)),
      ZERO,
    ));
  }

  /** Every CRC's caseload at a cohort's start and their sum (project-exact.ts cohortCaseloadsOf). */
  private caseloadsAt(start: number): { row: Money[]; total: Money } {
    const m = Math.min(CASELOAD_PATH_END_INDEX, Math.max(CASELOAD_PATH_START_INDEX, start));
    let entry = this.caseloadRows.get(m);
    if (entry === undefined) {
      const row = this.p.inputs.crcs.map((_, c) => caseloadAt(caseloadInputs(this.p, c, m).values));
      entry = { row, total: row.reduce((a, b) => a.plus(b), ZERO) };
      this.caseloadRows.set(m, entry);
    }
    return entry;
  }
}
