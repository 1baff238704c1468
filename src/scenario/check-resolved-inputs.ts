import type { Issue } from "../issues/issue.ts";
import {
  FEEDBACK_IDS,
  feedbackOn,
  highestCaseload,
  lowestFte,
  onePlusAbove0,
  shortfallWithin,
  staffingAbove0,
  STAFF_WITHIN_FIXED_IDS,
  staffWithinFixed,
  WORKLOAD_CAP_IDS,
  WORKLOAD_INDEX_MAX,
  workloadFteFloor,
  workloadWithinCap,
} from "../engine/constraints.ts";
import Decimal from "decimal.js";
import type { Parameter } from "../data/index.ts";
import { SHORTFALL_ID } from "../engine/parameter-specs.ts";
import { FY_COUNT, type ProjectionInputs } from "../engine/projection-inputs.ts";
import { FINANCIAL_YEARS } from "../engine/timeline.ts";

/**
 * The scenario path that set a parameter's value for a CRC and year, or undefined when the
 * value is the data row's (then an issue names `parameters.<id>`, the key to add).
 */
export type SetBy = (id: string, crc: number, fy: number) => string | undefined;

/**
 * The parameters `checkResolvedInputs` reads: edited inputs (src/sensitivity/edit-inputs.ts)
 * that change none of them need no re-check.
 */
export const CROSS_CHECKED_PARAMETER_IDS: readonly string[] = [
  ...STAFF_WITHIN_FIXED_IDS,
  ...WORKLOAD_CAP_IDS,
  // The bid prices' sum above 0; 1 + the margin and 1 + the on-cost rate above 0.
  "size.annualPrice",
  "cost.bidMargin",
  "staff.onCostRate",
];

/**
 * Checks that need several parameters at once, run after every value is in range on its own.
 * Each issue names the path to change (the scenario's own, when it set the value), the CRC and
 * year, and what must hold.
 *
 * Besides the model's rules (staff within fixed costs, the shortfall path in range), these refuse
 * every combination the engine cannot compute: a division by zero or a NaN is never an answer
 * (issue #15). A data row's minimum of 0 is right for one CRC's caseload or price, but not for
 * all of them at once:
 * - the bid prices are the weights that share out national totals (ICT, the variation's
 *   payments) and service credits: their sum must be above 0;
 * - PbR is shared by caseload: the national caseload must be above 0 in every month, i.e. at
 *   the 2014 level and after the growth (the path is a straight line between them);
 * - the workload index divides by FTE and by the norm: staffing must stay above 0 FTE, the norm
 *   above 0;
 * - non-staff cost divides by 1 + the bid margin, redundancy by 1 + the on-cost rate: each must
 *   stay above 0;
 * - where the workload feedback is on, the workload index must stay within its cap
 *   (constraints.ts `WORKLOAD_INDEX_MAX`, which says why): staffing at or above the FTE the
 *   CRC's highest caseload needs at ten times the norm.
 */
export function checkResolvedInputs(
  inputs: ProjectionInputs,
  shortfallRow: (crc: string) => Parameter | undefined,
  setBy: SetBy = () => undefined,
): Issue[] {
  const issues: Issue[] = [];
  const v = (id: string, c: number, y = 0) => inputs.values.get(id)![c * FY_COUNT + y]!;
  const path = (id: string, c: number, y = 0) => setBy(id, c, y) ?? `parameters.${id}`;
  /** The path of the CRC's first year the scenario set, if any. */
  const firstSetYear = (id: string, c: number) => {
    for (let y = 0; y < FY_COUNT; y++) {
      const p = setBy(id, c, y);
      if (p !== undefined) return p;
    }
    return undefined;
  };
  inputs.crcs.forEach((crc, c) => {
    for (let y = 0; y < FY_COUNT; y++) {
      const fixed = v("cost.fixedShare", c, y);
      const staff = v("cost.staffShare", c, y);
      if (!staffWithinFixed(staff, fixed)) {
        issues.push({
          // The share the scenario set: the staff share, else the fixed share it lowered.
          path:
            setBy("cost.staffShare", c, y) ??
            setBy("cost.fixedShare", c, y) ??
            "parameters.cost.staffShare",
          message: `for ${crc.id} in ${FINANCIAL_YEARS[y]}: the staff share ${staff} is above the fixed share ${fixed}; staff count as fixed costs, so cost.staffShare must not exceed cost.fixedShare`,
        });
        break;
      }
    }
    const staffing = staffingIssue(
      crc.id,
      v("staff.fteJune2014", c),
      v("staff.fteJune2017", c),
      v("staff.cutScale", c),
      (id) => setBy(id, c, 0),
    );
    if (staffing !== undefined) issues.push(staffing);
    else {
      const workload = workloadIssue(
        crc.id,
        {
          fte14: v("staff.fteJune2014", c),
          fte17: v("staff.fteJune2017", c),
          scale: v("staff.cutScale", c),
          caseload2014: v("size.caseload2014", c),
          growth: v("caseload.growth", c),
          norm: v("workload.caseloadPerFteNorm", 0),
        },
        FEEDBACK_IDS.map((id) => inputs.values.get(id)!),
        c * FY_COUNT,
        (id) => setBy(id, c, 0) ?? firstSetYear(id, c),
      );
      if (workload !== undefined) issues.push(workload);
    }
    for (const [id, what] of [
      ["cost.bidMargin", "non-staff cost is the price divided by 1 + the bid margin"],
      ["staff.onCostRate", "redundancy pay is the loaded cost divided by 1 + the on-cost rate"],
    ] as const) {
      const x = v(id, c);
      if (!onePlusAbove0(x))
        issues.push({
          path: path(id, c),
          message: `for ${crc.id}: ${x} is not allowed; ${what}, so ${id} must be above -1`,
        });
    }
    const row = shortfallRow(crc.id);
    if (row !== undefined) {
      const min = new Decimal(row.text.min);
      const max = new Decimal(row.text.max);
      for (let y = 0; y < FY_COUNT; y++) {
        const s = new Decimal(v(SHORTFALL_ID, c, y));
        if (!shortfallWithin(s.toNumber(), min.toNumber(), max.toNumber())) {
          issues.push({
            path: "parameters.volume.shortfallTrend",
            message: `for ${crc.id}: the trend takes the ${FINANCIAL_YEARS[y]} shortfall to ${s}, outside ${min} to ${max}`,
          });
          break;
        }
      }
    }
  });
  const all = inputs.crcs.map((_, c) => c);
  /** The path of the first CRC whose value the scenario set, else the parameter's own. */
  const firstSet = (id: string) =>
    all.map((c) => setBy(id, c, 0)).find((p) => p !== undefined) ?? `parameters.${id}`;
  const priceSum = all.reduce((s, c) => s + v("size.annualPrice", c), 0);
  if (!(priceSum > 0)) {
    issues.push({
      path: firstSet("size.annualPrice"),
      message:
        "the bid prices add up to 0; national totals are shared pro rata to price, so at least one CRC's size.annualPrice must be above 0",
    });
  }
  const caseload2014 = all.reduce((s, c) => s + v("size.caseload2014", c), 0);
  const caseloadGrown = all.reduce(
    (s, c) => s + v("size.caseload2014", c) * (1 + v("caseload.growth", c)),
    0,
  );
  if (!(caseload2014 > 0)) {
    issues.push({
      path: firstSet("size.caseload2014"),
      message:
        "the 2014 caseloads add up to 0; payment by results is shared out by caseload, so at least one CRC's size.caseload2014 must be above 0",
    });
  } else if (!(caseloadGrown > 0)) {
    issues.push({
      path: firstSet("caseload.growth"),
      message: `the growth takes the national caseload to ${caseloadGrown}; payment by results is shared out by caseload, so it must stay above 0 (caseload.growth above -1 where the caseload is)`,
    });
  }
  const norm = v("workload.caseloadPerFteNorm", 0);
  if (!(norm > 0)) {
    issues.push({
      path: path("workload.caseloadPerFteNorm", 0),
      message: `${norm} is not allowed; the workload index divides by it, so workload.caseloadPerFteNorm must be above 0`,
    });
  }
  return issues;
}

/**
 * Staffing must stay above 0 FTE (the workload index divides by it). FTE runs in a straight line
 * from FTE14 to FTE14 + scale × (FTE17 − FTE14), so its lowest value is at one end. The issue
 * names the parameter the scenario set (FTE in 2017 first, then the cut scale, then FTE in
 * 2014; else FTE in 2017) and the values that would keep staffing above 0.
 */
function staffingIssue(
  crc: string,
  fte14: number,
  fte17: number,
  scale: number,
  setBy: (id: string) => string | undefined,
): Issue | undefined {
  const end = fte14 + scale * (fte17 - fte14);
  if (staffingAbove0(fte14, fte17, scale)) return undefined;
  if (!(fte14 > 0))
    return {
      path: setBy("staff.fteJune2014") ?? "parameters.staff.fteJune2014",
      message: `for ${crc}: staff.fteJune2014 is ${fte14}; staffing starts there and must stay above 0 FTE, so staff.fteJune2014 must be above 0`,
    };
  // fte14 > 0 and end ≤ 0: then scale > 0 and fte17 < fte14.
  const fteBound = fte14 * (1 - 1 / scale);
  const scaleBound = fte14 / (fte14 - fte17);
  const ways = `staff.fteJune2017 above ${round(fteBound)} or staff.cutScale below ${round(scaleBound)}`;
  const id = ["staff.fteJune2017", "staff.cutScale", "staff.fteJune2014"].find(
    (p) => setBy(p) !== undefined,
  );
  return {
    path: (id && setBy(id)) ?? "parameters.staff.fteJune2017",
    message: `for ${crc}: staffing would fall to ${round(end)} FTE by June 2017 (staff.fteJune2014 ${fte14} + staff.cutScale ${scale} × (staff.fteJune2017 ${fte17} − ${fte14})); it must stay above 0 FTE: with these values, ${ways}`,
  };
}

/**
 * Where the workload feedback is on, staffing must keep the workload index at or below
 * `WORKLOAD_INDEX_MAX` (constraints.ts says why): its lowest FTE at least the highest caseload
 * over (norm × cap). The issue names the parameter the scenario set (FTE in 2017 first, then the
 * cut scale, FTE in 2014, the norm, the caseload and its growth, the feedback; else FTE in 2017)
 * and the values that would meet the cap. Undefined when the norm is not above 0 (its own issue).
 */
function workloadIssue(
  crc: string,
  w: {
    fte14: number;
    fte17: number;
    scale: number;
    caseload2014: number;
    growth: number;
    norm: number;
  },
  feedback: readonly ArrayLike<number>[],
  from: number,
  setBy: (id: string) => string | undefined,
): Issue | undefined {
  if (!(w.norm > 0) || !feedbackOn(feedback, from, FY_COUNT)) return undefined;
  if (workloadWithinCap(w.fte14, w.fte17, w.scale, w.caseload2014, w.growth, w.norm))
    return undefined;
  const floor = workloadFteFloor(w.caseload2014, w.growth, w.norm);
  const lowest = lowestFte(w.fte14, w.fte17, w.scale);
  const index = highestCaseload(w.caseload2014, w.growth) / lowest / w.norm;
  // The ways out: more staff where the path is lowest, a smaller cut, a higher norm, or no
  // feedback; each bound rounded the safe way (up for "at least", down for "at most").
  const ways: string[] = [];
  const end = w.fte14 + w.scale * (w.fte17 - w.fte14);
  if (w.fte14 < floor)
    ways.push(
      `staff.fteJune2014 at least ${roundUp(floor)}${end < floor ? " and staffing in June 2017 too" : ""}`,
    );
  else if (w.scale > 0 && w.fte17 < w.fte14) {
    ways.push(`staff.fteJune2017 at least ${roundUp(w.fte14 + (floor - w.fte14) / w.scale)}`);
    ways.push(`staff.cutScale at most ${roundDown((w.fte14 - floor) / (w.fte14 - w.fte17))}`);
  }
  if (setBy("workload.caseloadPerFteNorm") !== undefined)
    ways.push(
      `workload.caseloadPerFteNorm at least ${roundUp(highestCaseload(w.caseload2014, w.growth) / (lowest * WORKLOAD_INDEX_MAX))}`,
    );
  ways.push(`${FEEDBACK_IDS.join(" and ")} 0 (the feedback off)`);
  const id = [
    "staff.fteJune2017",
    "staff.cutScale",
    "staff.fteJune2014",
    "workload.caseloadPerFteNorm",
    "size.caseload2014",
    "caseload.growth",
    ...FEEDBACK_IDS,
  ].find((p) => setBy(p) !== undefined);
  return {
    path: (id && setBy(id)) ?? "parameters.staff.fteJune2017",
    message: `for ${crc}: with the workload feedback on, the workload index would reach ${round(index)} (a caseload of ${round(highestCaseload(w.caseload2014, w.growth))} over ${round(lowest)} FTE over workload.caseloadPerFteNorm ${w.norm}); it must stay at or below ${WORKLOAD_INDEX_MAX} (${(WORKLOAD_INDEX_MAX * 100).toLocaleString("en-GB")}% of the 2014 norm), so staffing must stay at or above ${roundUp(floor)} FTE: with these values, ${ways.join(", or ")}`,
  };
}

/** A bound as text, to 6 significant digits. */
const round = (x: number) => String(Number(x.toPrecision(6)));

/** A bound as text, to 6 significant digits rounded towards `way` (so the value given meets it). */
const roundTo = (x: number, way: (x: number) => number) => {
  if (!Number.isFinite(x) || x === 0) return String(x);
  const unit = 10 ** (Math.floor(Math.log10(Math.abs(x))) - 5);
  return String(Number((way(x / unit) * unit).toPrecision(6)));
};
const roundUp = (x: number) => roundTo(x, Math.ceil);
const roundDown = (x: number) => roundTo(x, Math.floor);
