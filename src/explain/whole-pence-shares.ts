/**
 * Round exact fractional shares n_i / d of a whole number of pence to whole pence that add up to
 * it exactly (largest-remainder method; issue #17). Each share is rounded down; the pence left
 * over go one each to the shares with the largest remainders, ties to the smaller id (plain
 * string order, the same in every engine), so the result is deterministic and independent of
 * the order the shares are listed in. Every part is its exact share rounded down or up; a share
 * that is a whole number (a null player's 0) gets exactly that. Negative shares round down
 * towards −∞ like the rest, so signs need no special case.
 */
export function wholePenceShares(
  numerators: readonly bigint[],
  denominator: bigint,
  totalPence: number,
  ids: readonly string[],
): number[] {
  if (denominator <= 0n)
    throw new RangeError(`wholePenceShares: denominator must be positive, got ${denominator}`);
  if (ids.length !== numerators.length) throw new RangeError("wholePenceShares: one id per share");
  if (!Number.isSafeInteger(totalPence))
    throw new RangeError(`wholePenceShares: total must be a safe integer, got ${totalPence}`);
  const total = BigInt(totalPence);
  const sum = numerators.reduce((s, n) => s + n, 0n);
  if (sum !== total * denominator)
    throw new RangeError(
      `wholePenceShares: shares add up to ${sum}/${denominator}, not the total ${totalPence}`,
    );
  const floors = numerators.map((n) => floorDiv(n, denominator));
  const order = numerators
    .map((n, i) => ({ i, id: ids[i]!, remainder: n - floors[i]! * denominator }))
    .filter((x) => x.remainder > 0n)
    .sort((x, y) =>
      x.remainder === y.remainder
        ? x.id < y.id
          ? -1
          : x.id > y.id
            ? 1
            : x.i - y.i
        : x.remainder > y.remainder
          ? -1
          : 1,
    );
  // The remainders add up to `left` × denominator, each below the denominator, so at least
  // `left` + 1 of them are positive whenever `left` > 0: `order` is long enough.
  let left = total - floors.reduce((s, f) => s + f, 0n);
  const parts = [...floors];
  for (let k = 0; left > 0n; k++, left--) parts[order[k]!.i]! += 1n;
  if (parts.some((p) => p > MAX || p < -MAX))
    throw new RangeError("wholePenceShares: a share is beyond a safe integer of pence");
  return parts.map((p) => Number(p));
}

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

function floorDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  return n % d !== 0n && n < 0n ? q - 1n : q;
}
