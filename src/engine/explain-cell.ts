import type Decimal from "decimal.js";
import {
  feedbackApplies,
  flowsIn,
  guaranteeApplies,
  ictPaid,
  terminationPaidIn,
  upliftPaidIn,
} from "./applicability.ts";
import { FEE_FOR_SERVICE_RULE, feeForService } from "./fee-for-service.ts";
import { GUARANTEE_RULE, guaranteeTopUp } from "./guarantee.ts";
import { ICT_COMPENSATION_RULE, ictCompensationShares } from "./ict-compensation.ts";
import { MONTH_COUNT, type Ledger } from "./ledger.ts";
import type { MoneyLine } from "./lines.ts";
import { COST_LINES, INCOME_LINES } from "./lines.ts";
import { toPence, ZERO, type Money } from "./money.ts";
import { NON_STAFF_COST_RULE, nonStaffCost } from "./non-staff-cost.ts";
import { payIndex } from "./pay-index.ts";
import { PBR_RULE, pbrCohortPayment } from "./pbr.ts";
import { pbrCohorts } from "./pbr-cohorts.ts";
import { Params, type ProjectionInputs } from "./projection-inputs.ts";
import { REDUNDANCY_RULE, redundancyCost } from "./redundancy.ts";
import {
  caseloadInputs,
  feeForServiceInputs,
  feedbackAmount,
  fteInputs,
  guaranteeInputs,
  nonStaffCostInputs,
  payAwards,
  pbrInputs,
  redundancyInputs,
  serviceCreditInputs,
  staffCostInputs,
  terminationInputs,
  variationUpliftInputs,
  type Built,
} from "./rule-inputs.ts";
import { SERVICE_CREDITS_RULE, serviceCredits } from "./service-credits.ts";
import { STAFF_COST_RULE, staffCost } from "./staff-cost.ts";
import { fteAt, fteReductionAt } from "./staffing.ts";
import { TERMINATION_RULE, terminationPayment } from "./termination.ts";
import { CONTRACT_MONTHS, fyIndexOf } from "./timeline.ts";
import { VARIATION_PAYMENT_RULE, VARIATION_RULE, variationUplift } from "./variation.ts";
import { variationPaymentShares } from "./variation-payments.ts";
import { caseloadAt, workloadExcess, workloadIndex } from "./workload.ts";

export interface RuleRef {
  readonly id: string;
  readonly section: string;
  readonly equation: string;
}

/** One input of a rule: its value as exact decimal text and, if it is a parameter, its id. */
export interface ExplainedInput {
  readonly name: string;
  readonly value: string;
  readonly param?: string;
  /** Financial year whose value was read, for parameters that vary by year. */
  readonly fy?: string;
}

/**
 * Why a ledger cell has its value (issue #8): the rule that computed it, the inputs it used,
 * and for a sum (totals, or a line made of two flows) the parts. `amountPence` is recomputed
 * here by the same builders and rules the projection uses.
 */
export interface Explanation {
  readonly line: MoneyLine;
  readonly crc: string;
  readonly month: string;
  readonly amountPence: number;
  readonly rule: RuleRef | null;
  readonly inputs: readonly ExplainedInput[];
  readonly parts: readonly Explanation[];
  readonly note?: string;
}

const SUM_RULE = (line: string, parts: readonly string[]): RuleRef => ({
  id: line,
  section: 'MODEL.md "Outputs"',
  equation: parts.join(" + "),
});

function describeInputs<T extends object>(built: Built<T>, fy?: string): ExplainedInput[] {
  return Object.entries(built.values as Record<string, Decimal.Value | undefined>).flatMap(
    ([name, value]) => {
      if (value === undefined) return [];
      const param = (built.params as Record<string, string | undefined>)[name];
      const text = typeof value === "object" ? value.toString() : String(value);
      return [{ name, value: text, ...(param ? { param } : {}), ...(param && fy ? { fy } : {}) }];
    },
  );
}

function cell(
  line: MoneyLine,
  crc: string,
  month: string,
  amountPence: number,
  rule: RuleRef | null,
  inputs: readonly ExplainedInput[] = [],
  parts: readonly Explanation[] = [],
  note?: string,
): Explanation {
  return { line, crc, month, amountPence, rule, inputs, parts, ...(note ? { note } : {}) };
}

/**
 * Explain one CRC × month × money line. `ledger` supplies the values of other cells a rule
 * depends on (the guarantee reads the month's costs and fees); everything else is recomputed.
 */
export function explainCell(
  inputs: ProjectionInputs,
  ledger: Ledger,
  line: MoneyLine,
  c: number,
  m: number,
): Explanation {
  const p = new Params(inputs);
  const crc = inputs.crcs[c]!.id;
  const month = CONTRACT_MONTHS[m]!.id;
  const y = fyIndexOf(m);
  const fy = CONTRACT_MONTHS[m]!.fy;
  const end = p.num("termination.endDate", c);
  const explainSum = (parts: readonly MoneyLine[]) => {
    const explained = parts.map((l) => explainCell(inputs, ledger, l, c, m));
    const total = explained.reduce((s, e) => s + e.amountPence, 0);
    return cell(line, crc, month, total, SUM_RULE(line, parts), [], explained);
  };
  if (line === "income_total") return explainSum(INCOME_LINES);
  if (line === "cost_total") return explainSum(COST_LINES);
  if (line === "profit") {
    const income = explainCell(inputs, ledger, "income_total", c, m);
    const cost = explainCell(inputs, ledger, "cost_total", c, m);
    return cell(
      line,
      crc,
      month,
      income.amountPence - cost.amountPence,
      {
        id: "profit",
        section: 'MODEL.md "Outputs"',
        equation: "income_total − cost_total",
      },
      [],
      [income, cost],
    );
  }
  if (!flowsIn(m, end)) {
    return cell(
      line,
      crc,
      month,
      0,
      null,
      [],
      [],
      `after the contract's end (${CONTRACT_MONTHS[end]!.id})`,
    );
  }
  const priceSum = inputs.crcs.reduce((s, _, k) => s.plus(p.dec("size.annualPrice", k)), ZERO);
  const fte = (month: number) => fteAt(fteInputs(p, c, month).values);
  const payIdx = payIndex(payAwards(p, c), y);
  switch (line) {
    case "fee_for_service": {
      const built = feeForServiceInputs(p, c, y);
      return cell(
        line,
        crc,
        month,
        toPence(feeForService(built.values)),
        FEE_FOR_SERVICE_RULE,
        describeInputs(built, fy),
      );
    }
    case "variation": {
      const parts: Explanation[] = [];
      if (upliftPaidIn(m, p.num("variation.start", c))) {
        const built = variationUpliftInputs(p, c, y);
        parts.push(
          cell(
            line,
            crc,
            month,
            toPence(variationUplift(built.values)),
            VARIATION_RULE,
            describeInputs(built, fy),
          ),
        );
      }
      for (const share of variationPaymentShares(p)[c]!) {
        const i = share.months.indexOf(m);
        if (i < 0) continue;
        parts.push(
          cell(line, crc, month, share.monthly[i]!, VARIATION_PAYMENT_RULE, [
            {
              name: "nationalPence",
              value: String(share.nationalPence),
              param: `variation.paymentBefore.${share.fy}`,
            },
            { name: "crcPence", value: String(share.crcPence) },
            {
              name: "scale",
              value: p.dec("variation.scale", c).toString(),
              param: "variation.scale",
            },
            { name: "months", value: String(share.months.length) },
          ]),
        );
      }
      const total = parts.reduce((s, e) => s + e.amountPence, 0);
      if (parts.length === 1) return parts[0]!;
      return cell(
        line,
        crc,
        month,
        total,
        parts.length ? SUM_RULE(line, ["uplift", "payment"]) : null,
        [],
        parts,
        parts.length ? undefined : "before the variation's start",
      );
    }
    case "guarantee": {
      const i = c * MONTH_COUNT + m;
      if (!guaranteeApplies(p.num("guarantee.floorShareOfCost", c, y))) {
        return cell(
          line,
          crc,
          month,
          0,
          GUARANTEE_RULE,
          describeInputs(guaranteeInputs(p, c, y, 0, 0), fy),
          [],
          "no guarantee (floor 0)",
        );
      }
      const fee =
        ledger.money.fee_for_service[i]! +
        ledger.money.variation[i]! +
        ledger.money.service_credits[i]!;
      const built = guaranteeInputs(p, c, y, ledger.money.cost_total[i]!, fee);
      return cell(
        line,
        crc,
        month,
        toPence(guaranteeTopUp(built.values)),
        GUARANTEE_RULE,
        describeInputs(built, fy),
      );
    }
    case "pbr": {
      const cohort = pbrCohorts(p).find((k) => k.cashMonth === m);
      if (cohort === undefined)
        return cell(line, crc, month, 0, PBR_RULE, [], [], "no PbR cohort is paid this month");
      const caseloads = inputs.crcs.map((_, k) =>
        caseloadAt(caseloadInputs(p, k, cohort.startMonth).values),
      );
      const total = caseloads.reduce((a, b) => a.plus(b), ZERO);
      const coef = p.dec("workload.feedback.pbrPtsPer10Pct", c, cohort.fy);
      const norm = p.dec("workload.caseloadPerFteNorm", 0);
      const penalty = !feedbackApplies(p.num("workload.feedback.pbrPtsPer10Pct", c, cohort.fy))
        ? ZERO
        : feedbackAmount(
            coef,
            workloadExcess(
              workloadIndex({
                caseload: caseloads[c]!,
                fte: fte(cohort.startMonth),
                caseloadPerFteNorm: norm,
              }),
            ),
          );
      const built = pbrInputs(p, c, cohort.fy, caseloads[c]!, total, penalty);
      return cell(
        line,
        crc,
        month,
        toPence(pbrCohortPayment(built.values)),
        PBR_RULE,
        describeInputs(built, CONTRACT_MONTHS[cohort.startMonth]!.fy),
        [],
        `cohort starting ${CONTRACT_MONTHS[cohort.startMonth]!.id}`,
      );
    }
    case "service_credits": {
      const coef = p.dec("workload.feedback.serviceCreditsPer10Pct", c, y);
      let uplift: Money = ZERO;
      if (feedbackApplies(p.num("workload.feedback.serviceCreditsPer10Pct", c, y))) {
        const caseload = caseloadAt(caseloadInputs(p, c, m).values);
        const norm = p.dec("workload.caseloadPerFteNorm", 0);
        uplift = feedbackAmount(
          coef,
          workloadExcess(workloadIndex({ caseload, fte: fte(m), caseloadPerFteNorm: norm })),
        );
      }
      const built = serviceCreditInputs(p, c, y, priceSum, uplift);
      return cell(
        line,
        crc,
        month,
        toPence(serviceCredits(built.values)),
        SERVICE_CREDITS_RULE,
        describeInputs(built, fy),
      );
    }
    case "ict_compensation": {
      if (m !== p.num("ict.paymentMonth", 0) || !ictPaid(m, end))
        return cell(line, crc, month, 0, ICT_COMPENSATION_RULE, [], [], "not the payment month");
      return cell(line, crc, month, ictCompensationShares(p)[c]!, ICT_COMPENSATION_RULE, [
        {
          name: "nationalPence",
          value: String(p.num("ict.compensationTotal", 0)),
          param: "ict.compensationTotal",
        },
        {
          name: "crcWeight",
          value: p.dec("size.annualPrice", c).toString(),
          param: "size.annualPrice",
        },
        { name: "totalWeight", value: priceSum.toString() },
      ]);
    }
    case "termination": {
      if (!terminationPaidIn(m, end))
        return cell(line, crc, month, 0, TERMINATION_RULE, [], [], "no early end this month");
      const built = terminationInputs(p, c);
      return cell(
        line,
        crc,
        month,
        toPence(terminationPayment(built.values)),
        TERMINATION_RULE,
        describeInputs(built),
      );
    }
    case "staff_cost": {
      const built = staffCostInputs(p, c, fte(m), payIdx);
      return cell(
        line,
        crc,
        month,
        toPence(staffCost(built.values)),
        STAFF_COST_RULE,
        describeInputs(built, fy),
      );
    }
    case "redundancy_cost": {
      const reduction = fteReductionAt(fteInputs(p, c, m).values);
      if (reduction.isZero())
        return cell(line, crc, month, 0, REDUNDANCY_RULE, [], [], "FTE did not fall this month");
      const built = redundancyInputs(p, c, reduction, payIdx);
      return cell(
        line,
        crc,
        month,
        toPence(redundancyCost(built.values)),
        REDUNDANCY_RULE,
        describeInputs(built, fy),
      );
    }
    case "non_staff_cost": {
      const built = nonStaffCostInputs(p, c, y);
      return cell(
        line,
        crc,
        month,
        toPence(nonStaffCost(built.values)),
        NON_STAFF_COST_RULE,
        describeInputs(built, fy),
      );
    }
  }
  throw new Error(`explainCell: unknown line ${line satisfies never as string}`);
}
