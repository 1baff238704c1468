/**
 * Round a float64 to a whole number, ties to even: the float path's counterpart of `toPence`
 * (money.ts), so both paths round a cell the same way. Never returns −0.
 */
export function roundHalfEven(x: number): number {
  // Math.round sends ties up; a tie is exactly .5 away, and then the even neighbour wins.
  const v = Math.abs(x - Math.trunc(x)) === 0.5 ? 2 * Math.round(x / 2) : Math.round(x);
  return v === 0 ? 0 : v;
}
