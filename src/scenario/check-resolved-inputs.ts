import Decimal from "decimal.js";
import type { Parameter } from "../data/index.ts";
import { SHORTFALL_ID } from "../engine/parameter-specs.ts";
import { FY_COUNT, type ProjectionInputs } from "../engine/projection-inputs.ts";
import { FINANCIAL_YEARS } from "../engine/timeline.ts";
import type { ScenarioIssue } from "./scenario-issue.ts";

/**
 * Checks that need several parameters at once, run after every value is in range on its own.
 * Each issue names the CRC and year and what must hold.
 */
export function checkResolvedInputs(
  inputs: ProjectionInputs,
  shortfallRow: (crc: string) => Parameter | undefined,
): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const v = (id: string, c: number, y = 0) => inputs.values.get(id)![c * FY_COUNT + y]!;
  inputs.crcs.forEach((crc, c) => {
    for (let y = 0; y < FY_COUNT; y++) {
      const fixed = v("cost.fixedShare", c, y);
      const staff = v("cost.staffShare", c, y);
      if (staff > fixed) {
        issues.push({
          path: "parameters.cost.staffShare",
          message: `for ${crc.id} in ${FINANCIAL_YEARS[y]}: the staff share ${staff} is above the fixed share ${fixed}; staff count as fixed costs, so cost.staffShare must not exceed cost.fixedShare`,
        });
        break;
      }
    }
    const fte14 = v("staff.fteJune2014", c);
    const fte17 = v("staff.fteJune2017", c);
    const scale = v("staff.cutScale", c);
    const lowest = Math.min(fte14, fte14 + scale * (fte17 - fte14));
    if (!(lowest > 0)) {
      issues.push({
        path: "parameters.staff.cutScale",
        message: `for ${crc.id}: staffing would fall to ${lowest} FTE; it must stay above 0 (check staff.fteJune2014, staff.fteJune2017 and staff.cutScale)`,
      });
    }
    const row = shortfallRow(crc.id);
    if (row !== undefined) {
      const min = new Decimal(row.text.min);
      const max = new Decimal(row.text.max);
      for (let y = 0; y < FY_COUNT; y++) {
        const s = new Decimal(v(SHORTFALL_ID, c, y));
        if (s.lessThan(min) || s.greaterThan(max)) {
          issues.push({
            path: "parameters.volume.shortfallTrend",
            message: `for ${crc.id}: the trend takes the ${FINANCIAL_YEARS[y]} shortfall to ${s}, outside ${min} to ${max}`,
          });
          break;
        }
      }
    }
  });
  const priceSum = inputs.crcs.reduce((s, _, c) => s + v("size.annualPrice", c), 0);
  if (!(priceSum > 0)) {
    issues.push({
      path: "parameters.size.annualPrice",
      message:
        "the bid prices add up to 0; national totals are shared pro rata to price, so at least one must be positive",
    });
  }
  return issues;
}
