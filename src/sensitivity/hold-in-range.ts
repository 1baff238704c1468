import {
  FEEDBACK_IDS,
  feedbackOn,
  shortfallHeld,
  shortfallWithin,
  staffShareHeld,
  staffWithinFixed,
  WORKLOAD_INDEX_MAX,
  workloadFteFloor,
} from "../engine/constraints.ts";
import type { Dataset } from "../data/index.ts";
import { param } from "../data/index.ts";
import { SHORTFALL_GIVEN_IDS, SHORTFALL_ID } from "../engine/parameter-specs.ts";
import { FY_COUNT, type ProjectionInputs } from "../engine/projection-inputs.ts";
import {
  holdStaffing,
  holdStaffingAtLeast,
  staffingFloor,
  type Staffing,
} from "../scenario/hold-staffing.ts";

/**
 * Keep swung inputs inside the rules a scenario must meet, the way the Monte Carlo's sampler
 * does (src/uncertainty/sampler.ts), and say what was held:
 * - the shortfall path after 2017-18 (2017-18 plus the trend) inside the 2017-18 row's range;
 * - the staff share of costs at or below the fixed share (staff count as fixed costs);
 * - given the unswung `base`, staffing above 0 FTE (src/scenario/hold-staffing.ts): a swung
 *   FTE that would take a CRC's staffing to 0 FTE or below is held at 1 FTE (or the base's
 *   lowest, if lower), moving only the swung staffing columns;
 * - where the workload feedback is on, staffing at the workload cap's floor or above
 *   (src/engine/constraints.ts `WORKLOAD_INDEX_MAX`): FTE raised where the path is lowest.
 * Returns new inputs (the given ones are not changed) and one note per rule that bit.
 */
export function holdInRange(
  inputs: ProjectionInputs,
  dataset: Dataset,
  base?: ProjectionInputs,
): { inputs: ProjectionInputs; notes: string[] } {
  const notes: string[] = [];
  const values = new Map(inputs.values);
  const n = inputs.crcs.length;

  const path = inputs.values.get(SHORTFALL_ID)!;
  const latest = SHORTFALL_GIVEN_IDS[SHORTFALL_GIVEN_IDS.length - 1]!;
  let heldPath: Float64Array | undefined;
  const pathCrcs: string[] = [];
  for (let c = 0; c < n; c++) {
    const row = param(dataset, latest, inputs.crcs[c]!.id);
    const min = Number(row.text.min);
    const max = Number(row.text.max);
    for (let y = 0; y < FY_COUNT; y++) {
      const k = c * FY_COUNT + y;
      const s = path[k]!;
      if (shortfallWithin(s, min, max)) continue;
      heldPath ??= Float64Array.from(path);
      heldPath[k] = shortfallHeld(s, min, max);
      if (pathCrcs[pathCrcs.length - 1] !== inputs.crcs[c]!.id) pathCrcs.push(inputs.crcs[c]!.id);
    }
  }
  if (heldPath !== undefined) {
    values.set(SHORTFALL_ID, heldPath);
    notes.push(
      `shortfall after 2017-18 held inside the 2017-18 range for ${pathCrcs.length} CRC(s): ${pathCrcs.join(", ")}`,
    );
  }

  const staff = inputs.values.get("cost.staffShare")!;
  const fixed = inputs.values.get("cost.fixedShare")!;
  let heldStaff: Float64Array | undefined;
  const staffCrcs = new Set<string>();
  for (let k = 0; k < staff.length; k++) {
    if (staffWithinFixed(staff[k]!, fixed[k]!)) continue;
    heldStaff ??= Float64Array.from(staff);
    heldStaff[k] = staffShareHeld(staff[k]!, fixed[k]!);
    staffCrcs.add(inputs.crcs[Math.floor(k / FY_COUNT)]!.id);
  }
  if (heldStaff !== undefined) {
    values.set("cost.staffShare", heldStaff);
    notes.push(
      `cost.staffShare held at cost.fixedShare for ${staffCrcs.size} CRC(s): ${[...staffCrcs].join(", ")}`,
    );
  }
  if (base !== undefined) holdStaffingAbove0(inputs, base, dataset, values, notes);
  holdWorkloadCap(inputs, values, notes);
  return { inputs: { crcs: inputs.crcs, values }, notes };
}

const STAFFING = {
  fte14: "staff.fteJune2014",
  fte17: "staff.fteJune2017",
  scale: "staff.cutScale",
} as const;

/** Staffing held above 0 FTE CRC by CRC, through the columns swung from `base`; into `values`. */
function holdStaffingAbove0(
  inputs: ProjectionInputs,
  base: ProjectionInputs,
  dataset: Dataset,
  values: Map<string, Float64Array>,
  notes: string[],
): void {
  const column = (from: ProjectionInputs, key: keyof Staffing) => from.values.get(STAFFING[key])!;
  const movable = {
    fte14: column(inputs, "fte14") !== column(base, "fte14"),
    fte17: column(inputs, "fte17") !== column(base, "fte17"),
    scale: column(inputs, "scale") !== column(base, "scale"),
  };
  if (!movable.fte14 && !movable.fte17 && !movable.scale) return;
  const at = (from: ProjectionInputs, k: number): Staffing => ({
    fte14: column(from, "fte14")[k]!,
    fte17: column(from, "fte17")[k]!,
    scale: column(from, "scale")[k]!,
  });
  const heldColumns: Partial<Record<keyof Staffing, Float64Array>> = {};
  const crcs: string[] = [];
  for (let c = 0; c < inputs.crcs.length; c++) {
    const k = c * FY_COUNT;
    const swung = at(inputs, k);
    if (swung.fte14 > 0 && swung.fte14 + swung.scale * (swung.fte17 - swung.fte14) > 0) continue;
    const fte17Max = Number(param(dataset, STAFFING.fte17, inputs.crcs[c]!.id).text.max);
    const held = holdStaffing(swung, staffingFloor(at(base, k)), movable, fte17Max) ?? at(base, k);
    for (const key of Object.keys(STAFFING) as (keyof Staffing)[]) {
      if (!movable[key]) continue;
      const out = (heldColumns[key] ??= Float64Array.from(column(inputs, key)));
      out.fill(held[key], k, k + FY_COUNT);
    }
    crcs.push(inputs.crcs[c]!.id);
  }
  if (crcs.length === 0) return;
  for (const key of Object.keys(heldColumns) as (keyof Staffing)[])
    values.set(STAFFING[key], heldColumns[key]!);
  notes.push(
    `staffing held at 1 FTE or above (it would fall to 0 FTE) for ${crcs.length} CRC(s): ${crcs.join(", ")}`,
  );
}

/**
 * Staffing held at the workload cap's floor CRC by CRC where the feedback is on, by raising FTE
 * in 2014 and 2017 (`holdStaffingAtLeast`; a swing of the caseload, its growth, the norm or the
 * feedback can break the cap with no staffing column swung); into `values`.
 */
function holdWorkloadCap(
  inputs: ProjectionInputs,
  values: Map<string, Float64Array>,
  notes: string[],
): void {
  if (![...Object.values(STAFFING), ...CAP_INPUTS, ...FEEDBACK_IDS].every((id) => values.has(id)))
    return;
  const column = (id: string) => values.get(id)!;
  const feedback = FEEDBACK_IDS.map(column);
  const norm = column("workload.caseloadPerFteNorm")[0]!;
  let fte14: Float64Array | undefined;
  let fte17: Float64Array | undefined;
  const crcs: string[] = [];
  for (let c = 0; c < inputs.crcs.length; c++) {
    const k = c * FY_COUNT;
    if (!feedbackOn(feedback, k, FY_COUNT)) continue;
    const s: Staffing = {
      fte14: column(STAFFING.fte14)[k]!,
      fte17: column(STAFFING.fte17)[k]!,
      scale: column(STAFFING.scale)[k]!,
    };
    const floor = workloadFteFloor(
      column("size.caseload2014")[k]!,
      column("caseload.growth")[k]!,
      norm,
    );
    const held = holdStaffingAtLeast(s, floor, { fte14: true, fte17: true, scale: false });
    if (held === undefined || held === s) continue;
    fte14 ??= Float64Array.from(column(STAFFING.fte14));
    fte17 ??= Float64Array.from(column(STAFFING.fte17));
    fte14.fill(held.fte14, k, k + FY_COUNT);
    fte17.fill(held.fte17, k, k + FY_COUNT);
    crcs.push(inputs.crcs[c]!.id);
  }
  if (crcs.length === 0) return;
  values.set(STAFFING.fte14, fte14!);
  values.set(STAFFING.fte17, fte17!);
  notes.push(
    `staffing raised to keep the workload index at or below ${WORKLOAD_INDEX_MAX} (the feedback is on) for ${crcs.length} CRC(s): ${crcs.join(", ")}`,
  );
}

/** Besides staffing and the feedback, the inputs of the workload cap. */
const CAP_INPUTS = ["size.caseload2014", "caseload.growth", "workload.caseloadPerFteNorm"];
