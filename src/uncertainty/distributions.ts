import type { CellRange } from "../scenario/parameter-ranges.ts";
import { SHAPES, type Shape } from "../scenario/uncertainty-settings.ts";
import { normalCdf, normalQuantile } from "./normal.ts";

export { SHAPES, type Shape };

/** Ratio between the plausible range and a normal's standard deviation: low/high are P5/P95. */
export const NORMAL_RANGE_SDS = 2 * 1.6448536269514722;

const POINT = 0;
const UNIFORM = 1;
const TRIANGULAR = 2;
export const PERT = 3;
const NORMAL = 4;

/**
 * A cell's quantile function with its constants worked out once (a plan holds one per distinct
 * cell, and each draw only evaluates it): plain numbers and one table, so the hot loop is a
 * switch on `kind`.
 */
export interface CellSampler {
  readonly kind: number;
  readonly low: number;
  readonly span: number;
  readonly mode: number;
  /** Triangular: the mode's position r in [0, 1]; normal: the standard deviation. */
  readonly a: number;
  /** Normal: Φ at the lower limit. */
  readonly b: number;
  /** Normal: Φ at the upper limit − Φ at the lower. */
  readonly c: number;
  readonly min: number;
  readonly max: number;
  /** PERT: the CDF of the standard PERT tabulated on [0, 1] (`pertCdfTable`). */
  readonly table: CdfTable | null;
}

/**
 * PERT tables by r, shared by every plan: a table is a pure function of r and read only, and
 * building one (`pertCdfTable`, `indexCdf`) was two thirds of planning a run (~5 ms of a
 * Monte Carlo's, ~14 ms with the posterior's own plan; bench/NOTES.md), for the same few dozen
 * r every time. Bounded (~25 kB a table): emptied when full.
 */
const PERT_TABLES = new Map<number, CdfTable>();
const PERT_TABLES_MAX = 256;

function pertTable(r: number): CdfTable {
  let table = PERT_TABLES.get(r);
  if (table === undefined) {
    if (PERT_TABLES.size >= PERT_TABLES_MAX) PERT_TABLES.clear();
    table = indexCdf(pertCdfTable(r));
    PERT_TABLES.set(r, table);
  }
  return table;
}

/**
 * Compile `shape` on `range`. Every shape is sampled by its quantile function, so one uniform
 * draw gives one value and correlation can be imposed on the uniforms (a Gaussian copula,
 * `sampler.ts`):
 * - point: the mode.
 * - uniform: low to high.
 * - triangular: low, mode, high.
 * - pert: Beta(1 + 4r, 1 + 4(1 − r)) on low–high, r = (mode − low)/(high − low): the modified
 *   PERT of Vose (mean (low + 4 mode + high)/6).
 * - normal: centred on the mode, sd = (high − low)/3.29 (so a range centred on the mode is its
 *   P5–P95), truncated to min–max (so its mean moves off the mode when a limit is near).
 * A range with no spread (high ≤ low) is a point whatever the shape.
 * `tables` caches PERT tables by r within one plan.
 */
export function cellSampler(
  shape: Shape,
  range: CellRange,
  tables: Map<number, CdfTable> = new Map(),
): CellSampler {
  const { low, mode, high, min, max } = range;
  const span = high - low;
  const base = { low, span, mode, a: 0, b: 0, c: 0, min, max, table: null };
  if (shape === "point" || !(span > 0)) return { ...base, kind: POINT };
  switch (shape) {
    case "uniform":
      return { ...base, kind: UNIFORM };
    case "triangular":
      return { ...base, kind: TRIANGULAR, a: (mode - low) / span };
    case "pert": {
      const r = (mode - low) / span;
      let table = tables.get(r);
      if (table === undefined) {
        table = pertTable(r);
        tables.set(r, table);
      }
      return { ...base, kind: PERT, table };
    }
    case "normal": {
      const sd = span / NORMAL_RANGE_SDS;
      const lo = normalCdf((min - mode) / sd);
      const hi = normalCdf((max - mode) / sd);
      return { ...base, kind: NORMAL, a: sd, b: lo, c: hi - lo };
    }
  }
}

/** The value at probability u (0 < u < 1) of a compiled cell. */
export function sampleCell(s: CellSampler, u: number): number {
  switch (s.kind) {
    case UNIFORM:
      return s.low + u * s.span;
    case TRIANGULAR: {
      const r = s.a;
      return u < r
        ? s.low + s.span * Math.sqrt(u * r)
        : s.low + s.span * (1 - Math.sqrt((1 - u) * (1 - r)));
    }
    case PERT:
      return s.low + s.span * tableQuantile(s.table!, u);
    case NORMAL: {
      const x = s.mode + s.a * normalQuantile(s.b + u * s.c);
      return Math.min(s.max, Math.max(s.min, x));
    }
    default:
      return s.mode;
  }
}

/** The value at probability u of `shape` on `range` (compiles each time: for tests and one-offs). */
export function quantile(shape: Shape, range: CellRange, u: number): number {
  return sampleCell(cellSampler(shape, range), u);
}

/** Intervals of the PERT CDF table on [0, 1]. */
export const PERT_GRID = 2048;
let logMidpoints: { x: Float64Array; oneMinusX: Float64Array } | undefined;

/**
 * The CDF of the standard PERT with mode r, Beta(α = 1 + 4r, β = 1 + 4(1 − r)), at x = k/2048,
 * k = 0…2048, normalised to end at 1. The beta CDF has no closed form: the density
 * x^(α−1)(1−x)^(β−1) = exp((α−1) ln x + (β−1) ln(1−x)) is integrated by the midpoint rule (one
 * `Math.exp` per interval, the logarithms shared by every table; midpoints, because at a mode
 * near 0 or 1 the density climbs steeply off the end point). Measured against the closed form
 * for r = 0, ¼, ½, ¾, 1 and against a 2^18-interval integration for other r
 * (distributions.test.ts): quantiles at probabilities 0.0001 to 0.9999 are within 1e-4 of the
 * range of the exact ones (2.3e-5 at worst, at r = 0.1); in the outer tails, where the first and
 * last grid steps are read as straight lines, within one step (1/2048).
 */
export function pertCdfTable(r: number): Float64Array {
  logMidpoints ??= {
    x: Float64Array.from({ length: PERT_GRID }, (_, k) => Math.log((k + 0.5) / PERT_GRID)),
    oneMinusX: Float64Array.from({ length: PERT_GRID }, (_, k) =>
      Math.log(1 - (k + 0.5) / PERT_GRID),
    ),
  };
  const { x, oneMinusX } = logMidpoints;
  const am1 = 4 * r;
  const bm1 = 4 * (1 - r);
  const cdf = new Float64Array(PERT_GRID + 1);
  for (let k = 0; k < PERT_GRID; k++)
    cdf[k + 1] = cdf[k]! + Math.exp(am1 * x[k]! + bm1 * oneMinusX[k]!);
  const total = cdf[PERT_GRID]!;
  for (let k = 1; k < PERT_GRID; k++) cdf[k] = cdf[k]! / total;
  cdf[PERT_GRID] = 1;
  return cdf;
}

/** Cells of the probability index of a CDF table (`invertCdfTable`). */
export const INDEX_CELLS = 1024;

/**
 * A tabulated CDF on an even grid of [0, 1], with an index into it by probability:
 * `index[j]` is the last grid point whose CDF is at most j / 1024.
 */
export interface CdfTable {
  readonly cdf: Float64Array;
  readonly index: Int32Array;
  /**
   * The quantile at u = j / 1024, read by `tableQuantile` in the body of the distribution.
   * Single precision (error 6e-8, far below the table's 1e-4): a plan holds a few hundred of
   * these and each draw reads all of them, so half the bytes is fewer cache misses.
   */
  readonly quantiles: Float32Array;
}

export function indexCdf(cdf: Float64Array): CdfTable {
  const index = new Int32Array(INDEX_CELLS + 1);
  let k = 0;
  for (let j = 0; j <= INDEX_CELLS; j++) {
    const p = j / INDEX_CELLS;
    while (k + 1 < cdf.length && cdf[k + 1]! <= p) k++;
    index[j] = k;
  }
  const table = { cdf, index, quantiles: new Float32Array(INDEX_CELLS + 1) };
  for (let j = BODY_FROM; j <= INDEX_CELLS - BODY_FROM; j++)
    table.quantiles[j] = invertCdfTable(table, j / INDEX_CELLS);
  return table;
}

/**
 * Probabilities from 16/1024 to 1008/1024 are read from the quantile table (one pair of
 * neighbours, linear between them: within 3.3e-5 of the CDF's own inversion for every mode,
 * measured); the tails, where the quantile bends sharply, invert the CDF table.
 */
export const BODY_FROM = 16;

/** x in [0, 1] at probability u (0 < u < 1) of a tabulated distribution. */
export function tableQuantile(table: CdfTable, u: number): number {
  const x = u * INDEX_CELLS;
  const j = Math.floor(x);
  if (j >= BODY_FROM && j < INDEX_CELLS - BODY_FROM) {
    const q = table.quantiles;
    return q[j]! + (x - j) * (q[j + 1]! - q[j]!);
  }
  return invertCdfTable(table, u);
}

/**
 * x in [0, 1] where the tabulated CDF reaches u (0 < u < 1): the index brackets u within a few
 * grid steps, bisection finds the step, and x is linear within it.
 */
export function invertCdfTable(table: CdfTable, u: number): number {
  const { cdf, index } = table;
  const last = cdf.length - 1;
  const j = Math.min(INDEX_CELLS - 1, Math.floor(u * INDEX_CELLS));
  let lo = index[j]!;
  let hi = Math.min(last, index[j + 1]! + 1);
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid]! <= u) lo = mid;
    else hi = mid;
  }
  const a = cdf[lo]!;
  const b = cdf[hi]!;
  const f = b > a ? (u - a) / (b - a) : 0;
  return (lo + Math.min(1, Math.max(0, f))) / last;
}
