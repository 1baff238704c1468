import { describeValue, quote } from "../issues/describe-value.ts";
import { didYouMean } from "../issues/did-you-mean.ts";
import type { Issue, WarnedResult } from "../issues/issue.ts";
import type { Dataset } from "../data/index.ts";
import { INCOME_LINES, MONEY_LINES, type MoneyLine } from "../engine/lines.ts";
import { projectFloatSums, SUMMED_LINES } from "../engine/project-float.ts";
import { roundHalfEven } from "../engine/round-half-even.ts";
import { FINANCIAL_YEARS } from "../engine/timeline.ts";
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
import {
  applyPosteriorDraw,
  bindPosterior,
  preparePosteriorDraws,
  type PosteriorDraws,
} from "./posterior-draws.ts";

/**
 * Run options: the uncertainty settings (src/scenario/uncertainty-settings.ts), laid over the
 * scenario's own `uncertainty` block key by key, plus what the fan chart shows.
 */
export interface MonteCarloOptions extends UncertaintySettings {
  /** Whose lines the fan shows: "ALL" (the nation, the default), an owner id or a CRC id. */
  readonly fanOf?: string;
  /**
   * Draw from the posterior (the data's ranges weighted by the published figures; the default
   * when the data has one) or from the prior ranges only (issue #14).
   */
  readonly basis?: Basis;
}

export const BASES = ["posterior", "prior"] as const;
export type Basis = (typeof BASES)[number];

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
  /** What the draws came from: the posterior (with what it rests on) or the prior ranges. */
  readonly basis: Basis;
  readonly posterior: {
    readonly effectiveSampleSize: number;
    readonly priorDraws: number;
    readonly storedDraws: number;
    readonly seed: number;
    readonly modelVersion: string;
    /** Sampled parameters drawn from the prior: the scenario sets them or their range. */
    readonly fromPrior: readonly string[];
  } | null;
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
  readonly warnings: readonly Issue[];
  /** The posterior the draws come from, or null for the prior ranges. */
  readonly posterior: PosteriorDraws | null;
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
): WarnedResult<MonteCarloRun> {
  // Options from a worker request are plain data: anything but an object is one problem (a
  // string spread into its characters would be one "unknown key" per character).
  if (typeof options !== "object" || options === null || Array.isArray(options))
    return {
      ok: false,
      issues: [
        { path: "", message: `run options must be an object, got ${describeValue(options)}` },
      ],
    };
  const { fanOf: rawFanOf, basis: rawBasis, ...rest } = options;
  const parsed = parseUncertainty(rest, "");
  const issues: Issue[] = [...parsed.issues];
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
      message: `${quote(String(fanOf))} is not ALL, a CRC or an owner${didYouMean(String(fanOf), names)}`,
    });
  }
  const basis = rawBasis ?? (dataset.posterior === undefined ? "prior" : "posterior");
  if (!(BASES as readonly unknown[]).includes(basis)) {
    issues.push({
      path: "basis",
      message: `${quote(String(basis))} is not ${BASES.join(" or ")}${didYouMean(String(basis), BASES)}`,
    });
  } else if (basis === "posterior" && dataset.posterior === undefined) {
    issues.push({
      path: "basis",
      message:
        "the data has no posterior (data/posterior.json): use prior, or make it with npm run calibrate -- --posterior",
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
      posterior:
        basis === "posterior"
          ? preparePosteriorDraws(dataset, dataset.posterior!, planned.value)
          : null,
    },
    warnings: planned.warnings,
  };
}

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
 * Seeded Monte Carlo on the float path: each draw samples the uncertain parameters around the
 * resolved scenario (`sampleInto`, no allocation), projects with `projectFloatSums` (the float
 * path's cells, added up by CRC, line and year as they are made), and keeps only small per-draw
 * totals: each CRC's and owner's contract-life profit,
 * national profit, MoJ spend and losses, the number of loss-making CRCs, and the fan's money
 * lines by financial year (13 × 8): (4 + 21 + 8 + 104) × 8 bytes ≈ 1.1 kB per draw, ~11 MB for
 * 10,000 draws; never every line and month of every draw. Pure: the same scenario, data and
 * options give the same summary in Node and in Chromium.
 */
export function runMonteCarlo(
  resolved: ResolvedScenario,
  dataset: Dataset,
  options: MonteCarloOptions = {},
): WarnedResult<MonteCarloSummary> {
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

function ownersOf(run: MonteCarloRun): { ids: string[]; of: Int32Array } {
  const crcs = run.plan.base.crcs;
  const ids = [...new Set(crcs.map((c) => c.ownerId))];
  return { ids, of: Int32Array.from(crcs, (c) => ids.indexOf(c.ownerId)) };
}

/**
 * Draw [from, to) of a prepared run (`prepareMonteCarlo`). Draw d samples with its own
 * generator `createRng(seed, d)` (prng.ts), so a draw's numbers do not depend on where the range
 * starts: any split of [0, draws) gives, part by part, the draws of the whole. Each draw samples
 * the uncertain parameters around the resolved scenario (`sampleInto`, no allocation), projects
 * with `projectFloatSums` (no ledger: each CRC's lines by year), and keeps only small per-draw
 * totals: each CRC's
 * and owner's contract-life profit, national profit, MoJ spend and losses, the number of
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

  for (let d = 0; d < count; d++) {
    sampleInto(plan, createRng(seed, from + d), buffers);
    if (post !== null) applyPosteriorDraw(post, binding!, plan, buffers, seed, from + d);
    projectFloatSums(buffers.inputs, sums);
    // Only the ten income and cost lines' sums by year are read: their totals give
    // income_total, cost_total and profit exactly (every cell and partial sum is a whole number
    // of pence below 2^53, so the sums are the same in any order).
    // One pass over each CRC's sums: its income and cost, and the fan's lines if it is in the fan.
    lineYear.fill(0);
    for (let c = 0; c < n; c++) {
      const at = c * LINE_YEARS;
      let income = 0;
      let cost = 0;
      if (inFan[c] === 1) {
        for (let i = 0; i < INCOME_YEARS; i++) {
          const v = sums[at + i]!;
          income += v;
          lineYear[i] = lineYear[i]! + v;
        }
        for (let i = INCOME_YEARS; i < LINE_YEARS; i++) {
          const v = sums[at + i]!;
          cost += v;
          lineYear[i] = lineYear[i]! + v;
        }
      } else {
        for (let i = 0; i < INCOME_YEARS; i++) income += sums[at + i]!;
        for (let i = INCOME_YEARS; i < LINE_YEARS; i++) cost += sums[at + i]!;
      }
      crcIncome[c] = income;
      crcCost[c] = cost;
    }
    for (let y = 0; y < FY_N; y++) {
      let income = 0;
      let cost = 0;
      for (let b = 0; b < BASE_LINES.length; b++) {
        const v = lineYear[b * FY_N + y]!;
        fan[(BASE_LINE_INDEX[b]! * FY_N + y) * count + d] = v;
        if (b < INCOME_LINES.length) income += v;
        else cost += v;
      }
      fan[(INCOME_TOTAL * FY_N + y) * count + d] = income;
      fan[(COST_TOTAL * FY_N + y) * count + d] = cost;
      fan[(PROFIT * FY_N + y) * count + d] = income - cost;
    }
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

/**
 * Problems with parts meant to be summarised together for `run`: they must tile [0, draws)
 * exactly (in any order) and have the run's shape. Messages name the part ("parts[1].fan").
 */
export function checkDrawsParts(run: MonteCarloRun, parts: readonly unknown[]): Issue[] {
  const issues: Issue[] = [];
  const n = run.plan.base.crcs.length;
  const o = ownersOf(run).ids.length;
  const ranges: [number, number, number][] = [];
  parts.forEach((raw, i) => {
    const at = `parts[${i}]`;
    if (typeof raw !== "object" || raw === null) {
      issues.push({ path: at, message: "must be a part from monteCarloPart" });
      return;
    }
    const part = raw as Record<string, unknown>;
    const { from, to } = part;
    if (
      typeof from !== "number" ||
      typeof to !== "number" ||
      !Number.isInteger(from) ||
      !Number.isInteger(to) ||
      from < 0 ||
      to <= from ||
      to > run.draws
    ) {
      issues.push({
        path: at,
        message: `from ${String(from)} and to ${String(to)} must be whole numbers with 0 ≤ from < to ≤ ${run.draws}`,
      });
      return;
    }
    const count = to - from;
    const lengths: [keyof DrawsPart, number, "f64" | "i32"][] = [
      ["nationalProfit", count, "f64"],
      ["mojSpend", count, "f64"],
      ["losses", count, "f64"],
      ["lossCount", count, "f64"],
      ["crcProfit", n * count, "f64"],
      ["ownerProfit", o * count, "f64"],
      ["fan", MONEY_LINES.length * FY_N * count, "f64"],
      ["crcLosses", n, "i32"],
      ["ownerLosses", o, "i32"],
    ];
    for (const [key, length, kind] of lengths) {
      const value = part[key];
      const typed = kind === "f64" ? value instanceof Float64Array : value instanceof Int32Array;
      if (!typed || (value as ArrayLike<number>).length !== length)
        issues.push({
          path: `${at}.${key}`,
          message: `must be ${kind === "f64" ? "a Float64Array" : "an Int32Array"} of ${length}`,
        });
    }
    const losses = part.nationalLosses;
    if (typeof losses !== "number" || !Number.isInteger(losses) || losses < 0 || losses > count)
      issues.push({ path: `${at}.nationalLosses`, message: `must be a whole number 0–${count}` });
    ranges.push([from, to, i]);
  });
  if (issues.length > 0) return issues;
  ranges.sort((a, b) => a[0] - b[0]);
  let next = 0;
  for (const [from, to, i] of ranges) {
    if (from !== next)
      issues.push({
        path: `parts[${i}]`,
        message: `starts at draw ${from}, but the parts cover [0, ${next}) so far (they must tile [0, ${run.draws}) exactly)`,
      });
    next = Math.max(next, to);
  }
  if (issues.length === 0 && next !== run.draws)
    issues.push({
      path: "parts",
      message: `cover draws [0, ${next}), not [0, ${run.draws})`,
    });
  return issues;
}

/**
 * Summarise the draws of a run from parts that tile [0, draws) (`simulateDraws`, in any order):
 * the series are laid end to end in draw order, so the summary is the one a single part gives,
 * whatever the split. A part's arrays may be sorted in place (pass copies to keep them). Throws
 * a RangeError if the parts do not fit the run (`checkDrawsParts` says why, as values).
 */
export function summarizeDraws(
  run: MonteCarloRun,
  scenario: Pick<ResolvedScenario, "merged" | "hash">,
  parts: readonly DrawsPart[],
): MonteCarloSummary {
  const problems = checkDrawsParts(run, parts);
  if (problems.length > 0)
    throw new RangeError(problems.map((i) => `${i.path}: ${i.message}`).join("; "));
  const { plan, draws, seed } = run;
  const crcs = plan.base.crcs;
  const n = crcs.length;
  const owners = ownersOf(run);
  const o = owners.ids.length;
  const ordered = [...parts].sort((a, b) => a.from - b.from);
  // One part is already in draw order; several are laid end to end, series by series.
  const joined = (
    key:
      "nationalProfit" | "mojSpend" | "losses" | "lossCount" | "crcProfit" | "ownerProfit" | "fan",
    width: number,
  ): Float64Array => {
    if (ordered.length === 1) return ordered[0]![key];
    const all = new Float64Array(width * draws);
    for (const part of ordered) {
      const count = part.to - part.from;
      const values = part[key];
      for (let i = 0; i < width; i++)
        all.set(values.subarray(i * count, (i + 1) * count), i * draws + part.from);
    }
    return all;
  };
  const nationalProfit = joined("nationalProfit", 1);
  const mojSpend = joined("mojSpend", 1);
  const losses = joined("losses", 1);
  const lossCount = joined("lossCount", 1);
  const crcProfit = joined("crcProfit", n);
  const ownerProfit = joined("ownerProfit", o);
  const fan = joined("fan", MONEY_LINES.length * FY_N);
  let nationalLosses = 0;
  const crcLosses = new Int32Array(n);
  const ownerLosses = new Int32Array(o);
  for (const part of ordered) {
    nationalLosses += part.nationalLosses;
    for (let c = 0; c < n; c++) crcLosses[c] = crcLosses[c]! + part.crcLosses[c]!;
    for (let k = 0; k < o; k++) ownerLosses[k] = ownerLosses[k]! + part.ownerLosses[k]!;
  }

  const pence = roundHalfEven;
  const series = (all: Float64Array, i: number) => all.subarray(i * draws, (i + 1) * draws);
  const counts = new Int32Array(n + 1);
  for (let d = 0; d < draws; d++) counts[lossCount[d]!]!++;
  const fanLines = {} as Record<MoneyLine, Stats[]>;
  MONEY_LINES.forEach((line, l) => {
    fanLines[line] = FINANCIAL_YEARS.map((_, y) => describe(series(fan, l * FY_N + y), pence));
  });
  return {
    scenario: scenario.merged.id ?? null,
    hash: scenario.hash,
    draws,
    seed,
    shape: run.shape,
    basis: run.posterior === null ? "prior" : "posterior",
    posterior:
      run.posterior === null
        ? null
        : {
            effectiveSampleSize: run.posterior.sample.effectiveSampleSize,
            priorDraws: run.posterior.sample.priorDraws,
            storedDraws: run.posterior.sample.draws.reduce((s, d) => s + d[1], 0),
            seed: run.posterior.sample.seed,
            modelVersion: run.posterior.sample.modelVersion,
            fromPrior: run.posterior.fromPrior,
          },
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
    owners: owners.ids.map((owner, k) => ({
      owner,
      pLoss: ownerLosses[k]! / draws,
      profitPence: describe(series(ownerProfit, k), pence),
    })),
    fan: { of: run.fanOf, years: FINANCIAL_YEARS, lines: fanLines },
  };
}

/**
 * Run a prepared Monte Carlo (`prepareMonteCarlo`) in one piece and summarise it: the summary of
 * `simulateDraws(run, 0, draws)`. `onProgress(done)` is called after every 1,000th draw and once
 * more when the summary is built (for a progress bar, or the benchmark's memory sampling); it
 * must not throw.
 */
export function simulateMonteCarlo(
  run: MonteCarloRun,
  scenario: Pick<ResolvedScenario, "merged" | "hash">,
  onProgress?: (done: number) => void,
): MonteCarloSummary {
  const summary = summarizeDraws(run, scenario, [simulateDraws(run, 0, run.draws, onProgress)]);
  onProgress?.(run.draws);
  return summary;
}
