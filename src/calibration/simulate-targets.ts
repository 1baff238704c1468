import type { Dataset } from "../data/index.ts";
import { param } from "../data/index.ts";
import { emptyLedger, type Ledger } from "../engine/ledger.ts";
import type { MoneyLine } from "../engine/lines.ts";
import { projectFloat } from "../engine/project-float.ts";
import type { ProjectionInputs } from "../engine/projection-inputs.ts";
import type { SamplingPlan } from "../uncertainty/plan-sampling.ts";
import type { DrawBuffers } from "../uncertainty/sampler.ts";
import { modelValue } from "./evaluate.ts";
import { planDerived, type DerivedRun } from "./simulate-derived.ts";
import {
  calibratedIds,
  drawBuffers,
  posteriorPlan,
  presetInputs,
  priorDraw,
  SOLVED_EACH_DRAW,
  withDrawnColumns,
} from "../uncertainty/posterior-prior.ts";
import type { Target } from "./targets.ts";

/**
 * Every target's model value in each prior draw (issue #14): the expensive half of the
 * posterior, done once; weights for any set of targets (all of them, a vintage, all but one)
 * are then arithmetic on these values (`posterior.ts`).
 *
 * A draw gives each preset the targets are measured on, on the float path, the draw's values
 * of every parameter the preset leaves at the data's (`calibratedIds`). The preset with the
 * variation is taken at two values of φ′: the variation is linear in φ′ (its uplift is φ′ − φ
 * times the shortfall payment, src/engine/variation.ts), so the φ′ that meets the £342m in this
 * draw is solved exactly, held within its plausible range, and the preset's ledger at that φ′
 * is the straight line between the two. `simulateTargetsProjected` projects every preset (six
 * projections a draw); `simulateTargets` projects the variation's preset once and derives the
 * others from it (simulate-derived.ts), to the same values, whenever the presets allow.
 */
export interface TargetSimulation {
  readonly plan: SamplingPlan;
  readonly targets: readonly Target[];
  readonly solvedTarget: Target;
  /** Parameters reported per draw: plan order, then φ′. */
  readonly parameterIds: readonly string[];
  readonly phiRange: { readonly low: number; readonly high: number };
  readonly presets: readonly string[];
  readonly dataset: Dataset;
}

export function prepareTargetSimulation(
  dataset: Dataset,
  targets: readonly Target[],
): TargetSimulation {
  const plan = posteriorPlan(dataset);
  const solved = targets.filter((t) => t.fits.includes(SOLVED_EACH_DRAW));
  if (solved.length !== 1 || solved[0]!.scenarios.length !== 2)
    throw new Error(
      `${SOLVED_EACH_DRAW} needs exactly one target measured as a difference 'a - b'`,
    );
  const row = param(dataset, SOLVED_EACH_DRAW);
  return {
    plan,
    targets,
    solvedTarget: solved[0]!,
    parameterIds: [...plan.parameters.map((p) => p.id), SOLVED_EACH_DRAW],
    phiRange: { low: Number(row.text.low), high: Number(row.text.high) },
    presets: [...new Set(targets.flatMap((t) => t.scenarios))],
    dataset,
  };
}

/** Draws [from, to) of the prior: target values and parameter values, draw by draw. */
export interface TargetDraws {
  readonly from: number;
  readonly to: number;
  /** `values[t × count + k]`: target t's model value in draw from + k. */
  readonly values: Float64Array;
  /**
   * `parameters[p × count + k]`: parameter p's value in the draw (the mean over CRCs of its
   * first year's cells, for a parameter drawn per CRC), in the data's internal unit.
   */
  readonly parameters: Float64Array;
}

interface PresetRun {
  readonly inputs: ProjectionInputs;
  readonly ledger: Ledger;
}

function setColumn(base: ProjectionInputs, id: string, value: number): ProjectionInputs {
  const values = new Map(base.values);
  values.set(id, new Float64Array(base.values.get(id)!.length).fill(value));
  return { crcs: base.crcs, values };
}

/**
 * The lines the measures read (src/calibration/measures.ts); the others are not interpolated
 * (a third of a draw's time went to lines nothing reads).
 */
const MEASURED_LINES = [
  "fee_for_service",
  "variation",
  "pbr",
  "income_total",
  "profit",
] as const satisfies readonly MoneyLine[];

/** `out` = a + t × (b − a) for the measured lines (FTE and caseload do not depend on φ′). */
function interpolate(a: Ledger, b: Ledger, t: number, out: Ledger) {
  for (const line of MEASURED_LINES) {
    const [x, y, o] = [a.money[line], b.money[line], out.money[line]];
    for (let i = 0; i < o.length; i++) o[i] = x[i]! + t * (y[i]! - x[i]!);
  }
  out.fte.set(a.fte);
  out.caseload.set(a.caseload);
}

/** Each simulation's derived run, made on its first part (a run is simulated in many parts). */
const DERIVED = new WeakMap<TargetSimulation, DerivedRun | null>();

export function simulateTargets(
  sim: TargetSimulation,
  seed: number,
  from: number,
  to: number,
  onProgress?: (done: number) => void,
): TargetDraws {
  let derived = DERIVED.get(sim);
  if (derived === undefined) DERIVED.set(sim, (derived = planDerived(sim)));
  return derived !== null
    ? derived.run(seed, from, to, onProgress)
    : simulateTargetsProjected(sim, seed, from, to, onProgress);
}

/**
 * `simulateTargets` projecting every preset of every draw (six projections a draw): the way
 * for targets whose presets `planDerived` cannot derive from the variation's, and the
 * reference the derived simulation is tested against.
 */
export function simulateTargetsProjected(
  sim: TargetSimulation,
  seed: number,
  from: number,
  to: number,
  onProgress?: (done: number) => void,
): TargetDraws {
  const { plan, targets, dataset } = sim;
  const count = to - from;
  const buffers: DrawBuffers = drawBuffers(plan);
  const [varied] = sim.solvedTarget.scenarios as readonly [string, string];
  const runs = new Map<string, PresetRun>();
  const ledgerFor = (inputs: ProjectionInputs) =>
    emptyLedger(inputs.crcs, inputs.values.get("workload.caseloadPerFteNorm")![0]!);
  for (const preset of sim.presets) {
    const base = presetInputs(dataset, preset);
    const inputs = withDrawnColumns(base, buffers, calibratedIds(plan, base));
    runs.set(preset, { inputs, ledger: ledgerFor(inputs) });
  }
  // The variation at the two ends of φ′'s plausible range; the draw's φ′ lies on the line.
  const v = runs.get(varied)!;
  const [phiA, phiB] = [sim.phiRange.low, sim.phiRange.high];
  const atA = { inputs: setColumn(v.inputs, SOLVED_EACH_DRAW, phiA), ledger: ledgerFor(v.inputs) };
  const atB = { inputs: setColumn(v.inputs, SOLVED_EACH_DRAW, phiB), ledger: ledgerFor(v.inputs) };
  // setColumn copied the map: keep the drawn columns shared with the buffers.
  for (const [id, column] of v.inputs.values)
    if (id !== SOLVED_EACH_DRAW) {
      (atA.inputs.values as Map<string, Float64Array>).set(id, column);
      (atB.inputs.values as Map<string, Float64Array>).set(id, column);
    }
  const ledgers = new Map<string, Ledger>([...runs].map(([id, r]) => [id, r.ledger]));
  const ledgerOf = (preset: string) => ledgers.get(preset)!;

  const values = new Float64Array(targets.length * count);
  const parameters = new Float64Array(sim.parameterIds.length * count);
  const n = plan.base.crcs.length;
  const years = plan.base.values.get(sim.parameterIds[0]!)!.length / n;
  for (let k = 0; k < count; k++) {
    priorDraw(plan, seed, from + k, buffers);
    for (const [preset, run] of runs) if (preset !== varied) projectFloat(run.inputs, run.ledger);
    projectFloat(atA.inputs, atA.ledger);
    projectFloat(atB.inputs, atB.ledger);
    // The solved target is linear in φ′: its value at A and B gives the φ′ that meets it.
    ledgers.set(varied, atA.ledger);
    const a = modelValue(sim.solvedTarget, ledgerOf);
    ledgers.set(varied, atB.ledger);
    const b = modelValue(sim.solvedTarget, ledgerOf);
    const t = b === a ? 0 : Math.min(1, Math.max(0, (sim.solvedTarget.value - a) / (b - a)));
    interpolate(atA.ledger, atB.ledger, t, v.ledger);
    ledgers.set(varied, v.ledger);
    for (let i = 0; i < targets.length; i++)
      values[i * count + k] = modelValue(targets[i]!, ledgerOf);
    plan.parameters.forEach((p, i) => {
      const column = buffers.inputs.values.get(p.id)!;
      let sum = 0;
      for (let c = 0; c < n; c++) sum += column[c * years]!;
      parameters[i * count + k] = sum / n;
    });
    parameters[plan.parameters.length * count + k] = phiA + t * (phiB - phiA);
    if (onProgress !== undefined && (k + 1) % 1000 === 0) onProgress(k + 1);
  }
  return { from, to, values, parameters };
}

/**
 * Parts of one run that tile [0, count), in any order, laid end to end series by series: the
 * `TargetDraws` one piece gives (draw i depends only on (seed, i)). Throws a RangeError for parts
 * that do not tile the run (a bug in the caller).
 */
export function joinTargetDraws(
  parts: readonly TargetDraws[],
  count: number,
  targetCount: number,
  parameterCount: number,
): TargetDraws {
  const ordered = [...parts].sort((a, b) => a.from - b.from);
  let next = 0;
  for (const p of ordered) {
    if (p.from !== next || p.to <= p.from)
      throw new RangeError(
        `parts do not tile [0, ${count}): a part starts at ${p.from}, expected ${next}`,
      );
    next = p.to;
  }
  if (next !== count) throw new RangeError(`parts end at ${next}, not ${count}`);
  const join = (pick: (p: TargetDraws) => Float64Array, series: number) => {
    const out = new Float64Array(series * count);
    for (const part of ordered) {
      const n = part.to - part.from;
      const values = pick(part);
      for (let s = 0; s < series; s++)
        out.set(values.subarray(s * n, (s + 1) * n), s * count + part.from);
    }
    return out;
  };
  return {
    from: 0,
    to: count,
    values: join((p) => p.values, targetCount),
    parameters: join((p) => p.parameters, parameterCount),
  };
}
