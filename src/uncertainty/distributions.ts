import { normalCdf, normalQuantile } from "./normal.ts";

/** The shapes a parameter's uncertainty can take (README.md "Distributions"). */
export const SHAPES = ["point", "uniform", "triangular", "pert", "normal"] as const;
export type Shape = (typeof SHAPES)[number];

/**
 * One cell's distribution, in the engine's units: the likely value `mode` (the scenario's value),
 * a plausible range `low`–`high` around it, and hard limits `min`–`max` (the parameter's
 * allowed range) that no draw may leave.
 */
export interface CellRange {
  readonly min: number;
  readonly low: number;
  readonly mode: number;
  readonly high: number;
  readonly max: number;
}

/** Ratio between the plausible range and a normal's standard deviation: low/high are P5/P95. */
const NORMAL_RANGE_SDS = 2 * 1.6448536269514722;

/**
 * The value at probability `u` (0 < u < 1) of `shape` on `range`: every shape is sampled by
 * its quantile function, so one uniform draw gives one value and correlation can be imposed
 * on the uniforms (a Gaussian copula, `sampler.ts`).
 * - point: the mode.
 * - uniform: low to high.
 * - triangular: low, mode, high.
 * - pert: Beta(1 + 4r, 1 + 4(1 − r)) on low–high, r = (mode − low)/(high − low) (`pertQuantile`).
 * - normal: mean = mode, sd = (high − low)/3.29 (low/high as P5/P95), truncated to min–max.
 */
export function quantile(shape: Shape, range: CellRange, u: number): number {
  const { low, mode, high } = range;
  if (shape === "point" || !(high > low)) return mode;
  switch (shape) {
    case "uniform":
      return low + u * (high - low);
    case "triangular": {
      const span = high - low;
      const r = (mode - low) / span;
      return u < r
        ? low + Math.sqrt(u * span * (mode - low))
        : high - Math.sqrt((1 - u) * span * (high - mode));
    }
    case "pert":
      return low + (high - low) * pertQuantile((mode - low) / (high - low), u);
    case "normal": {
      const sd = (high - low) / NORMAL_RANGE_SDS;
      const a = normalCdf((range.min - mode) / sd);
      const b = normalCdf((range.max - mode) / sd);
      const x = mode + sd * normalQuantile(a + u * (b - a));
      return Math.min(range.max, Math.max(range.min, x));
    }
  }
}

/** Knots of the tabulated PERT quantile (uniform in u); error ≲ 1e-4 of the range. */
const PERT_KNOTS = 1024;
const PERT_GRID = 8192;
const pertTables = new Map<number, Float64Array>();

/**
 * Quantile of the standard PERT on [0, 1] with mode r: Beta(1 + 4r, 1 + 4(1 − r)). The beta
 * quantile has no closed form; it is tabulated once per mode (the density integrated by the
 * trapezium rule on 8,192 intervals, inverted at 1,025 equally spaced probabilities) and read by
 * linear interpolation. The table is a pure function of r, so caching it is invisible.
 */
export function pertQuantile(r: number, u: number): number {
  let table = pertTables.get(r);
  if (table === undefined) {
    table = pertTable(r);
    pertTables.set(r, table);
  }
  const x = u * PERT_KNOTS;
  const i = Math.min(PERT_KNOTS - 1, Math.floor(x));
  const f = x - i;
  return table[i]! + f * (table[i + 1]! - table[i]!);
}

function pertTable(r: number): Float64Array {
  const alpha = 1 + 4 * r;
  const beta = 1 + 4 * (1 - r);
  // Unnormalised density x^(α−1) (1−x)^(β−1), finite on [0, 1] since α, β ≥ 1.
  const density = (x: number) => Math.pow(x, alpha - 1) * Math.pow(1 - x, beta - 1);
  const cdf = new Float64Array(PERT_GRID + 1);
  let previous = density(0);
  for (let k = 1; k <= PERT_GRID; k++) {
    const d = density(k / PERT_GRID);
    cdf[k] = cdf[k - 1]! + (previous + d) / 2;
    previous = d;
  }
  const total = cdf[PERT_GRID]!;
  const table = new Float64Array(PERT_KNOTS + 1);
  let k = 0;
  for (let j = 0; j <= PERT_KNOTS; j++) {
    const target = (j / PERT_KNOTS) * total;
    while (k < PERT_GRID && cdf[k + 1]! < target) k++;
    if (k >= PERT_GRID) {
      table[j] = 1;
      continue;
    }
    const lo = cdf[k]!;
    const hi = cdf[k + 1]!;
    const f = hi > lo ? (target - lo) / (hi - lo) : 0;
    table[j] = Math.min(1, (k + f) / PERT_GRID);
  }
  table[0] = 0;
  table[PERT_KNOTS] = 1;
  return table;
}
