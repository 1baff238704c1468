import { createRng } from "../uncertainty/prng.ts";

/**
 * Shapley values of a cooperative game (issue #17), in exact integer arithmetic. Players are
 * numbered 0 … k − 1; a coalition says which players take part (1) and which do not (0); `value`
 * gives a coalition's worth as a safe integer (pence). Pure: no engine, no clock, no
 * `Math.random`.
 *
 * Player i's Shapley value is its marginal effect v(S ∪ {i}) − v(S) averaged over every order in
 * which the players could join, so the values add up exactly to v(all) − v(none), do not depend
 * on how the players are numbered, are equal for players with equal effects (symmetry) and are 0
 * for a player that never changes the worth (null player).
 */
export type Coalition = Uint8Array;
export type CoalitionValue = (members: Coalition) => number;

export interface ShapleyShares {
  /** Each player's value times `denominator`: whole numbers, so nothing is lost to rounding. */
  readonly numerators: readonly bigint[];
  readonly denominator: bigint;
  /**
   * Sampled values only: each player's standard error (in the value's unit) as estimated from
   * the spread of its marginal effects over the sampled orders; `null` when exact.
   */
  readonly standardErrors: readonly number[] | null;
  /** How many coalitions were valued (calls of `value`). */
  readonly evaluations: number;
}

/** The most players `shapleyExact` takes: 2^k coalitions are valued. */
export const EXACT_PLAYERS_LIMIT = 20;

function checkedWorth(worth: number): bigint {
  if (!Number.isSafeInteger(worth))
    throw new RangeError(`shapley: a coalition's worth must be a safe integer, got ${worth}`);
  return BigInt(worth);
}

function factorials(k: number): bigint[] {
  const f = [1n];
  for (let n = 1; n <= k; n++) f.push(f[n - 1]! * BigInt(n));
  return f;
}

/**
 * Exact Shapley values from all 2^k coalitions: player i's numerator is
 * Σ over coalitions S without i of |S|! (k − 1 − |S|)! × (v(S ∪ {i}) − v(S)), over k!.
 */
export function shapleyExact(players: number, value: CoalitionValue): ShapleyShares {
  if (!Number.isInteger(players) || players < 0 || players > EXACT_PLAYERS_LIMIT)
    throw new RangeError(
      `shapleyExact: players must be a whole number from 0 to ${EXACT_PLAYERS_LIMIT}, got ${players}`,
    );
  const count = 2 ** players;
  const worth: bigint[] = new Array<bigint>(count);
  const members = new Uint8Array(players);
  for (let mask = 0; mask < count; mask++) {
    for (let i = 0; i < players; i++) members[i] = (mask >>> i) & 1;
    worth[mask] = checkedWorth(value(members));
  }
  const f = factorials(players);
  const weight = (size: number) => f[size]! * f[players - 1 - size]!;
  const numerators = new Array<bigint>(players).fill(0n);
  for (let mask = 0; mask < count; mask++) {
    const size = popcount(mask);
    for (let i = 0; i < players; i++) {
      const bit = 1 << i;
      if (mask & bit) continue;
      numerators[i]! += weight(size) * (worth[mask | bit]! - worth[mask]!);
    }
  }
  return { numerators, denominator: f[players]!, standardErrors: null, evaluations: count };
}

function popcount(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n;
}

export interface SamplingOptions {
  /** Orders to sample (rounded up to an even number: each order is also walked in reverse). */
  readonly permutations: number;
  /** Seeds the project's PRNG (sfc32), so Node and every browser sample the same orders. */
  readonly seed: number;
}

/** A uniformly random order of 0 … k − 1 (Fisher–Yates) from stream `stream` of `seed`. */
export function randomOrder(players: number, seed: number, stream: number): number[] {
  const rng = createRng(seed, stream);
  const order = Array.from({ length: players }, (_, i) => i);
  for (let i = players - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/**
 * Shapley values estimated from sampled orders, for games with too many players to value every
 * coalition. Order p (p = 0, 1, …) is drawn from stream p of the seed and walked forwards and
 * then backwards (antithetic pairs: a player early in one walk is late in the other, which
 * cancels much of the sampling error). Each walk's marginal effects add up exactly to
 * v(all) − v(none), so the estimates do too: the numerators are the sums of the marginal
 * effects, the denominator the number of walks. The standard error of each player's estimate is
 * the spread of its pair means over √pairs. Coalitions met twice are valued once.
 */
export function shapleySampled(
  players: number,
  value: CoalitionValue,
  options: SamplingOptions,
): ShapleyShares {
  const pairs = Math.max(2, Math.ceil(options.permutations / 2));
  if (!Number.isInteger(options.seed) || options.seed < 0 || options.seed > 0xffffffff)
    throw new RangeError(`shapleySampled: seed must be 0 to 2^32 − 1, got ${options.seed}`);
  const known = new Map<string, bigint>();
  let evaluations = 0;
  const worthOf = (members: Coalition): bigint => {
    const key = members.join("");
    let w = known.get(key);
    if (w === undefined) {
      w = checkedWorth(value(members));
      evaluations++;
      known.set(key, w);
    }
    return w;
  };
  const numerators = new Array<bigint>(players).fill(0n);
  // Each player's running mean of its pair means and sum of squared deviations (Welford's
  // method: no cancellation between large squares), for the standard error; float, since an
  // estimate's spread needs no exactness.
  const mean = new Float64Array(players);
  const m2 = new Float64Array(players);
  const members = new Uint8Array(players);
  const marginal = new Array<bigint>(players);
  const walk = (order: readonly number[]) => {
    members.fill(0);
    let previous = worthOf(members);
    for (const i of order) {
      members[i] = 1;
      const now = worthOf(members);
      marginal[i] = now - previous;
      previous = now;
    }
  };
  for (let p = 0; p < pairs; p++) {
    const order = randomOrder(players, options.seed, p);
    walk(order);
    const forward = [...marginal];
    walk([...order].reverse());
    for (let i = 0; i < players; i++) {
      numerators[i]! += forward[i]! + marginal[i]!;
      const x = Number(forward[i]! + marginal[i]!) / 2;
      const step = x - mean[i]!;
      mean[i]! += step / (p + 1);
      m2[i]! += step * (x - mean[i]!);
    }
  }
  const standardErrors = Array.from(m2, (s) => Math.sqrt(s / (pairs - 1) / pairs));
  return { numerators, denominator: BigInt(2 * pairs), standardErrors, evaluations };
}
