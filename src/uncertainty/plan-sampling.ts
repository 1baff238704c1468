import type { WarnedResult } from "../issues/issue.ts";
import type { Dataset } from "../data/index.ts";
import {
  SHORTFALL_GIVEN_IDS,
  SHORTFALL_ID,
  SHORTFALL_TREND_ID,
} from "../engine/parameter-specs.ts";
import { FEEDBACK_IDS, feedbackOn, WORKLOAD_CAP_IDS } from "../engine/constraints.ts";
import { FY_COUNT, type ProjectionInputs } from "../engine/projection-inputs.ts";
import { FTE_FLOOR } from "../scenario/hold-staffing.ts";
import { rowNumber, rowsByCrc, type CellRange } from "../scenario/parameter-ranges.ts";
import {
  chooseSampled,
  STAFFING_IDS,
  type SampledParameter,
  type SamplingChoice,
  type StaffingHold,
} from "../scenario/sampled-parameters.ts";
import { joinPath } from "../issues/describe-value.ts";
import { SHORTFALL_GROUP, type UncertaintySettings } from "../scenario/uncertainty-settings.ts";
import { cellSampler, type CdfTable, type CellSampler } from "./distributions.ts";

/**
 * One distinct cell distribution and the cells that take its value each draw: cells with the
 * same range and the same uniform (a fully correlated parameter, the years of a parameter read
 * once per CRC) are drawn once.
 */
export interface Slot {
  readonly parameter: number;
  readonly uniform: number;
  readonly sampler: CellSampler;
  readonly whole: boolean;
  readonly targets: Int32Array;
  /** The targets as runs of consecutive cells, [start, end) pairs (`cellRuns`). */
  readonly runs: Int32Array;
}

export interface SamplingPlan {
  readonly base: ProjectionInputs;
  readonly parameters: readonly SampledParameter[];
  /** Groups in draw order, each with its correlation. */
  readonly groups: readonly { readonly group: string; readonly correlation: number }[];
  readonly slots: readonly Slot[];
  /** Per CRC: the 2017-18 row's min and max, to keep the derived shortfall path in range. */
  readonly shortfallLimits: readonly { readonly min: number; readonly max: number }[];
  /** A given shortfall year or the trend is sampled: the derived path is rebuilt each draw. */
  readonly derivesShortfall: boolean;
  /** cost.staffShare or cost.fixedShare is sampled: staff share is kept ≤ fixed share. */
  readonly clampsStaffShare: boolean;
  /**
   * CRCs whose sampled staffing ranges reach 0 FTE: each draw's staffing is held at `floor` FTE
   * or above (src/scenario/hold-staffing.ts).
   */
  readonly staffingHolds: readonly StaffingHold[];
  /**
   * CRCs whose draws could break the workload cap (src/engine/constraints.ts
   * `WORKLOAD_INDEX_MAX`): an input of the cap is sampled and the CRC's feedback is on or
   * sampled. Each draw's staffing is held at the cap's floor (`holdStaffingAtLeast`).
   */
  readonly workloadHolds: readonly number[];
}

/**
 * Decide what is sampled and how, from the resolved inputs, the data's ranges and the settings
 * (already checked for form by `parseUncertainty`). Every problem is returned, each with its
 * path under `prefix` ("uncertainty" for a scenario's block, "" for run options).
 *
 * - Sampled by default: every parameter the engine reads whose data row has a spread
 *   (low < high), except levers (`LEVER_IDS`) and splits of national totals (`SPLIT_IDS`),
 *   which are sampled only if named. "point" fixes a parameter.
 * - Correlation across CRCs (a Gaussian copula with one national factor, `sampler.ts`):
 *   as set, else 1 for a parameter with one national data row (one uncertain national
 *   figure) and 0 for one with per-CRC rows, where CRCs that fall back to the national row
 *   still share one draw (the same unknown figure).
 * - Years: a parameter's years share the CRC's draw (one uncertain level, not a new draw each
 *   year); the three given shortfall years share one draw per CRC too.
 */
export function planSampling(
  base: ProjectionInputs,
  dataset: Dataset,
  settings: UncertaintySettings = {},
  prefix = "",
): WarnedResult<SamplingPlan> {
  const chosen = chooseSampled(base, dataset, settings, prefix);
  if (chosen.issues.length > 0) return { ok: false, issues: chosen.issues };
  const holds = chosen.staffingHolds;
  const heldBy = STAFFING_IDS.filter((id) => chosen.parameters.some((p) => p.id === id));
  const warnings =
    holds.length === 0
      ? chosen.warnings
      : [
          ...chosen.warnings,
          {
            path: joinPath(joinPath(prefix, "distributions"), heldBy[0] ?? "staff.fteJune2017"),
            message: `the data's ranges of ${heldBy.join(", ")} around the scenario's values reach 0 FTE for ${holds.map((h) => base.crcs[h.crc]!.id).join(", ")}: draws that would take staffing to 0 FTE or below are held at ${FTE_FLOOR} FTE (or the scenario's lowest, if lower); to sample otherwise, give ${heldBy.join(" and ")} a "low" and "high" of their own`,
          },
        ];
  return { ok: true, value: compilePlan(base, dataset, chosen), warnings };
}

/** Two cells' ranges are the same numbers (as their text keys would be: −0 and 0 alike). */
const sameRange = (a: CellRange, b: CellRange) =>
  a.min === b.min && a.low === b.low && a.mode === b.mode && a.high === b.high && a.max === b.max;

/** Groups (in draw order) and slots (distinct cells, each compiled once). */
function compilePlan(
  base: ProjectionInputs,
  dataset: Dataset,
  chosen: SamplingChoice,
): SamplingPlan {
  const { parameters, sharesNationalRow, staffingHolds } = chosen;
  const n = base.crcs.length;
  const groupList: { group: string; correlation: number }[] = [];
  for (const p of parameters)
    if (!groupList.some((g) => g.group === p.group))
      groupList.push({ group: p.group, correlation: p.correlation });
  const tables = new Map<number, CdfTable>();
  const slots: Slot[] = [];
  parameters.forEach((p, index) => {
    const g = groupList.findIndex((x) => x.group === p.group);
    const firstShared = sharesNationalRow[index]!.indexOf(true);
    type Building = { sampler: CellSampler; uniform: number; targets: number[] };
    const byKey = new Map<string, Building>();
    // The cell before's slot: most cells run on with the same uniform and range, and taking
    // theirs without the text key (five numbers written out a cell) halves planning a run.
    let last: { slot: Building; range: CellRange } | undefined;
    for (let c = 0; c < n; c++) {
      const shared = p.correlation >= 1 || sharesNationalRow[index]![c]!;
      const uniform = g * n + (p.correlation >= 1 ? 0 : shared ? firstShared : c);
      for (let y = 0; y < FY_COUNT; y++) {
        const k = c * FY_COUNT + y;
        const r = p.ranges[k]!;
        if (!(r.high > r.low)) continue; // no spread: the cell keeps the scenario's value
        let slot =
          last !== undefined && last.slot.uniform === uniform && sameRange(last.range, r)
            ? last.slot
            : undefined;
        if (slot === undefined) {
          const key = `${uniform}|${r.min}|${r.low}|${r.mode}|${r.high}|${r.max}`;
          slot = byKey.get(key);
          if (slot === undefined) {
            slot = { sampler: cellSampler(p.shape, r, tables), uniform, targets: [] };
            byKey.set(key, slot);
          }
        }
        last = { slot, range: r };
        slot.targets.push(k);
      }
    }
    for (const s of byKey.values())
      slots.push({
        parameter: index,
        uniform: s.uniform,
        sampler: s.sampler,
        whole: p.whole,
        targets: Int32Array.from(s.targets),
        runs: cellRuns(s.targets),
      });
  });

  const latest = SHORTFALL_GIVEN_IDS[SHORTFALL_GIVEN_IDS.length - 1]!;
  const shortfallLimits = rowsByCrc(latest, base, dataset).map((row) =>
    row === undefined
      ? { min: -Infinity, max: Infinity }
      : { min: rowNumber(row, "min"), max: rowNumber(row, "max") },
  );
  const sampledIds = new Set(parameters.map((p) => p.id));
  return new CompiledPlan(
    base,
    parameters,
    groupList,
    slots,
    shortfallLimits,
    base.values.has(SHORTFALL_ID) &&
      (parameters.some((p) => p.group === SHORTFALL_GROUP) || sampledIds.has(SHORTFALL_TREND_ID)),
    sampledIds.has("cost.staffShare") || sampledIds.has("cost.fixedShare"),
    staffingHolds,
    workloadHolds(base, parameters),
  );
}

/**
 * A `SamplingPlan` as a class, not an object literal: each run's plan is built by the same
 * transitions with the same field types, so the sampler's optimised code for one run's plan
 * holds for the next (a literal's second instance generalises its fields; bench/NOTES.md).
 */
class CompiledPlan implements SamplingPlan {
  constructor(
    readonly base: ProjectionInputs,
    readonly parameters: readonly SampledParameter[],
    readonly groups: readonly { readonly group: string; readonly correlation: number }[],
    readonly slots: readonly Slot[],
    readonly shortfallLimits: readonly { readonly min: number; readonly max: number }[],
    readonly derivesShortfall: boolean,
    readonly clampsStaffShare: boolean,
    readonly staffingHolds: readonly StaffingHold[],
    readonly workloadHolds: readonly number[],
  ) {}
}

/** The CRCs `SamplingPlan.workloadHolds` lists. */
function workloadHolds(base: ProjectionInputs, parameters: readonly SampledParameter[]): number[] {
  if (!WORKLOAD_CAP_IDS.every((id) => base.values.has(id))) return [];
  if (!parameters.some((p) => WORKLOAD_CAP_IDS.includes(p.id))) return [];
  const feedback = FEEDBACK_IDS.map((id) => base.values.get(id)!);
  const sampledFeedback = parameters.filter((p) =>
    (FEEDBACK_IDS as readonly string[]).includes(p.id),
  );
  const spreads = (p: SampledParameter, c: number) =>
    p.ranges.slice(c * FY_COUNT, (c + 1) * FY_COUNT).some((r) => r.high > r.low);
  return base.crcs
    .map((_, c) => c)
    .filter(
      (c) =>
        feedbackOn(feedback, c * FY_COUNT, FY_COUNT) || sampledFeedback.some((p) => spreads(p, c)),
    );
}

/**
 * Ascending cell indices as runs of consecutive cells, [start, end) pairs: a slot's targets are
 * mostly whole columns (every year of every CRC it covers), so a draw writes a few runs rather
 * than thousands of scattered cells.
 */
export function cellRuns(targets: readonly number[]): Int32Array {
  const runs: number[] = [];
  for (let i = 0; i < targets.length; i++) {
    const k = targets[i]!;
    if (i > 0 && k <= targets[i - 1]!)
      throw new RangeError(`targets must ascend: ${k} after ${targets[i - 1]!}`);
    if (i > 0 && k === targets[i - 1]! + 1) runs[runs.length - 1] = k + 1;
    else runs.push(k, k + 1);
  }
  return Int32Array.from(runs);
}
