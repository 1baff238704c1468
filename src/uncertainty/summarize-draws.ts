import { indexPath } from "../issues/describe-value.ts";
import type { Issue } from "../issues/issue.ts";
import { MONEY_LINES, type MoneyLine } from "../engine/lines.ts";
import { roundHalfEven } from "../engine/round-half-even.ts";
import { FINANCIAL_YEARS } from "../engine/timeline.ts";
import type { Shape } from "../scenario/uncertainty-settings.ts";
import type { ResolvedScenario } from "../scenario/validate-scenario.ts";
import { ownersOf, type Basis, type MonteCarloRun } from "./monte-carlo-run.ts";
import { describe, type Stats } from "./percentiles.ts";
import type { DrawsPart } from "./simulate-draws.ts";

const FY_N = FINANCIAL_YEARS.length;

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
    const at = indexPath("parts", i);
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
        path: indexPath("parts", i),
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
