import {
  FEEDBACK_IDS,
  feedbackOn,
  shortfallHeld,
  staffingAbove0,
  staffShareHeld,
  workloadFteFloor,
} from "../engine/constraints.ts";
import {
  effectiveShortfallSource,
  SHORTFALL_ID,
  SHORTFALL_TREND_ID,
} from "../engine/parameter-specs.ts";
import { FY_COUNT, type ProjectionInputs } from "../engine/projection-inputs.ts";
import { FINANCIAL_YEARS } from "../engine/timeline.ts";
import { normalCdf, normalQuantile } from "./normal.ts";
import { holdStaffing, holdStaffingAtLeast } from "../scenario/hold-staffing.ts";
import type { SamplingPlan } from "./plan-sampling.ts";
import type { Rng } from "./prng.ts";
import { slotTable, slotValue, type SlotTable } from "./slot-table.ts";

/** Buffers for one draw: the inputs the engine reads, with the sampled columns writable. */
export interface DrawBuffers {
  readonly inputs: ProjectionInputs;
  /** The writable column of each sampled parameter, in plan order. */
  readonly columns: readonly Float64Array[];
  /** The plan's slots laid out for the draw loop (`slotTable`). */
  readonly slots: SlotTable;
  /** Uniform draw per group and CRC, `[groupIndex × crcCount + c]`. */
  readonly uniforms: Float64Array;
  /** Per financial year, the given shortfall column its effective value comes from. */
  readonly given: readonly Float64Array[];
  /**
   * If the plan clamps the staff share: the column written, the fixed share it is kept at or
   * below, and where its unclamped values come from (this draw's, if sampled; else the
   * scenario's, so a clamp in one draw never carries into the next). Found once, not per draw.
   */
  readonly staffClamp: {
    readonly staff: Float64Array;
    readonly fixed: Float64Array;
    readonly source: Float64Array;
  } | null;
  /**
   * If the plan holds some CRCs' staffing above 0 FTE: the three staffing columns (the draw's,
   * or the scenario's for one not sampled), which of them are sampled (only those move), and
   * the FTE in 2017's maximum per CRC.
   */
  readonly staffingHold: {
    readonly fte14: Float64Array;
    readonly fte17: Float64Array;
    readonly scale: Float64Array;
    readonly movable: { readonly fte14: boolean; readonly fte17: boolean; readonly scale: boolean };
    readonly fte17Max: Float64Array;
  } | null;
  /**
   * If the plan holds some CRCs' staffing at the workload cap's floor (`plan.workloadHolds`):
   * the FTE columns written (this run's own copies), where their unheld values come from (the
   * draw's, if sampled; else the scenario's, so a hold never carries into the next draw), and
   * the columns the cap reads.
   */
  readonly workloadHold: {
    readonly fte14: Float64Array;
    readonly fte17: Float64Array;
    readonly source14: Float64Array;
    readonly source17: Float64Array;
    readonly scale: Float64Array;
    readonly caseload: Float64Array;
    readonly growth: Float64Array;
    readonly norm: Float64Array;
    readonly feedback: readonly Float64Array[];
  } | null;
}

/**
 * Allocate once per run: copies of the columns a draw writes (sampled parameters, the derived
 * shortfall, the staff share when it is clamped); every other column is the plan's own.
 */
export function drawBuffers(plan: SamplingPlan): DrawBuffers {
  const values = new Map(plan.base.values);
  const own = (id: string) => {
    const column = Float64Array.from(plan.base.values.get(id)!);
    values.set(id, column);
    return column;
  };
  const columns = plan.parameters.map((p) => own(p.id));
  if (plan.derivesShortfall) own(SHORTFALL_ID);
  if (plan.clampsStaffShare && !plan.parameters.some((p) => p.id === "cost.staffShare"))
    own("cost.staffShare");
  const staffSampled = plan.parameters.some((p) => p.id === "cost.staffShare");
  const sampled = (id: string) => plan.parameters.find((p) => p.id === id);
  const fte17 = sampled("staff.fteJune2017");
  const holdsWorkload = plan.workloadHolds.length > 0;
  const ownFte = (id: string) => {
    if (holdsWorkload && sampled(id) === undefined) own(id);
    return sampled(id) === undefined ? plan.base.values.get(id)! : values.get(id)!;
  };
  const source14 = ownFte("staff.fteJune2014");
  const source17 = ownFte("staff.fteJune2017");
  return new Buffers(
    { crcs: plan.base.crcs, values },
    columns,
    slotTable(plan.slots),
    new Float64Array(plan.groups.length * plan.base.crcs.length),
    SHORTFALL_SOURCES.map((source) => values.get(source.given)!),
    plan.clampsStaffShare
      ? {
          staff: values.get("cost.staffShare")!,
          fixed: values.get("cost.fixedShare")!,
          source: staffSampled
            ? values.get("cost.staffShare")!
            : plan.base.values.get("cost.staffShare")!,
        }
      : null,
    plan.staffingHolds.length === 0
      ? null
      : {
          // the draw's columns, or the scenario's (not the workload hold's copies)
          fte14: source14,
          fte17: source17,
          scale: values.get("staff.cutScale")!,
          movable: {
            fte14: sampled("staff.fteJune2014") !== undefined,
            fte17: fte17 !== undefined,
            scale: sampled("staff.cutScale") !== undefined,
          },
          fte17Max: Float64Array.from(plan.base.crcs, (_, c) =>
            fte17 === undefined ? Infinity : fte17.ranges[c * FY_COUNT]!.max,
          ),
        },
    holdsWorkload
      ? {
          fte14: values.get("staff.fteJune2014")!,
          fte17: values.get("staff.fteJune2017")!,
          source14,
          source17,
          scale: values.get("staff.cutScale")!,
          caseload: values.get("size.caseload2014")!,
          growth: values.get("caseload.growth")!,
          norm: values.get("workload.caseloadPerFteNorm")!,
          feedback: FEEDBACK_IDS.map((id) => values.get(id)!),
        }
      : null,
  );
}

/**
 * `DrawBuffers` as a class, not an object literal: each run's buffers are built by the same
 * transitions with the same field types, so the sampler's optimised code for one run's buffers
 * holds for the next (a literal's second instance generalises its fields; bench/NOTES.md).
 */
class Buffers implements DrawBuffers {
  constructor(
    readonly inputs: DrawBuffers["inputs"],
    readonly columns: DrawBuffers["columns"],
    readonly slots: DrawBuffers["slots"],
    readonly uniforms: DrawBuffers["uniforms"],
    readonly given: DrawBuffers["given"],
    readonly staffClamp: DrawBuffers["staffClamp"],
    readonly staffingHold: DrawBuffers["staffingHold"],
    readonly workloadHold: DrawBuffers["workloadHold"],
  ) {}
}

/**
 * One draw: fill `buffers.inputs` with sampled values, allocating nothing. Uniforms are drawn
 * group by group in plan order: one per group if fully correlated (ρ = 1), one per CRC if
 * independent (ρ = 0), else a national factor Z then one per CRC, uᶜ = Φ(√ρ·Z + √(1−ρ)·εᶜ), so
 * any two CRCs' latent normals have correlation ρ (a Gaussian copula). The same seed gives the
 * same draws wherever this runs. Then each slot's quantile at its uniform goes to its cells, and
 * the derived values follow: the effective shortfall path (given years + trend, kept within the
 * 2017-18 row's limits) and the staff share (kept at or below the fixed share, as validation
 * requires of a scenario).
 */
export function sampleInto(plan: SamplingPlan, rng: Rng, buffers: DrawBuffers): void {
  sampleSlots(plan, rng, buffers, null);
  deriveDrawn(plan, buffers);
}

/**
 * `sampleInto` without the derived values (`deriveDrawn`, for the caller to run): the uniforms,
 * then each slot's value into its cells, except slot s where `skip[s] === 1` (its parameter's
 * column is replaced afterwards: a posterior draw's). The uniforms are drawn all the same, so
 * every other slot's value is what `sampleInto` gives it.
 */
export function sampleSlots(
  plan: SamplingPlan,
  rng: Rng,
  buffers: DrawBuffers,
  skip: Uint8Array | null,
): void {
  const n = plan.base.crcs.length;
  const u = buffers.uniforms;
  const groups = plan.groups;
  for (let g = 0; g < groups.length; g++) {
    const rho = groups[g]!.correlation;
    const at = g * n;
    if (rho >= 1) {
      const common = rng.open();
      for (let c = 0; c < n; c++) u[at + c] = common;
    } else if (rho <= 0) {
      for (let c = 0; c < n; c++) u[at + c] = rng.open();
    } else {
      const factor = Math.sqrt(rho) * normalQuantile(rng.open());
      const noise = Math.sqrt(1 - rho);
      for (let c = 0; c < n; c++)
        u[at + c] = normalCdf(factor + noise * normalQuantile(rng.open()));
    }
  }
  const columns = buffers.columns;
  const t = buffers.slots;
  const runs = t.runs;
  for (let s = 0; s < t.count; s++) {
    if (skip !== null && skip[s] === 1) continue;
    const value = slotValue(t, s, u[t.uniform[s]!]!);
    const out = columns[t.parameter[s]!]!;
    for (let r = t.runFrom[s]!; r < t.runFrom[s + 1]!; r += 2) {
      const start = runs[r]!;
      const end = runs[r + 1]!;
      // A long run (a parameter's whole column) is one native fill.
      if (end - start >= LONG_RUN) out.fill(value, start, end);
      else for (let i = start; i < end; i++) out[i] = value;
    }
  }
}

/**
 * The values that follow from a draw's sampled columns: the effective shortfall path, the staff
 * share held at or below the fixed share, staffing held above 0 FTE. Run again after a draw's
 * columns are replaced (by a posterior draw, `posterior-draws.ts`).
 */
export function deriveDrawn(plan: SamplingPlan, buffers: DrawBuffers): void {
  const values = buffers.inputs.values;
  if (plan.derivesShortfall) deriveShortfall(plan, values, buffers.given);
  const clamp = buffers.staffClamp;
  if (clamp !== null) {
    const { staff, fixed, source } = clamp;
    for (let k = 0; k < staff.length; k++) staff[k] = staffShareHeld(source[k]!, fixed[k]!);
  }
  if (buffers.staffingHold !== null) holdStaffingDraws(plan, buffers.staffingHold);
  if (buffers.workloadHold !== null) holdWorkloadDraws(plan, buffers.workloadHold);
}

/** The FTE values the workload hold moves: both ends of the path, never the cut scale (a lever). */
const FTE_MOVABLE = { fte14: true, fte17: true, scale: false } as const;

/**
 * Each held CRC's staffing kept at the workload cap's floor (src/engine/constraints.ts
 * `workloadFteFloor`) where its feedback is on in this draw, as validation requires of a
 * scenario: FTE raised where the path is lowest (`holdStaffingAtLeast`).
 */
function holdWorkloadDraws(
  plan: SamplingPlan,
  hold: NonNullable<DrawBuffers["workloadHold"]>,
): void {
  const norm = hold.norm[0]!;
  for (const c of plan.workloadHolds) {
    const k = c * FY_COUNT;
    const drawn = { fte14: hold.source14[k]!, fte17: hold.source17[k]!, scale: hold.scale[k]! };
    const held = feedbackOn(hold.feedback, k, FY_COUNT)
      ? (holdStaffingAtLeast(
          drawn,
          workloadFteFloor(hold.caseload[k]!, hold.growth[k]!, norm),
          FTE_MOVABLE,
        ) ?? drawn)
      : drawn;
    hold.fte14.fill(held.fte14, k, k + FY_COUNT);
    hold.fte17.fill(held.fte17, k, k + FY_COUNT);
  }
}

/**
 * Each held CRC's staffing kept above 0 FTE (src/scenario/hold-staffing.ts): a draw whose path would reach
 * 0 FTE is moved to its floor through the sampled values, or else takes the scenario's values.
 */
function holdStaffingDraws(
  plan: SamplingPlan,
  hold: NonNullable<DrawBuffers["staffingHold"]>,
): void {
  const { fte14, fte17, scale, movable } = hold;
  const base = plan.base.values;
  for (const { crc, floor } of plan.staffingHolds) {
    const k = crc * FY_COUNT;
    const drawn = { fte14: fte14[k]!, fte17: fte17[k]!, scale: scale[k]! };
    if (staffingAbove0(drawn.fte14, drawn.fte17, drawn.scale)) continue;
    const held = holdStaffing(drawn, floor, movable, hold.fte17Max[crc]!) ?? {
      fte14: base.get("staff.fteJune2014")![k]!,
      fte17: base.get("staff.fteJune2017")![k]!,
      scale: base.get("staff.cutScale")![k]!,
    };
    // Every year of the CRC: a parameter read once per CRC shares one draw across its years.
    if (movable.fte14) fte14.fill(held.fte14, k, k + FY_COUNT);
    if (movable.fte17) fte17.fill(held.fte17, k, k + FY_COUNT);
    if (movable.scale) scale.fill(held.scale, k, k + FY_COUNT);
  }
}

/** Runs at least this long are written by `fill` (its call costs about as much as this many stores). */
const LONG_RUN = 32;

const SHORTFALL_SOURCES = FINANCIAL_YEARS.map(effectiveShortfallSource);

/**
 * The effective shortfall per CRC and year from this draw's given years and trend, as
 * `effectiveShortfallColumn` builds it (in float64 here: the exact path sums in decimal, so a
 * year after 2017-18 can differ from it in the last bit), kept within the 2017-18 row's limits
 * (a scenario outside them is refused; a draw is pulled back in).
 */
function deriveShortfall(
  plan: SamplingPlan,
  values: ReadonlyMap<string, Float64Array>,
  given: readonly Float64Array[],
) {
  const out = values.get(SHORTFALL_ID)!;
  const trend = values.get(SHORTFALL_TREND_ID)!;
  for (let c = 0; c < plan.base.crcs.length; c++) {
    const { min, max } = plan.shortfallLimits[c]!;
    for (let y = 0; y < FY_COUNT; y++) {
      const k = c * FY_COUNT + y;
      const years = SHORTFALL_SOURCES[y]!.trendYears;
      const s = years === 0 ? given[y]![k]! : given[y]![k]! + trend[k]! * years;
      out[k] = shortfallHeld(s, min, max);
    }
  }
}
