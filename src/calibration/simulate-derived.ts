import { emptyLedger, MONTH_COUNT, type Ledger } from "../engine/ledger.ts";
import {
  SHORTFALL_GIVEN_IDS,
  SHORTFALL_ID,
  SHORTFALL_TREND_ID,
} from "../engine/parameter-specs.ts";
import { projectFloat } from "../engine/project-float.ts";
import { FY_COUNT, type ProjectionInputs } from "../engine/projection-inputs.ts";
import {
  calibratedIds,
  drawBuffers,
  presetInputs,
  priorDraw,
  SOLVED_EACH_DRAW,
  withDrawnColumns,
} from "../uncertainty/posterior-prior.ts";
import {
  monthsPaid,
  pbrCohorts,
  pbrYearSums,
  ruleColumns,
  yearCells,
  type RuleColumns,
} from "./derived-cells.ts";
import {
  FY_FIRST_MONTH as FY_FIRST,
  FY_LAST_MONTH as FY_LAST,
  FY_OF_MONTH as FY_OF,
} from "../engine/timeline.ts";
import { sourcedValue } from "./evaluate.ts";
import { MEASURED_LINES, type LineSource, type MeasuredLine } from "./measures.ts";
import type { TargetDraws, TargetSimulation } from "./simulate-targets.ts";
import {
  LINE_INDEX,
  probeSource,
  VariedSource,
  YearSumSource,
  type Needs,
} from "./target-sources.ts";

/**
 * The prior simulation with one projection a draw (issue #14: ≥ 100,000 draws in ≤ 10 s). The
 * targets' presets are the variation's preset and presets that differ from it in a few inputs
 * only, and each of those is the variation's projection with a few cells changed:
 *
 * - the variation at its other φ′: only the uplift moves (by a whole number of pence per CRC and
 *   year, from the variation's start), and with it income_total and profit (`yearCells`);
 * - without the variation (`variation.scale` 0): the variation line is 0, and income_total and
 *   profit are the variation's less it (no other cell reads the variation, the guarantee being
 *   off);
 * - as let (no shortfall, no variation): fee for service at no shortfall (`yearCells`), the
 *   variation 0, every other income line as in the variation's (they do not read the shortfall);
 *   its costs do read the shortfall, so it gives income only;
 * - other PbR outcomes: PbR income at those outcomes (`pbrYearSums`), read alone.
 *
 * Those presets are read as financial-year sums (`YearSumSource`); the variation's own preset at
 * the solved φ′ as the straight line between its two ledgers, cell by cell (`VariedSource`), as
 * `simulateTargets` did with two projections. Every value is the same to the bit.
 *
 * `planDerived` says whether a simulation has that shape (presets that differ otherwise, a
 * guarantee that is on, or a measure a derived preset cannot give make it null, and the caller
 * projects every preset instead).
 */
type Kind = "without-variation" | "as-let" | "outcomes";

const HELD: Record<Kind, readonly MeasuredLine[]> = {
  "without-variation": MEASURED_LINES,
  "as-let": ["fee_for_service", "variation", "pbr", "income_total"],
  outcomes: ["pbr"],
};
const ZERO: Record<Kind, readonly MeasuredLine[]> = {
  "without-variation": ["variation"],
  "as-let": ["variation"],
  outcomes: [],
};
const ALLOWED: Record<Kind, readonly string[]> = {
  "without-variation": ["variation.scale"],
  "as-let": ["variation.scale", ...SHORTFALL_GIVEN_IDS, SHORTFALL_TREND_ID, SHORTFALL_ID],
  outcomes: ["pbr.binaryReductionPts", "pbr.frequencyReductionPct"],
};

interface DerivedPreset {
  readonly preset: string;
  readonly kind: Kind;
  readonly columns: RuleColumns;
  readonly source: YearSumSource;
}

/** Ids whose columns differ between two inputs (a drawn column differs from any other). */
function differing(a: ProjectionInputs, b: ProjectionInputs, drawn: ReadonlySet<Float64Array>) {
  const ids = new Set([...a.values.keys(), ...b.values.keys()]);
  return [...ids].filter((id) => {
    const [x, y] = [a.values.get(id), b.values.get(id)];
    if (x === y) return false;
    if (x === undefined || y === undefined || drawn.has(x) || drawn.has(y)) return true;
    return x.length !== y.length || x.some((v, k) => v !== y[k]);
  });
}

const allZero = (column: Float64Array | undefined) =>
  column !== undefined && column.every((v) => v === 0);

function kindOf(diff: readonly string[], inputs: ProjectionInputs): Kind | null {
  const scaleOff = allZero(inputs.values.get("variation.scale"));
  for (const kind of ["without-variation", "as-let", "outcomes"] as const) {
    if (!diff.every((id) => ALLOWED[kind].includes(id))) continue;
    if (kind !== "outcomes" && !scaleOff) continue;
    return kind;
  }
  return null;
}

/** What the measures read of each preset, found by running them on probes. */
function probeNeeds(sim: TargetSimulation): Map<string, Needs> {
  const needs = new Map<string, Needs>();
  for (const preset of sim.presets)
    needs.set(preset, { wholeYears: new Set(), partYears: new Set() });
  const sources = new Map([...needs].map(([p, n]) => [p, probeSource(n)]));
  for (const target of sim.targets) sourcedValue(target, (p) => sources.get(p)!);
  return needs;
}

/** Fee for service and PbR income made alone are checked against the projection every this many draws (and the first). */
const CHECK_EVERY = 32;

export interface DerivedRun {
  readonly run: (
    seed: number,
    from: number,
    to: number,
    onProgress?: (done: number) => void,
  ) => TargetDraws;
}

/** The one-projection simulation of `sim`, or null when its presets do not have that shape. */
export function planDerived(sim: TargetSimulation): DerivedRun | null {
  const { plan, dataset, targets } = sim;
  const buffers = drawBuffers(plan);
  const drawn = new Set(buffers.inputs.values.values());
  const [varied, reference] = sim.solvedTarget.scenarios as readonly [string, string];
  const inputsOf = (preset: string) => {
    const base = presetInputs(dataset, preset);
    return withDrawnColumns(base, buffers, calibratedIds(plan, base));
  };
  const v = inputsOf(varied);
  // The guarantee reads income (the variation among it): off, in every cell, in every draw.
  const floor = v.values.get("guarantee.floorShareOfCost");
  if (floor === undefined || drawn.has(floor) || !allZero(floor)) return null;
  // The months the uplift is paid are the same in every draw (`steps`).
  for (const id of ["variation.start", "termination.endDate"])
    if (drawn.has(v.values.get(id)!)) return null;

  const needs = probeNeeds(sim);
  const n = v.crcs.length;
  const atOf = (phi: number) => {
    const values = new Map(v.values);
    values.set(
      SOLVED_EACH_DRAW,
      new Float64Array(v.values.get(SOLVED_EACH_DRAW)!.length).fill(phi),
    );
    return { crcs: v.crcs, values } as ProjectionInputs;
  };
  const [phiA, phiB] = [sim.phiRange.low, sim.phiRange.high];
  const atA = atOf(phiA);
  const colsA = ruleColumns(atA);
  const colsB = ruleColumns(atOf(phiB));
  const ledger = emptyLedger(v.crcs, v.values.get("workload.caseloadPerFteNorm")![0]!);

  const derived: DerivedPreset[] = [];
  for (const preset of sim.presets) {
    if (preset === varied) continue;
    const inputs = inputsOf(preset);
    const kind = kindOf(differing(v, inputs, drawn), inputs);
    if (kind === null) return null;
    const need = needs.get(preset)!;
    if (![...need.wholeYears].every((l) => HELD[kind].includes(l))) return null;
    if (![...need.partYears].every((l) => ZERO[kind].includes(l))) return null;
    const source = new YearSumSource(n, HELD[kind], ZERO[kind], ledger);
    derived.push({ preset, kind, columns: ruleColumns(inputs), source });
  }
  if (!derived.some((d) => d.preset === reference && d.kind === "without-variation")) return null;

  const years = new Float64Array(MEASURED_LINES.length * n * FY_COUNT);
  const stepYears = new Float64Array(n * FY_COUNT);
  const varied_ = new VariedSource(ledger, new Float64Array(n * MONTH_COUNT), years, stepYears);
  const sources = new Map<string, LineSource>([[varied, varied_]]);
  for (const d of derived) sources.set(d.preset, d.source);
  const sourceOf = (preset: string) => sources.get(preset)!;

  // Per CRC and year (`[c × FY_COUNT + y]`), and the variation's year sums of each line.
  const upA = new Float64Array(n * FY_COUNT);
  const upB = new Float64Array(n * FY_COUNT);
  const ffsV = new Float64Array(n * FY_COUNT);
  const ffs = new Float64Array(n * FY_COUNT);
  const pbrV = new Float64Array(n * FY_COUNT);
  const pbr = new Float64Array(n * FY_COUNT);
  const needsFfs = derived.some((d) => d.kind === "as-let");
  const needsPbr = derived.some((d) => d.kind === "outcomes");
  // The variation's PbR year sums: read by a measure (of its own preset or one derived from it).
  const readsPbr = sim.presets.some(
    (p) =>
      needs.get(p)!.wholeYears.has("pbr") &&
      derived.find((d) => d.preset === p)?.kind !== "outcomes",
  );
  const parameterColumns = plan.parameters.map((p) => buffers.inputs.values.get(p.id)!);
  // Months of each year fee for service is paid (the CRCs' ends are not drawn).
  const months = new Float64Array(n * FY_COUNT);
  for (let c = 0; c < n; c++)
    for (let y = 0; y < FY_COUNT; y++) months[c * FY_COUNT + y] = monthsPaid(colsA, c, y);
  const years0 = plan.base.values.get(sim.parameterIds[0]!)!.length / n;

  return {
    run(seed, from, to, onProgress) {
      const count = to - from;
      const values = new Float64Array(targets.length * count);
      const parameters = new Float64Array(sim.parameterIds.length * count);
      for (let k = 0; k < count; k++) {
        priorDraw(plan, seed, from + k, buffers);
        projectFloat(atA, ledger);
        // Fee for service and PbR income made alone are checked on a sample of draws.
        const check = k % CHECK_EVERY === 0;
        yearSums(colsA, ledger, years, readsPbr || (check && needsPbr));
        // The other φ′: the uplift's step, checked against the projected uplift.
        yearCells(colsA, check && needsFfs ? ffsV : null, upA, colsB, upB);
        steps(colsA, ledger, upA, upB, varied_.step, stepYears);
        if (check && needsFfs) checkFfs(colsA, ffsV, years);
        const cohorts = needsPbr ? pbrCohorts(colsA) : 0;
        if (check && needsPbr) {
          pbrYearSums(colsA, cohorts, pbrV);
          checkPbr(n, pbrV, years);
        }
        for (const d of derived) {
          if (d.kind === "as-let") yearCells(d.columns, ffs, null);
          if (d.kind === "outcomes") pbrYearSums(d.columns, cohorts, pbr);
          deriveYears(d, n, years, ffs, months, pbr);
        }
        // φ′ solved as simulateTargets solves it: the solved target at each end, then the line.
        const solved = sim.solvedTarget;
        varied_.at(0);
        const a = sourcedValue(solved, sourceOf);
        varied_.at(1);
        const b = sourcedValue(solved, sourceOf);
        const t = b === a ? 0 : Math.min(1, Math.max(0, (solved.value - a) / (b - a)));
        varied_.at(t);
        for (let i = 0; i < targets.length; i++)
          values[i * count + k] = sourcedValue(targets[i]!, sourceOf);
        for (let p = 0; p < parameterColumns.length; p++) {
          const column = parameterColumns[p]!;
          let sum = 0;
          for (let c = 0; c < n; c++) sum += column[c * years0]!;
          parameters[p * count + k] = sum / n;
        }
        parameters[parameterColumns.length * count + k] = phiA + t * (phiB - phiA);
        if (onProgress !== undefined && (k + 1) % 1000 === 0) onProgress(k + 1);
      }
      return { from, to, values, parameters };
    },
  };
}

/**
 * Each measured line's financial-year sums by CRC (whole pence: exact). Fee for service is the
 * same in every month of a year up to the CRC's end: its month times the months paid. PbR
 * income only when `pbr` (only the checks read the variation's).
 */
function yearSums(k: RuleColumns, ledger: Ledger, out: Float64Array, pbr: boolean) {
  const n = k.n;
  const ffs = ledger.money.fee_for_service;
  const at = LINE_INDEX.fee_for_service * n * FY_COUNT;
  for (let c = 0; c < n; c++)
    for (let y = 0; y < FY_COUNT; y++) {
      const months = monthsPaid(k, c, y);
      out[at + c * FY_COUNT + y] = months === 0 ? 0 : ffs[c * MONTH_COUNT + FY_FIRST[y]!]! * months;
    }
  // Whole pence: exact in any order, so the lines are added side by side (independent sums).
  const { variation: v, pbr: p, income_total: i, profit: r } = ledger.money;
  const V = LINE_INDEX.variation * n * FY_COUNT;
  const P = LINE_INDEX.pbr * n * FY_COUNT;
  const I = LINE_INDEX.income_total * n * FY_COUNT;
  const R = LINE_INDEX.profit * n * FY_COUNT;
  for (let c = 0; c < n; c++) {
    const base = c * MONTH_COUNT;
    for (let y = 0; y < FY_COUNT; y++) {
      const last = base + FY_LAST[y]!;
      let tv = 0;
      let ti = 0;
      let tr = 0;
      for (let m = base + FY_FIRST[y]!; m <= last; m++) {
        tv += v[m]!;
        ti += i[m]!;
        tr += r[m]!;
      }
      const at = c * FY_COUNT + y;
      out[V + at] = tv;
      out[I + at] = ti;
      out[R + at] = tr;
      if (!pbr) continue;
      let tp = 0;
      for (let m = base + FY_FIRST[y]!; m <= last; m++) tp += p[m]!;
      out[P + at] = tp;
    }
  }
}

const bug = (what: string) =>
  new Error(
    `posterior simulation: ${what} differs from the float projection's (derived-cells.ts no longer mirrors project-float.ts)`,
  );

/**
 * Each cell's step to the other φ′ (the uplift's, where it is paid) and its year sums, after
 * checking the uplift at this φ′ against the projected one.
 */
function steps(
  k: RuleColumns,
  ledger: Ledger,
  upA: Float64Array,
  upB: Float64Array,
  out: Float64Array,
  outYears: Float64Array,
) {
  const variation = ledger.money.variation;
  // Cells outside [start, end] were 0 when `out` was made and are never written (the variation's
  // start and end are not drawn: `planDerived` checks).
  outYears.fill(0);
  for (let c = 0; c < k.n; c++) {
    const c0 = c * FY_COUNT;
    const start = k.start[c0]!;
    const end = Math.min(k.end[c0]!, MONTH_COUNT - 1);
    if (start > end) continue;
    for (let y = FY_OF[start]!; y <= FY_OF[end]!; y++) {
      const from = Math.max(start, FY_FIRST[y]!);
      const to = Math.min(end, FY_LAST[y]!);
      if (variation[c * MONTH_COUNT + from] !== upA[c0 + y])
        throw bug(`the variation's uplift (CRC ${c}, year ${y})`);
      const step = upB[c0 + y]! - upA[c0 + y]!;
      out.fill(step, c * MONTH_COUNT + from, c * MONTH_COUNT + to + 1);
      outYears[c0 + y] = step * (to - from + 1);
    }
  }
}

function checkFfs(k: RuleColumns, ffsV: Float64Array, years: Float64Array) {
  const at = LINE_INDEX.fee_for_service * k.n * FY_COUNT;
  for (let c = 0; c < k.n; c++)
    for (let y = 0; y < FY_COUNT; y++) {
      const i = c * FY_COUNT + y;
      if (ffsV[i]! * monthsPaid(k, c, y) !== years[at + i])
        throw bug(`fee for service (CRC ${c}, year ${y})`);
    }
}

function checkPbr(n: number, pbrV: Float64Array, years: Float64Array) {
  const at = LINE_INDEX.pbr * n * FY_COUNT;
  for (let i = 0; i < n * FY_COUNT; i++)
    if (pbrV[i] !== years[at + i]) throw bug(`PbR income (CRC ${Math.floor(i / FY_COUNT)})`);
}

const F = LINE_INDEX.fee_for_service;
const V = LINE_INDEX.variation;
const P = LINE_INDEX.pbr;
const I = LINE_INDEX.income_total;
const R = LINE_INDEX.profit;

/**
 * A derived preset's year sums from the variation's (`years`), `ffs` (a month's, paid in
 * `months` of the year) and `pbr`, by its kind.
 */
function deriveYears(
  d: DerivedPreset,
  n: number,
  years: Float64Array,
  ffs: Float64Array,
  months: Float64Array,
  pbr: Float64Array,
) {
  const out = d.source.years;
  const size = n * FY_COUNT;
  const [f, v, p, inc, r] = [F * size, V * size, P * size, I * size, R * size] as const;
  if (d.kind === "without-variation")
    for (let i = 0; i < size; i++) {
      const variation = years[v + i]!;
      out[f + i] = years[f + i]!;
      out[v + i] = 0;
      out[p + i] = years[p + i]!;
      out[inc + i] = years[inc + i]! - variation;
      out[r + i] = years[r + i]! - variation;
    }
  else if (d.kind === "as-let")
    for (let i = 0; i < size; i++) {
      const fee = ffs[i]! * months[i]!;
      out[f + i] = fee;
      out[v + i] = 0;
      out[p + i] = years[p + i]!;
      out[inc + i] = years[inc + i]! - years[f + i]! - years[v + i]! + fee;
    }
  else for (let i = 0; i < size; i++) out[p + i] = pbr[i]!;
}
