import * as aq from "arquero";
import { MONEY_LINES, type MoneyLine } from "../engine/lines.ts";
import {
  MAX_DRAWS,
  MAX_SEED,
  SHAPES,
  type MonteCarloSummary,
  type Shape,
  type Stats,
} from "../uncertainty/index.ts";
import { BASES, type Basis } from "../uncertainty/monte-carlo-run.ts";
import { PENCE_PER_MILLION } from "../engine/format-millions.ts";

/**
 * The Uncertainty page's view state and tables. The run settings (draws, seed, shape, shortfall
 * correlation, and whether the draws come from the posterior or the prior ranges) live in the
 * address beside the scenario, under "_"-prefixed keys, so a link reproduces the same draws; a
 * bad value is reported and replaced by its default, never used.
 */
export interface MonteCarloView {
  readonly draws: number;
  readonly seed: number;
  readonly shape: Shape;
  readonly shortfallCorrelation: number;
  /** The posterior (the ranges weighted by the published figures; issue #14) or the prior ranges. */
  readonly basis: Basis;
}

/** 1,000 draws: the interactive preview (issue #6: ≤ 150 ms in the browser). */
export const DEFAULT_MC_VIEW: MonteCarloView = {
  draws: 1000,
  seed: 1,
  shape: "pert",
  shortfallCorrelation: 0,
  basis: "posterior",
};

/** The draw counts offered on the page; the address may carry any allowed count. */
export const DRAW_CHOICES: readonly number[] = [200, 1000, 2000, 5000, 10000];

/** Shapes a user may pick for every parameter ("point" collapses them: the plain projection). */
export const PAGE_SHAPES: readonly Shape[] = SHAPES;

/** What the draws may come from, and how the page's switch names each. */
export const PAGE_BASES: readonly Basis[] = BASES;
export const BASIS_LABELS: Readonly<Record<Basis, string>> = {
  posterior: "the posterior (the ranges weighted by the published figures)",
  prior: "the prior ranges only",
};

export interface MonteCarloViewRead {
  readonly view: MonteCarloView;
  /** One line per refused value, naming the key and what is allowed. */
  readonly problems: readonly string[];
}

function wholeIn(raw: string, min: number, max: number): number | undefined {
  if (!/^\d+$/.test(raw)) return undefined;
  const n = Number(raw);
  return n >= min && n <= max ? n : undefined;
}

/** Read the run settings from an address query; every bad value is named and defaulted. */
export function monteCarloViewFromSearch(search: string): MonteCarloViewRead {
  const params = new URLSearchParams(search.startsWith("?") ? search.slice(1) : search);
  const problems: string[] = [];
  let { draws, seed, shape, shortfallCorrelation, basis } = DEFAULT_MC_VIEW;
  const rawDraws = params.get("_draws");
  if (rawDraws !== null) {
    const n = wholeIn(rawDraws, 1, MAX_DRAWS);
    if (n === undefined)
      problems.push(`_draws: "${rawDraws}" is not a whole number from 1 to ${MAX_DRAWS}`);
    else draws = n;
  }
  const rawSeed = params.get("_seed");
  if (rawSeed !== null) {
    const n = wholeIn(rawSeed, 0, MAX_SEED);
    if (n === undefined)
      problems.push(`_seed: "${rawSeed}" is not a whole number from 0 to ${MAX_SEED}`);
    else seed = n;
  }
  const rawShape = params.get("_shape");
  if (rawShape !== null) {
    if ((PAGE_SHAPES as readonly string[]).includes(rawShape)) shape = rawShape as Shape;
    else problems.push(`_shape: "${rawShape}" is not one of ${PAGE_SHAPES.join(", ")}`);
  }
  const rawRho = params.get("_rho");
  if (rawRho !== null) {
    const rho = /^(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(rawRho) ? Number(rawRho) : Number.NaN;
    if (!(rho >= 0 && rho <= 1)) problems.push(`_rho: "${rawRho}" is not a number from 0 to 1`);
    else shortfallCorrelation = rho;
  }
  const rawBasis = params.get("_basis");
  if (rawBasis !== null) {
    if ((PAGE_BASES as readonly string[]).includes(rawBasis)) basis = rawBasis as Basis;
    else problems.push(`_basis: "${rawBasis}" is not one of ${PAGE_BASES.join(", ")}`);
  }
  return { view: { draws, seed, shape, shortfallCorrelation, basis }, problems };
}

/** The view keys for `writeUrl` (it adds the "_" prefix). */
export function monteCarloViewKeys(view: MonteCarloView): Record<string, string> {
  return {
    draws: String(view.draws),
    seed: String(view.seed),
    shape: view.shape,
    rho: String(view.shortfallCorrelation),
    basis: view.basis,
  };
}

/**
 * What the Sensitivity page's swings are over, for its exports' "drawn from" line: the prior
 * ranges, never the posterior (they show what a parameter could do over its whole range).
 */
export const SWING_BASIS = "prior ranges (the data's ranges, not the posterior)";

/**
 * With the posterior, a shape other than PERT (or "point") and a shortfall correlation other than
 * 0 act only on the parameters drawn from the prior: the posterior's own draws keep the shapes and
 * correlation they were made with (PERT, independent CRCs). Null when nothing needs saying.
 */
export function posteriorSettingsNote(
  view: Pick<MonteCarloView, "shape" | "shortfallCorrelation">,
  summary: Pick<MonteCarloSummary, "basis" | "posterior">,
): string | null {
  if (summary.basis !== "posterior" || summary.posterior === null) return null;
  const chosen = [
    ...(view.shape !== "pert" && view.shape !== "point" ? [`the ${view.shape} shape`] : []),
    ...(view.shortfallCorrelation !== 0
      ? [`a shortfall correlation of ${view.shortfallCorrelation}`]
      : []),
  ];
  if (chosen.length === 0) return null;
  const n = summary.posterior.fromPrior.length;
  const verb = chosen.length === 1 ? "acts" : "act";
  const acts =
    n === 0
      ? `${verb} on none of the draws here`
      : `${verb} only on the ${n === 1 ? "parameter" : `${n} parameters`} drawn from the prior`;
  return `With the posterior, ${inWords(chosen)} ${acts}: the posterior's draws keep the PERT shapes and independent CRC shortfalls they were weighed with. Choose the prior ranges to see ${chosen.length === 1 ? "it" : "them"} act on every parameter.`;
}

/** "a, b and c". */
function inWords(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? "")
    : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

const whole = (n: number) => Math.round(n).toLocaleString("en-GB");

/**
 * What a run's draws came from, in one line for captions, citations and CSV comments:
 * "posterior (effective sample size 24,315 of 100,000 prior draws, seed 2014)" or
 * "prior ranges only".
 */
export function basisCaption(summary: Pick<MonteCarloSummary, "basis" | "posterior">): string {
  const p = summary.posterior;
  if (summary.basis === "prior" || p === null) return "prior ranges only";
  const fromPrior = p.fromPrior.length > 0 ? `; ${p.fromPrior.length} drawn from the prior` : "";
  return `posterior (effective sample size ${whole(p.effectiveSampleSize)} of ${whole(p.priorDraws)} prior draws, seed ${p.seed}${fromPrior})`;
}

/**
 * What a run's draws came from, in sentences for the page: the basis, what the posterior rests
 * on, and the parameters drawn from their prior ranges (by label) because the scenario sets them.
 */
export function basisSentences(
  summary: Pick<MonteCarloSummary, "basis" | "posterior">,
  labels: ReadonlyMap<string, string>,
): string[] {
  const p = summary.posterior;
  if (summary.basis === "prior" || p === null)
    return [
      "Drawn from the prior ranges only: each parameter over its low–high in data/parameters.csv, whatever the published figures allow.",
    ];
  const out = [
    `Drawn from the posterior: the same ranges, each prior draw weighted by how well it reproduces the published figures (data/targets.csv) — ${whole(p.storedDraws)} draws resampled from ${whole(p.priorDraws)} prior draws (seed ${p.seed}, model ${p.modelVersion}), an effective sample size of ${whole(p.effectiveSampleSize)}.`,
  ];
  if (p.fromPrior.length > 0) {
    const names = p.fromPrior.map((id) => labels.get(id) ?? id);
    out.push(
      `This scenario sets ${p.fromPrior.length === 1 ? "one sampled parameter" : `${p.fromPrior.length} sampled parameters`} or ${p.fromPrior.length === 1 ? "its range" : "their ranges"} itself, so ${p.fromPrior.length === 1 ? "it is" : "they are"} drawn from the prior range around the scenario's value (the record says nothing about a value the scenario chose): ${inWords(names)}.`,
    );
  }
  return out;
}

const m = (pence: number) => pence / PENCE_PER_MILLION;

/** One financial year's band of a money line, in £m (fan chart rows), with the exact pence. */
export interface FanRow {
  readonly year: string;
  readonly line: MoneyLine;
  readonly p5: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p95: number;
  readonly mean: number;
  /** The engine's statistics in whole pence (for the CSV export: no £m rounding). */
  readonly pence: Stats;
}

/** The fan of one money line for the nation, by financial year, in £m. */
export function fanRows(summary: MonteCarloSummary, line: MoneyLine): FanRow[] {
  const stats = summary.fan.lines[line];
  return summary.fan.years.map((year, y) => {
    const s = stats[y]!;
    return {
      year,
      line,
      p5: m(s.p5),
      p25: m(s.p25),
      p50: m(s.p50),
      p75: m(s.p75),
      p95: m(s.p95),
      mean: m(s.mean),
      pence: s,
    };
  });
}

/** Per CRC (or owner): the probability of a contract-life loss and the profit band in £m. */
export interface LossRow {
  readonly id: string;
  readonly name: string;
  readonly pLoss: number;
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
  /** The contract-life profit statistics in whole pence (for the CSV export). */
  readonly pence: Stats;
}

function lossRow(id: string, name: string, pLoss: number, s: Stats): LossRow {
  return { id, name, pLoss, p5: m(s.p5), p50: m(s.p50), p95: m(s.p95), pence: s };
}

/** CRCs by probability of loss, highest first (ties by median profit, lowest first). */
export function crcLossRows(
  summary: MonteCarloSummary,
  names: ReadonlyMap<string, string>,
): LossRow[] {
  return aq
    .from(
      summary.crcs.map((c) => lossRow(c.crc, names.get(c.crc) ?? c.crc, c.pLoss, c.profitPence)),
    )
    .orderby(aq.desc("pLoss"), "p50")
    .objects() as LossRow[];
}

export function ownerLossRows(
  summary: MonteCarloSummary,
  names: ReadonlyMap<string, string>,
): LossRow[] {
  return aq
    .from(
      summary.owners.map((o) =>
        lossRow(o.owner, names.get(o.owner) ?? o.owner, o.pLoss, o.profitPence),
      ),
    )
    .orderby(aq.desc("pLoss"), "p50")
    .objects() as LossRow[];
}

/** P(k CRCs lose money over the contract), k = 0…21, as rows for a bar chart. */
export function lossCountRows(summary: MonteCarloSummary): { k: number; probability: number }[] {
  return summary.lossMakingCrcs.probability.map((probability, k) => ({ k, probability }));
}

/** The national headline statistics as rows of a table (money in £m). */
export function nationalStatRows(summary: MonteCarloSummary): {
  measure: string;
  mean: number;
  p5: number;
  p50: number;
  p95: number;
}[] {
  const { crcProfitPence, mojSpendPence, lossesPence } = summary.national;
  const row = (measure: string, s: Stats) => ({
    measure,
    mean: m(s.mean),
    p5: m(s.p5),
    p50: m(s.p50),
    p95: m(s.p95),
  });
  return [
    row("CRCs' profit or loss, £m", crcProfitPence),
    row("MoJ spend, £m", mojSpendPence),
    row("Losses of loss-making CRCs, £m", lossesPence),
  ];
}

/** The lines a user can fan: every money line. */
export const FAN_LINES: readonly MoneyLine[] = MONEY_LINES;

/** The fan chart's line when the address names none. */
export const DEFAULT_FAN_LINE: MoneyLine = "profit";

/**
 * The fan chart's line from the address (`_fan`), so a link or an embed shows the same fan; a
 * bad value is named and replaced by the default.
 */
export function fanLineFromSearch(search: string): { line: MoneyLine; problems: string[] } {
  const raw = new URLSearchParams(search.startsWith("?") ? search.slice(1) : search).get("_fan");
  if (raw === null) return { line: DEFAULT_FAN_LINE, problems: [] };
  if ((FAN_LINES as readonly string[]).includes(raw))
    return { line: raw as MoneyLine, problems: [] };
  return {
    line: DEFAULT_FAN_LINE,
    problems: [`_fan: "${raw}" is not a money line; lines: ${FAN_LINES.join(", ")}`],
  };
}

/** The summary as tidy CSV: the same text as the CLI's `mc --format csv`. */
export { monteCarloCsv } from "../uncertainty/index.ts";
