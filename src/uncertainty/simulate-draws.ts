import { INCOME_LINES, MONEY_LINES } from "../engine/lines.ts";
import { floatSumsProjector, SUMMED_LINES } from "../engine/project-float.ts";
import { FINANCIAL_YEARS } from "../engine/timeline.ts";
import { ownersOf, type MonteCarloRun } from "./monte-carlo-run.ts";
import { applyPosteriorDraw, bindPosterior } from "./posterior-draws.ts";
import { createRng } from "./prng.ts";
import { drawBuffers, sampleInto, sampleSlots } from "./sampler.ts";

const FY_N = FINANCIAL_YEARS.length;
/** The ten income and cost lines, in projectFloat's `lineYearSums` order (income lines first). */
const BASE_LINES = SUMMED_LINES;
const LINE_YEARS = BASE_LINES.length * FY_N;
const INCOME_YEARS = INCOME_LINES.length * FY_N;
const BASE_LINE_INDEX = Int32Array.from(BASE_LINES, (line) => MONEY_LINES.indexOf(line));
const PROFIT = MONEY_LINES.indexOf("profit");
const INCOME_TOTAL = MONEY_LINES.indexOf("income_total");
const COST_TOTAL = MONEY_LINES.indexOf("cost_total");

/**
 * The sum of `values[from … to)`, each also added into `into[i + shift]` unless `into` is null.
 * Four running sums, not one: each addition waits for the one before it, and four chains run
 * side by side (twice as fast here, bench/NOTES.md). Every value is whole pence and every partial
 * sum below 2^53, so the sum is exact and the same in any order.
 */
function addUp(
  values: Float64Array,
  from: number,
  to: number,
  into: Float64Array | null,
  shift: number,
): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = from;
  for (; i + 3 < to; i += 4) {
    const v0 = values[i]!;
    const v1 = values[i + 1]!;
    const v2 = values[i + 2]!;
    const v3 = values[i + 3]!;
    s0 += v0;
    s1 += v1;
    s2 += v2;
    s3 += v3;
    if (into !== null) {
      const j = i + shift;
      into[j] = into[j]! + v0;
      into[j + 1] = into[j + 1]! + v1;
      into[j + 2] = into[j + 2]! + v2;
      into[j + 3] = into[j + 3]! + v3;
    }
  }
  for (; i < to; i++) {
    const v = values[i]!;
    s0 += v;
    if (into !== null) into[i + shift] = into[i + shift]! + v;
  }
  return s0 + s1 + (s2 + s3);
}

/** The fan's series: its money lines by financial year. */
const FAN_SERIES = MONEY_LINES.length * FY_N;
/** Draws whose fan values are gathered before they are written to their series. */
const BLOCK = 64;

/** Draws [from, to] of the fan, from their rows of `block` to their series in `fan`. */
function flushFan(block: Float64Array, fan: Float64Array, count: number, from: number, to: number) {
  for (let i = 0; i < FAN_SERIES; i++) {
    const at = i * count;
    for (let d = from, row = i; d <= to; d++, row += FAN_SERIES) fan[at + d] = block[row]!;
  }
}

/** Draws between two `onProgress` calls. */
export const PROGRESS_EVERY = 1000;

/**
 * The per-draw totals of draws [from, to) of a run: plain data of typed arrays (structured-
 * cloneable, its buffers transferable), so halves of a run can be drawn in two workers and
 * summarised in one. Series are stored one after another: value i of draw `from + k` is at
 * `i * (to − from) + k`.
 */
export interface DrawsPart {
  readonly from: number;
  readonly to: number;
  /** National contract-life profit, MoJ spend, losses and loss-making CRCs, per draw. */
  readonly nationalProfit: Float64Array;
  readonly mojSpend: Float64Array;
  readonly losses: Float64Array;
  readonly lossCount: Float64Array;
  /** Each CRC's contract-life profit (CRC-major). */
  readonly crcProfit: Float64Array;
  /** Each owner's contract-life profit (owner-major). */
  readonly ownerProfit: Float64Array;
  /** The fan's money lines by financial year ((line × year)-major). */
  readonly fan: Float64Array;
  /** Draws in which the nation, each CRC, each owner loses money over the contract. */
  readonly nationalLosses: number;
  readonly crcLosses: Int32Array;
  readonly ownerLosses: Int32Array;
}

/**
 * Draw [from, to) of a prepared run (`prepareMonteCarlo`). Draw d samples with its own
 * generator `createRng(seed, d)` (prng.ts), so a draw's numbers do not depend on where the range
 * starts: any split of [0, draws) gives, part by part, the draws of the whole. Each draw samples
 * the uncertain parameters around the resolved scenario (`sampleInto`, no allocation), projects
 * with `projectFloatSums` (bound once, `floatSumsProjector`; no ledger: each CRC's lines by
 * year), and keeps only small per-draw totals: each CRC's and owner's contract-life profit, national profit, MoJ spend and losses, the number of
 * loss-making CRCs, and the fan's money lines by financial year (13 × 8): (4 + 21 + 8 + 104) × 8
 * bytes ≈ 1.1 kB per draw, ~11 MB for 10,000 draws; never every line and month of every draw.
 * `onProgress(done)` is called after every 1,000th draw of the part (`done` counts the part's
 * draws); it must not throw.
 */
export function simulateDraws(
  run: MonteCarloRun,
  from: number,
  to: number,
  onProgress?: (done: number) => void,
): DrawsPart {
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from || to > run.draws)
    throw new RangeError(`draws [${from}, ${to}) are not within [0, ${run.draws})`);
  const { plan, seed } = run;
  const count = to - from;
  const n = plan.base.crcs.length;
  const owners = ownersOf(run);
  const ownerOf = owners.of;
  const o = owners.ids.length;
  const inFan = new Uint8Array(n);
  for (const c of run.fanCrcs) inFan[c] = 1;

  const buffers = drawBuffers(plan);
  const post = run.posterior;
  const binding = post === null ? null : bindPosterior(post, plan, buffers);

  const nationalProfit = new Float64Array(count);
  const mojSpend = new Float64Array(count);
  const losses = new Float64Array(count);
  const lossCount = new Float64Array(count);
  const crcProfit = new Float64Array(n * count);
  const ownerProfit = new Float64Array(o * count);
  const fan = new Float64Array(MONEY_LINES.length * FY_N * count);
  let nationalLosses = 0;
  const crcLosses = new Int32Array(n);
  const ownerLosses = new Int32Array(o);
  const ownerSum = new Float64Array(o);
  const crcTotal = new Float64Array(n);
  const crcIncome = new Float64Array(n);
  const crcCost = new Float64Array(n);
  /** Each CRC's ten lines by year (projectFloat's `lineYearSums`), and the fan CRCs'. */
  const sums = new Float64Array(n * LINE_YEARS);
  const lineYear = new Float64Array(LINE_YEARS);
  const block = new Float64Array(BLOCK * FAN_SERIES);
  const projector = floatSumsProjector(buffers.inputs);

  for (let d = 0; d < count; d++) {
    if (post === null) sampleInto(plan, createRng(seed, from + d), buffers);
    else {
      // The parameters the posterior draw replaces are not drawn first (`replaced`).
      sampleSlots(plan, createRng(seed, from + d), buffers, binding!.replaced);
      applyPosteriorDraw(post, binding!, plan, buffers, seed, from + d);
    }
    projector.project(sums);
    // Only the ten income and cost lines' sums by year are read: their totals give
    // income_total, cost_total and profit exactly (every cell and partial sum is a whole number
    // of pence below 2^53, so the sums are the same in any order).
    // One pass over each CRC's sums: its income and cost, and the fan's lines if it is in the fan.
    lineYear.fill(0);
    for (let c = 0; c < n; c++) {
      const at = c * LINE_YEARS;
      crcIncome[c] = addUp(sums, at, at + INCOME_YEARS, inFan[c] === 1 ? lineYear : null, -at);
      crcCost[c] = addUp(
        sums,
        at + INCOME_YEARS,
        at + LINE_YEARS,
        inFan[c] === 1 ? lineYear : null,
        -at,
      );
    }
    // The fan's values of this draw go to its row of `block`, and a block's rows to `fan` when
    // it is full: one series at a time, in runs of BLOCK draws, where writing each value straight
    // to its series (a stride of `count` values) touched a new cache line and page each time.
    const row = (d % BLOCK) * FAN_SERIES;
    for (let y = 0; y < FY_N; y++) {
      let income = 0;
      let cost = 0;
      for (let b = 0; b < BASE_LINES.length; b++) {
        const v = lineYear[b * FY_N + y]!;
        block[row + BASE_LINE_INDEX[b]! * FY_N + y] = v;
        if (b < INCOME_LINES.length) income += v;
        else cost += v;
      }
      block[row + INCOME_TOTAL * FY_N + y] = income;
      block[row + COST_TOTAL * FY_N + y] = cost;
      block[row + PROFIT * FY_N + y] = income - cost;
    }
    if (d % BLOCK === BLOCK - 1 || d === count - 1) flushFan(block, fan, count, d - (d % BLOCK), d);
    let spend = 0;
    for (let c = 0; c < n; c++) {
      crcTotal[c] = crcIncome[c]! - crcCost[c]!;
      spend += crcIncome[c]!;
    }
    let total = 0;
    let lost = 0;
    let lossMaking = 0;
    ownerSum.fill(0);
    for (let c = 0; c < n; c++) {
      const p = crcTotal[c]!;
      crcProfit[c * count + d] = p;
      const k = ownerOf[c]!;
      ownerSum[k] = ownerSum[k]! + p;
      total += p;
      if (p < 0) {
        lost -= p;
        lossMaking++;
        crcLosses[c]!++;
      }
    }
    for (let k = 0; k < o; k++) {
      ownerProfit[k * count + d] = ownerSum[k]!;
      if (ownerSum[k]! < 0) ownerLosses[k]!++;
    }
    nationalProfit[d] = total;
    if (total < 0) nationalLosses++;
    mojSpend[d] = spend;
    losses[d] = lost;
    lossCount[d] = lossMaking;
    if (onProgress !== undefined && (d + 1) % PROGRESS_EVERY === 0) onProgress(d + 1);
  }
  return {
    from,
    to,
    nationalProfit,
    mojSpend,
    losses,
    lossCount,
    crcProfit,
    ownerProfit,
    fan,
    nationalLosses,
    crcLosses,
    ownerLosses,
  };
}
