import type { Dataset } from "../data/index.ts";
import { COST_LINES, INCOME_LINES, MONEY_LINES, type MoneyLine } from "../engine/lines.ts";
import { MONTH_COUNT, type Ledger } from "../engine/ledger.ts";
import { projectFloat } from "../engine/project-float.ts";
import { roundHalfEven } from "../engine/round-half-even.ts";
import { FINANCIAL_YEARS, FY_INDEX_BY_MONTH } from "../engine/timeline.ts";
import { didYouMean, type ScenarioIssue, type ScenarioResult } from "../scenario/scenario-issue.ts";
import {
  DEFAULT_DRAWS,
  DEFAULT_SEED,
  DEFAULT_SHAPE,
  mergeUncertainty,
  parseUncertainty,
  type Shape,
  type UncertaintySettings,
} from "../scenario/uncertainty-settings.ts";
import type { ResolvedScenario } from "../scenario/validate-scenario.ts";
import { describe, type Stats } from "./percentiles.ts";
import { planSampling, type SamplingPlan } from "./plan-sampling.ts";
import { createRng } from "./prng.ts";
import { drawBuffers, sampleInto } from "./sampler.ts";

/**
 * Run options: the uncertainty settings (src/scenario/uncertainty-settings.ts), laid over the
 * scenario's own `uncertainty` block key by key, plus what the fan chart shows.
 */
export interface MonteCarloOptions extends UncertaintySettings {
  /** Whose lines the fan shows: "ALL" (the nation, the default), an owner id or a CRC id. */
  readonly fanOf?: string;
}

/** Statistics of one money series over the draws, in whole pence (rounded half to even). */
export type MoneyStats = Stats;

export interface MonteCarloSummary {
  readonly scenario: string | null;
  /** The scenario's hash (its projection; the settings below say how it was sampled). */
  readonly hash: string;
  readonly draws: number;
  readonly seed: number;
  /** Shape of the parameters not given their own. */
  readonly shape: Shape;
  /** What was sampled, and how. */
  readonly sampled: readonly {
    readonly id: string;
    readonly shape: Shape;
    readonly correlation: number;
    readonly range: "data" | "settings";
  }[];
  /** Contract-life totals for the nation. */
  readonly national: {
    /** Share of draws in which the CRCs together lose money over the contract. */
    readonly pLoss: number;
    readonly crcProfitPence: MoneyStats;
    /** Everything MoJ pays (income_total): the taxpayer view. */
    readonly mojSpendPence: MoneyStats;
    /** Sum of the losses of the CRCs that lose money over the contract (≥ 0). */
    readonly lossesPence: MoneyStats;
  };
  /** How many CRCs lose money over the contract: P(k) for k = 0…21, and statistics. */
  readonly lossMakingCrcs: { readonly probability: readonly number[]; readonly stats: Stats };
  readonly crcs: readonly {
    readonly crc: string;
    readonly owner: string;
    /** Share of draws in which the CRC's contract-life profit is below 0. */
    readonly pLoss: number;
    readonly profitPence: MoneyStats;
  }[];
  readonly owners: readonly {
    readonly owner: string;
    readonly pLoss: number;
    readonly profitPence: MoneyStats;
  }[];
  /** Fan charts: each money line of `of` by financial year. */
  readonly fan: {
    readonly of: string;
    readonly years: readonly string[];
    readonly lines: Readonly<Record<MoneyLine, readonly Stats[]>>;
  };
}

/** A run ready to go: the plan and the settled options. */
export interface MonteCarloRun {
  readonly plan: SamplingPlan;
  readonly draws: number;
  readonly seed: number;
  readonly shape: Shape;
  readonly fanOf: string;
  /** CRC indices the fan adds up. */
  readonly fanCrcs: readonly number[];
  readonly warnings: readonly ScenarioIssue[];
}

/**
 * Settle a run's options: the options' form (draws 1–100,000, seed 0–2^32−1, shapes,
 * correlations 0–1, `fanOf`), then the scenario's settings with the options over them, checked
 * against the data (`planSampling`). Every problem names its field and what is allowed.
 */
export function prepareMonteCarlo(
  resolved: ResolvedScenario,
  dataset: Dataset,
  options: MonteCarloOptions = {},
): ScenarioResult<MonteCarloRun> {
  const { fanOf: rawFanOf, ...rest } = options;
  const parsed = parseUncertainty(rest, "");
  const issues: ScenarioIssue[] = [...parsed.issues];
  const crcs = resolved.inputs.crcs;
  const fanOf = rawFanOf ?? "ALL";
  const ownerIds = new Set(crcs.map((c) => c.ownerId));
  const fanCrcs =
    fanOf === "ALL"
      ? crcs.map((_, c) => c)
      : crcs.flatMap((crc, c) => (crc.id === fanOf || crc.ownerId === fanOf ? [c] : []));
  if (fanCrcs.length === 0) {
    const names = ["ALL", ...crcs.map((c) => c.id), ...ownerIds];
    issues.push({
      path: "fanOf",
      message: `${JSON.stringify(fanOf)} is not ALL, a CRC or an owner${didYouMean(String(fanOf), names)}`,
    });
  }
  if (issues.length > 0) return { ok: false, issues };
  const settings = mergeUncertainty(resolved.merged.uncertainty, parsed.settings) ?? {};
  const planned = planSampling(resolved.inputs, dataset, settings, "");
  if (!planned.ok) return planned;
  return {
    ok: true,
    value: {
      plan: planned.value,
      draws: settings.draws ?? DEFAULT_DRAWS,
      seed: settings.seed ?? DEFAULT_SEED,
      shape: settings.shape ?? DEFAULT_SHAPE,
      fanOf,
      fanCrcs,
      warnings: planned.warnings,
    },
    warnings: planned.warnings,
  };
}

const FY_N = FINANCIAL_YEARS.length;
/** First and last month of each financial year (months of a year are contiguous). */
const FY_FIRST = Int32Array.from(FINANCIAL_YEARS, (_, y) => FY_INDEX_BY_MONTH.indexOf(y));
const FY_LAST = Int32Array.from(FINANCIAL_YEARS, (_, y) => FY_INDEX_BY_MONTH.lastIndexOf(y));
const BASE_LINES = [...INCOME_LINES, ...COST_LINES] as const;
const BASE_LINE_INDEX = Int32Array.from(BASE_LINES, (line) => MONEY_LINES.indexOf(line));
const PROFIT = MONEY_LINES.indexOf("profit");
const INCOME_TOTAL = MONEY_LINES.indexOf("income_total");
const COST_TOTAL = MONEY_LINES.indexOf("cost_total");

/**
 * Seeded Monte Carlo on the float path: each draw samples the uncertain parameters around the
 * resolved scenario (`sampleInto`, no allocation), projects with `projectFloat` into one reused
 * ledger, and keeps only small per-draw totals: each CRC's and owner's contract-life profit,
 * national profit, MoJ spend and losses, the number of loss-making CRCs, and the fan's money
 * lines by financial year (13 × 8): (4 + 21 + 8 + 104) × 8 bytes ≈ 1.1 kB per draw, ~11 MB for
 * 10,000 draws; never every line and month of every draw. Pure: the same scenario, data and
 * options give the same summary in Node and in Chromium.
 */
export function runMonteCarlo(
  resolved: ResolvedScenario,
  dataset: Dataset,
  options: MonteCarloOptions = {},
): ScenarioResult<MonteCarloSummary> {
  const prepared = prepareMonteCarlo(resolved, dataset, options);
  if (!prepared.ok) return prepared;
  return {
    ok: true,
    value: simulateMonteCarlo(prepared.value, resolved),
    warnings: prepared.warnings,
  };
}

/** Draws between two `onProgress` calls. */
export const PROGRESS_EVERY = 1000;

/**
 * Run a prepared Monte Carlo (`prepareMonteCarlo`) and summarise it. `onProgress(done)` is
 * called after every 1,000th draw and once more when the summary is built (for a progress bar,
 * or the benchmark's memory sampling); it must not throw.
 */
export function simulateMonteCarlo(
  run: MonteCarloRun,
  scenario: Pick<ResolvedScenario, "merged" | "hash">,
  onProgress?: (done: number) => void,
): MonteCarloSummary {
  const { plan, draws, seed } = run;
  const crcs = plan.base.crcs;
  const n = crcs.length;
  const ownerIds = [...new Set(crcs.map((c) => c.ownerId))];
  const ownerOf = Int32Array.from(crcs, (c) => ownerIds.indexOf(c.ownerId));
  const o = ownerIds.length;
  const inFan = new Uint8Array(n);
  for (const c of run.fanCrcs) inFan[c] = 1;

  const rng = createRng(seed);
  const buffers = drawBuffers(plan);
  let ledger: Ledger | undefined;

  const nationalProfit = new Float64Array(draws);
  const mojSpend = new Float64Array(draws);
  const losses = new Float64Array(draws);
  const lossCount = new Float64Array(draws);
  const crcProfit = new Float64Array(n * draws);
  const ownerProfit = new Float64Array(o * draws);
  const fan = new Float64Array(MONEY_LINES.length * FY_N * draws);
  let nationalLosses = 0;
  const crcLosses = new Int32Array(n);
  const ownerLosses = new Int32Array(o);
  const ownerSum = new Float64Array(o);
  const crcTotal = new Float64Array(n);
  const crcIncome = new Float64Array(n);
  const crcCost = new Float64Array(n);
  const byYear = new Float64Array(FY_N);
  const incomeY = new Float64Array(FY_N);
  const costY = new Float64Array(FY_N);

  for (let d = 0; d < draws; d++) {
    sampleInto(plan, rng, buffers);
    ledger = projectFloat(buffers.inputs, ledger);
    const money = ledger.money;
    // Only the ten income and cost lines are read: their totals give income_total, cost_total
    // and profit exactly (every cell and partial sum is a whole number of pence below 2^53).
    crcIncome.fill(0);
    crcCost.fill(0);
    incomeY.fill(0);
    costY.fill(0);
    for (let b = 0; b < BASE_LINES.length; b++) {
      const series = money[BASE_LINES[b]!];
      const income = b < INCOME_LINES.length;
      const crcAcc = income ? crcIncome : crcCost;
      const yearAcc = income ? incomeY : costY;
      byYear.fill(0);
      for (let c = 0; c < n; c++) {
        const fanned = inFan[c] === 1;
        const base = c * MONTH_COUNT;
        let total = 0;
        for (let y = 0; y < FY_N; y++) {
          // Two running sums halve the chain of dependent additions; sums of whole pence
          // below 2^53 are exact in any order.
          let s = 0;
          let t = 0;
          let m = base + FY_FIRST[y]!;
          const last = base + FY_LAST[y]!;
          for (; m < last; m += 2) {
            s += series[m]!;
            t += series[m + 1]!;
          }
          if (m === last) s += series[m]!;
          s += t;
          if (fanned) byYear[y] = byYear[y]! + s;
          total += s;
        }
        crcAcc[c] = crcAcc[c]! + total;
      }
      const l = BASE_LINE_INDEX[b]!;
      for (let y = 0; y < FY_N; y++) {
        fan[(l * FY_N + y) * draws + d] = byYear[y]!;
        yearAcc[y] = yearAcc[y]! + byYear[y]!;
      }
    }
    for (let y = 0; y < FY_N; y++) {
      fan[(INCOME_TOTAL * FY_N + y) * draws + d] = incomeY[y]!;
      fan[(COST_TOTAL * FY_N + y) * draws + d] = costY[y]!;
      fan[(PROFIT * FY_N + y) * draws + d] = incomeY[y]! - costY[y]!;
    }
    let spend = 0;
    for (let c = 0; c < n; c++) {
      crcTotal[c] = crcIncome[c]! - crcCost[c]!;
      spend += crcIncome[c]!;
    }
    let total = 0;
    let lost = 0;
    let count = 0;
    ownerSum.fill(0);
    for (let c = 0; c < n; c++) {
      const p = crcTotal[c]!;
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
    if (total < 0) nationalLosses++;
    mojSpend[d] = spend;
    losses[d] = lost;
    lossCount[d] = count;
    if (onProgress !== undefined && (d + 1) % PROGRESS_EVERY === 0) onProgress(d + 1);
  }

  const pence = roundHalfEven;
  const series = (all: Float64Array, i: number) => all.subarray(i * draws, (i + 1) * draws);
  const counts = new Int32Array(n + 1);
  for (let d = 0; d < draws; d++) counts[lossCount[d]!]!++;
  const fanLines = {} as Record<MoneyLine, Stats[]>;
  MONEY_LINES.forEach((line, l) => {
    fanLines[line] = FINANCIAL_YEARS.map((_, y) => describe(series(fan, l * FY_N + y), pence));
  });
  const summary: MonteCarloSummary = {
    scenario: scenario.merged.id ?? null,
    hash: scenario.hash,
    draws,
    seed,
    shape: run.shape,
    sampled: plan.parameters.map((p) => ({
      id: p.id,
      shape: p.shape,
      correlation: p.correlation,
      range: p.range,
    })),
    national: {
      pLoss: nationalLosses / draws,
      crcProfitPence: describe(nationalProfit, pence),
      mojSpendPence: describe(mojSpend, pence),
      lossesPence: describe(losses, pence),
    },
    lossMakingCrcs: {
      probability: Array.from(counts, (k) => k / draws),
      stats: describe(lossCount),
    },
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
    fan: { of: run.fanOf, years: FINANCIAL_YEARS, lines: fanLines },
  };
  onProgress?.(draws);
  return summary;
}
