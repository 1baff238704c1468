/**
 * Round a float64 to a whole number, ties to even: the float path's counterpart of `toPence`
 * (money.ts), so both paths round a cell the same way. Never returns −0; NaN stays NaN.
 */
export function roundHalfEven(x: number): number {
  // Math.round sends ties up, so a tie is exactly 0.5 below the result (r − x is exact here:
  // r and x are within 0.5 of each other); then the even neighbour, r − 1, wins if r is odd.
  const r = Math.round(x);
  if (r - x === 0.5 && r % 2 !== 0) return r - 1;
  return r === 0 ? 0 : r;
}

/**
 * How far (in pence) from a half-penny a float cell may land and still be read as that tie:
 * 1e-7 pence, or 1e-12 of the cell for large cells. Float64 arithmetic over a rule's dozen
 * operations errs by a few ulps (~1e-8 pence on a £1m cell), far inside this band.
 */
export function tieBand(x: number): number {
  return Math.max(1e-7, Math.abs(x) * 1e-12);
}

/**
 * Round a float path cell to whole pence as the exact ledger would. A rule's exact value can be
 * a half-penny tie (e.g. £X × 0.29 / 12 with few significant digits in every input), which float
 * arithmetic puts a hair either side of .5 and so rounds the wrong way (found by the sensitivity
 * tests: one service-credit cell, one penny). Within `tieBand` of a tie the value is taken as the
 * tie and rounded to even. Inputs with a handful of significant digits make exact ties common
 * and exact values within 1e-7 pence of a tie, but not on it, practically impossible; the
 * float-vs-exact property tests check the two ledgers agree.
 */
export function roundCellHalfEven(x: number): number {
  const floor = Math.floor(x);
  const off = x - (floor + 0.5);
  const distance = Math.abs(off);
  // Outside the band (|off| > tieBand(x), written without calls: this runs for every rounded
  // cell of every Monte Carlo draw): x is not a tie, so the nearest whole number, as
  // roundHalfEven gives it. Then |x| < 5e11 (beyond, the band is ≥ 0.5), so off is exact, in
  // (−0.5, 0.5) and not 0: ceil(off) is 1 above the tie, −0 below it, with no branch to
  // mispredict on random draws (issue #6 profile); `+ 0` turns −0 into 0.
  if (distance > 1e-7 && distance > Math.abs(x) * 1e-12) return floor + Math.ceil(off) + 0;
  // Within the band, and NaN or ±Infinity (which stay as they are).
  return floor % 2 === 0 ? floor + 0 : floor + 1;
}

/**
 * Float error allowed for, relative to a cell's scale (the largest magnitude among the terms
 * that make it): a rule's dozen or so float operations err by at most ~20 ulps, 2.2e-15, so
 * this is ten times that.
 */
export const FLOAT_ERROR = 2e-14;

/**
 * A float path cell rounded to whole pence, or NaN when float arithmetic cannot tell which way
 * the exact ledger rounds it: within `FLOAT_ERROR × scale` of a half-penny (and for NaN). The
 * float path then settles the cell on the exact path (exact-cells.ts), which decides exact ties
 * (half to even) and the exact path's own hair either side of one alike.
 *
 * `scale` bounds the magnitude of the terms the cell was computed from, so that float error is
 * below the band even where terms cancel (a non-staff share of 0.12 from 0.77 − 0.65, a FTE
 * path cut close to zero); it is at least |x| (a product's own size).
 */
export function roundCellUnlessTie(x: number, scale: number): number {
  // As in roundCellHalfEven: outside the band, the nearest whole number, without a branch.
  const floor = Math.floor(x);
  const off = x - (floor + 0.5);
  if (Math.abs(off) > Math.abs(scale) * FLOAT_ERROR + 1e-12) return floor + Math.ceil(off) + 0;
  return Number.NaN;
}

/**
 * `roundCellUnlessTie` with the band given (`FLOAT_ERROR × scale`, worked out once where a
 * scale is the same for many cells): the nearest whole number if x is more than `band` (and
 * 1e-12) from a half-penny, else NaN.
 */
export function roundCellOutsideBand(x: number, band: number): number {
  const floor = Math.floor(x);
  const off = x - (floor + 0.5);
  // As in roundCellHalfEven: outside the band, the nearest whole number, without a branch.
  if (Math.abs(off) > band + 1e-12) return floor + Math.ceil(off) + 0;
  return Number.NaN;
}

/** The band `roundCellUnlessTie` allows a cell of this scale (`roundCellOutsideBand`). */
export function cellBand(scale: number): number {
  return Math.abs(scale) * FLOAT_ERROR;
}
