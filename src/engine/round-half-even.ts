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
