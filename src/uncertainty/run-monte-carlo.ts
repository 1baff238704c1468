import type { Dataset } from "../data/index.ts";
import { MONEY_LINES, type MoneyLine } from "../engine/lines.ts";
import { MONTH_COUNT, type Ledger } from "../engine/ledger.ts";
import { projectFloat } from "../engine/project-float.ts";
import { roundHalfEven } from "../engine/round-half-even.ts";
import { FINANCIAL_YEARS, FY_INDEX_BY_MONTH } from "../engine/timeline.ts";
import type { ScenarioIssue, ScenarioResult } from "../scenario/scenario-issue.ts";
import type { ResolvedScenario } from "../scenario/validate-scenario.ts";
import type { Shape } from "./distributions.ts";
import { describe, type Stats } from "./percentiles.ts";
import { createRng, MAX_SEED } from "./prng.ts";
import { drawBuffers, planSampling, sampleInto, type SamplingOptions } from "./sampler.ts";

export const MAX_DRAWS = 100_000;

export interface MonteCarloOptions extends SamplingOptions {
  /** Number of draws, 1 to 100,000. */
  readonly draws: number;
  /** Seed, a whole number 0 to 2^32 − 1. */
  readonly seed: number;
}

/** Statistics of one money series over the draws, in whole pence. */
export type MoneyStats = Stats;

export interface MonteCarloSummary {
  readonly scenario: string | null;
  readonly hash: string;
  readonly draws: number;
  readonly seed: number;
  /** What was sampled, and how. */
  readonly sampled: readonly {
    readonly id: string;
    readonly shape: Shape;
    readonly correlation: number;
  }[];
  /** Contract-life totals for the nation. */
  readonly national: {
    readonly crcProfitPence: MoneyStats;
    /** Everything MoJ pays (income_total): the taxpayer view. */
    readonly mojSpendPence: MoneyStats;
    /** Sum of the losses of the CRCs that lose money (≥ 0). */
    readonly lossesPence: MoneyStats;
  };
  /** How many CRCs lose money over the contract: P(k) for k = 0…21, and statistics. */
  readonly lossMakingCrcs: { readonly probability: readonly number[]; readonly stats: Stats };
  readonly crcs: readonly {
    readonly crc: string;
    readonly owner: string;
    readonly pLoss: number;
    readonly profitPence: MoneyStats;
  }[];
  readonly owners: readonly {
    readonly owner: string;
    readonly pLoss: number;
    readonly profitPence: MoneyStats;
  }[];
  /** Fan charts: each money line for the nation by financial year. */
  readonly fan: {
    readonly years: readonly string[];
    readonly lines: Readonly<Record<MoneyLine, readonly Stats[]>>;
  };
}

/** Check the run options: every problem, each naming the field and the allowed range. */
export function checkMonteCarloOptions(options: MonteCarloOptions): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const { draws, seed } = options;
  if (!Number.isInteger(draws) || draws < 1 || draws > MAX_DRAWS)
    issues.push({
      path: "draws",
      message: `${String(draws)} is not allowed; draws must be a whole number from 1 to ${MAX_DRAWS}`,
    });
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED)
    issues.push({
      path: "seed",
      message: `${String(seed)} is not allowed; the seed must be a whole number from 0 to ${MAX_SEED}`,
    });
  return issues;
}

const FY_OF = Int32Array.from(FY_INDEX_BY_MONTH);
const FY_N = FINANCIAL_YEARS.length;

/**
 * Seeded Monte Carlo on the float path: each draw samples the uncertain parameters around the
 * resolved scenario (`sampler.ts`), projects with `projectFloat` into one reused ledger, and
 * keeps only small per-draw series: national, per-CRC and per-owner contract totals, and the
 * nation by financial year per money line (13 × 8 numbers), ~(4 + 21 + owners + 104) × 8 bytes
 * per draw. Pure: the same inputs, options and seed give the same summary in Node and Chromium.
 */
export function runMonteCarlo(
  resolved: ResolvedScenario,
  dataset: Dataset,
  options: MonteCarloOptions,
): ScenarioResult<MonteCarloSummary> {
  const optionIssues = checkMonteCarloOptions(options);
  const planned = planSampling(resolved.inputs, dataset, options);
  if (optionIssues.length > 0 || !planned.ok)
    return { ok: false, issues: [...optionIssues, ...(planned.ok ? [] : planned.issues)] };
  const plan = planned.value;
  const { draws, seed } = options;
  const crcs = resolved.inputs.crcs;
  const n = crcs.length;
  const ownerIds = [...new Set(crcs.map((c) => c.ownerId))];
  const ownerOf = Int32Array.from(crcs, (c) => ownerIds.indexOf(c.ownerId));
  const o = ownerIds.length;

  const rng = createRng(seed);
  const buffers = drawBuffers(plan);
  let ledger: Ledger | undefined;

  const nationalProfit = new Float64Array(draws);
  const mojSpend = new Float64Array(draws);
  const losses = new Float64Array(draws);
  const lossCount = new Float64Array(draws);
  const crcProfit = new Float64Array(n * draws);
  const ownerProfit = new Float64Array(o * draws);
  const lines = MONEY_LINES.length;
  const fan = new Float64Array(lines * FY_N * draws);
  const crcLosses = new Int32Array(n);
  const ownerLosses = new Int32Array(o);
  const ownerSum = new Float64Array(o);
  const byYear = new Float64Array(FY_N);

  for (let d = 0; d < draws; d++) {
    sampleInto(plan, rng, buffers);
    ledger = projectFloat(buffers.inputs, ledger);
    const money = ledger.money;
    for (let l = 0; l < lines; l++) {
      const series = money[MONEY_LINES[l]!];
      byYear.fill(0);
      for (let c = 0; c < n; c++) {
        const base = c * MONTH_COUNT;
        for (let m = 0; m < MONTH_COUNT; m++) {
          const y = FY_OF[m]!;
          byYear[y] = byYear[y]! + series[base + m]!;
        }
      }
      for (let y = 0; y < FY_N; y++) fan[(l * FY_N + y) * draws + d] = byYear[y]!;
    }
    const profit = money.profit;
    const income = money.income_total;
    let total = 0;
    let spend = 0;
    let lost = 0;
    let count = 0;
    ownerSum.fill(0);
    for (let c = 0; c < n; c++) {
      const base = c * MONTH_COUNT;
      let p = 0;
      for (let m = 0; m < MONTH_COUNT; m++) {
        p += profit[base + m]!;
        spend += income[base + m]!;
      }
      crcProfit[c * draws + d] = p;
      const k = ownerOf[c]!;
      ownerSum[k] = ownerSum[k]! + p;
      total += p;
      if (p < 0) {
        lost -= p;
        count++;
        crcLosses[c]!++;
      }
    }
    for (let k = 0; k < o; k++) {
      ownerProfit[k * draws + d] = ownerSum[k]!;
      if (ownerSum[k]! < 0) ownerLosses[k]!++;
    }
    nationalProfit[d] = total;
    mojSpend[d] = spend;
    losses[d] = lost;
    lossCount[d] = count;
  }

  const pence = roundHalfEven;
  const series = (all: Float64Array, i: number) => all.subarray(i * draws, (i + 1) * draws);
  const counts = new Int32Array(n + 1);
  for (let d = 0; d < draws; d++) counts[lossCount[d]!]!++;
  const probability = Array.from(counts, (k) => k / draws);
  const fanLines = {} as Record<MoneyLine, Stats[]>;
  MONEY_LINES.forEach((line, l) => {
    fanLines[line] = FINANCIAL_YEARS.map((_, y) => describe(series(fan, l * FY_N + y), pence));
  });
  return {
    ok: true,
    value: {
      scenario: resolved.merged.id ?? null,
      hash: resolved.hash,
      draws,
      seed,
      sampled: plan.parameters.map((p) => ({
        id: p.id,
        shape: p.shape,
        correlation: p.correlation,
      })),
      national: {
        crcProfitPence: describe(nationalProfit, pence),
        mojSpendPence: describe(mojSpend, pence),
        lossesPence: describe(losses, pence),
      },
      lossMakingCrcs: { probability, stats: describe(lossCount) },
      crcs: crcs.map((crc, c) => ({
        crc: crc.id,
        owner: crc.ownerId,
        pLoss: crcLosses[c]! / draws,
        profitPence: describe(series(crcProfit, c), pence),
      })),
      owners: ownerIds.map((owner, k) => ({
        owner,
        pLoss: ownerLosses[k]! / draws,
        profitPence: describe(series(ownerProfit, k), pence),
      })),
      fan: { years: FINANCIAL_YEARS, lines: fanLines },
    },
    warnings: [],
  };
}
