/**
 * The rules that need several parameters at once, in one place: validation refuses a scenario
 * that breaks one (src/scenario/check-resolved-inputs.ts, naming the path to change), and the
 * Monte Carlo's draws (src/uncertainty/sampler.ts) and the tornado's swung ends
 * (src/sensitivity/hold-in-range.ts, src/scenario/hold-staffing.ts) are held inside them.
 * Each is a plain predicate or hold on numbers, so the three agree by construction.
 */

/**
 * Staff count as fixed costs (non-staff-cost.ts: the fixed share f − σ must not be negative),
 * so the staff share σ must not exceed the fixed share f.
 */
export function staffWithinFixed(staffShare: number, fixedShare: number): boolean {
  return staffShare <= fixedShare;
}

/** The staff share held at or below the fixed share (`staffWithinFixed`). */
export function staffShareHeld(staffShare: number, fixedShare: number): number {
  return Math.min(staffShare, fixedShare);
}

/**
 * The lowest FTE of a CRC's staffing path (staffing.ts): a straight line from FTE14 to
 * FTE14 + scale × (FTE17 − FTE14), so at one of its ends.
 */
export function lowestFte(fteJune2014: number, fteJune2017: number, cutScale: number): number {
  return Math.min(fteJune2014, fteJune2014 + cutScale * (fteJune2017 - fteJune2014));
}

/** Staffing stays above 0 FTE: the workload index (workload.ts) divides by it. */
export function staffingAbove0(
  fteJune2014: number,
  fteJune2017: number,
  cutScale: number,
): boolean {
  return fteJune2014 > 0 && fteJune2014 + cutScale * (fteJune2017 - fteJune2014) > 0;
}

/**
 * The effective shortfall of a year after 2017-18 (2017-18 plus the trend, effective-shortfall.ts)
 * stays inside the 2017-18 row's range.
 */
export function shortfallWithin(shortfall: number, min: number, max: number): boolean {
  return !(shortfall < min || shortfall > max);
}

/** The effective shortfall held inside the row's range (`shortfallWithin`). */
export function shortfallHeld(shortfall: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, shortfall));
}

/**
 * 1 + x is a divisor above 0: non-staff cost divides by 1 + the bid margin, redundancy by 1 +
 * the on-cost rate.
 */
export function onePlusAbove0(x: number): boolean {
  return 1 + x > 0;
}
