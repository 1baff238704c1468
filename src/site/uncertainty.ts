import * as aq from "arquero";
import type { MoneyLine } from "../engine/lines.ts";
import { type MonteCarloSummary, type Stats } from "../uncertainty/index.ts";
import type { Basis } from "../uncertainty/monte-carlo-run.ts";
import { PENCE_PER_MILLION } from "../engine/format-millions.ts";

/**
 * The Uncertainty page's tables and words. Its view state (the run settings in the address) is
 * src/state/monte-carlo-view.ts.
 */
export {
  DEFAULT_MC_VIEW,
  DRAW_CHOICES,
  monteCarloViewFromSearch,
  monteCarloViewKeys,
  PAGE_BASES,
  PAGE_SHAPES,
  type MonteCarloView,
} from "../state/monte-carlo-view.ts";
import type { MonteCarloView } from "../state/monte-carlo-view.ts";

export const BASIS_LABELS: Readonly<Record<Basis, string>> = {
  posterior: "the posterior (the ranges weighted by the published figures)",
  prior: "the prior ranges only",
};

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

/** The summary as tidy CSV: the same text as the CLI's `mc --format csv`. */
export { monteCarloCsv } from "../uncertainty/index.ts";
