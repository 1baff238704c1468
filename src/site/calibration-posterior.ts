import type { PosteriorReport, Prediction } from "../calibration/build-posterior.ts";
import { INFORMED_RATIO } from "../calibration/build-posterior.ts";
import { STRUCTURAL_NOTES } from "../calibration/diagnostics.ts";
import type { Interval } from "../calibration/posterior.ts";
import { formatTargetValue } from "../calibration/report.ts";
import { describeTolerance, type Target } from "../calibration/targets.ts";
import type { Parameter } from "../data/index.ts";
import type { PosteriorSample } from "../data/posterior-sample.ts";
import {
  PENCE_PER_MILLION,
  keepSignWithAmount,
  signedMillions,
} from "../engine/format-millions.ts";
import { intervalAsShown, pageSign, targetAsShown } from "./target-signs.ts";

/** Text for the page: a sign held to its amount. */
const pageText = keepSignWithAmount;
import { CONTRACT_MONTHS } from "../engine/timeline.ts";

/**
 * The Calibration page's "Posterior" sections (issue #14), from the stored posterior and its
 * report (data/posterior.json): what it rests on, each parameter's prior and posterior 90%
 * intervals, the posterior predictive check of every target, the back-tests by vintage and
 * leave one out. Built at build time by the page's data loader; text is formatted here, and
 * the back-test chart gets its money in £m.
 */

const whole = (n: number) => Math.round(n).toLocaleString("en-GB");
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "2016-09" → "September 2016". */
export function monthName(asOf: string): string {
  const [year, month] = asOf.split("-");
  return `${MONTHS[Number(month) - 1] ?? month} ${year}`;
}

/** A parameter's value in its own unit, as a reader expects it (a share as a per cent, money in £). */
export function formatParameterValue(row: Pick<Parameter, "unit" | "pence">, x: number): string {
  if (row.unit === "date_month") return CONTRACT_MONTHS[Math.round(x)]?.id ?? String(x);
  if (row.unit === "share") return `${Number((100 * x).toPrecision(3))}%`.replace("-", "−");
  if (row.pence !== null)
    return Math.abs(x) >= PENCE_PER_MILLION
      ? signedMillions(x)
      : `${x < 0 ? "−" : ""}£${whole(Math.abs(x) / 100)}`;
  return String(Number(x.toPrecision(3))).replace("-", "−");
}

const intervalText = (i: Interval, f: (x: number) => string) =>
  `${f(i.p5)} – ${f(i.p50)} – ${f(i.p95)}`;

export interface PosteriorParameterRow {
  readonly id: string;
  readonly label: string;
  readonly prior: string;
  readonly posterior: string;
  /** Posterior 90% width over the prior's, 2 decimals. */
  readonly ratio: string;
  /** Targets that alone narrow it to INFORMED_RATIO of its prior's width or less. */
  readonly informedBy: readonly string[];
  /** In words: narrowed by the targets together, informed by some alone, or at its prior. */
  readonly verdict: string;
}

export interface PredictionRow {
  readonly target: string;
  readonly definition: string;
  readonly publishedOn: string;
  readonly published: string;
  /** The model's 5–50–95% under the prior alone, then with the figures used. */
  readonly prior: string;
  readonly model: string;
  readonly covers: boolean;
  /** The target's tolerance: "covered" is the 5–95% widened by it (or a bound's side). */
  readonly tolerance: string;
  readonly inLikelihood: boolean;
  /**
   * Why the target is special or missed, in a few words with a link to the one place the page
   * explains it (issue #16: the same paragraph was repeated in every table): held at the fit and
   * met by construction link to the posterior's notes, a structural miss to "Why the misses".
   */
  readonly note: NoteRef | null;
}

/** A short reason and the anchor of its one full explanation on the page. */
export interface NoteRef {
  readonly text: string;
  readonly href: string;
}

/** Anchors of the explanations the tables link to (the page gives these ids). */
export const NOTE_ANCHORS = {
  held: "posterior-held",
  solved: "posterior-solved",
  why: (target: string) => `why-${target}`,
} as const;

/** One later target's back-test on the chart: £m, the published value against the 5–95%. */
export interface BackTestPoint {
  readonly asOf: string;
  readonly target: string;
  readonly group: "Losses" | "Fees and values";
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
  /** The prior's 5–95% (no figure used), for comparison. */
  readonly priorP5: number;
  readonly priorP95: number;
  readonly published: number;
  readonly covers: boolean;
  /** The same as text with the project's £m formatter (tips and the data table). */
  readonly publishedText: string;
  readonly intervalText: string;
  /** The same figures in whole pence (rounded from the weighted percentiles), for the CSV. */
  readonly pence: {
    readonly published: number;
    readonly p5: number;
    readonly p50: number;
    readonly p95: number;
    readonly priorP5: number;
    readonly priorP95: number;
  };
}

export interface VintageView {
  readonly asOf: string;
  readonly label: string;
  readonly targets: readonly string[];
  readonly effectiveSampleSize: string;
  readonly summarised: boolean;
  readonly rows: readonly PredictionRow[];
  readonly chart: readonly BackTestPoint[];
  readonly covered: number;
}

export interface PosteriorView {
  readonly method: string;
  readonly seed: number;
  readonly priorDrawCount: number;
  readonly priorDraws: string;
  readonly effectiveSampleSize: string;
  readonly minEffectiveSampleSize: number;
  readonly storedDraws: string;
  readonly distinctDraws: string;
  readonly modelVersion: string;
  readonly hash: string;
  readonly reference: string;
  readonly solved: string;
  readonly held: readonly string[];
  readonly inLikelihood: readonly string[];
  readonly notInLikelihood: readonly { readonly target: string; readonly reason: string }[];
  readonly parameters: readonly PosteriorParameterRow[];
  readonly informedRatio: number;
  readonly predictive: readonly PredictionRow[];
  readonly vintages: readonly VintageView[];
  readonly leaveOneOut: readonly (PredictionRow & { readonly effectiveSampleSize: string })[];
}

function verdict(ratio: number, informedBy: readonly string[]): string {
  if (ratio <= 0.8) return "narrowed by the targets";
  if (ratio <= INFORMED_RATIO || informedBy.length > 0) return "a little narrower";
  return "stays at its prior";
}

/** The interval has no width: the draw's solve or the held prices fix the figure. */
const degenerate = (p: Prediction) =>
  Math.abs(p.interval.p95 - p.interval.p5) <= 1e-6 * Math.max(1, Math.abs(p.published));

function predictionRow(
  p: Prediction,
  targets: ReadonlyMap<string, Target>,
  sample: Pick<PosteriorSample, "held" | "solved">,
): PredictionRow {
  const t = targets.get(p.target);
  const unit = p.unit as Target["unit"];
  const f = (x: number) => pageText(formatTargetValue(Math.round(x), unit));
  const sign = t ? pageSign(t) : 1;
  let note: NoteRef | null = null;
  if (t?.fits.some((id) => sample.held.includes(id)))
    note = {
      text: "a check here, not weighed: why",
      href: `#${NOTE_ANCHORS.held}`,
    };
  else if (t?.fits.includes(sample.solved) || (p.unit === "GBP" && degenerate(p)))
    note = {
      text: "met by construction: why",
      href: `#${NOTE_ANCHORS.solved}`,
    };
  else if (!p.covers)
    note = STRUCTURAL_NOTES[p.target]
      ? { text: "why it is not covered", href: `#${NOTE_ANCHORS.why(p.target)}` }
      : { text: "not covered; no structural reason is recorded", href: "" };
  return {
    target: p.target,
    definition: t?.definition ?? "",
    publishedOn: t?.published ?? "",
    published: f(sign * p.published),
    prior: intervalText(intervalAsShown(p.prior, sign), f),
    model: intervalText(intervalAsShown(p.interval, sign), f),
    covers: p.covers,
    tolerance: t ? describeTolerance(targetAsShown(t), f) : "",
    inLikelihood: p.inLikelihood,
    note,
  };
}

function chartPoint(asOf: string, p: Prediction, sign: 1 | -1): BackTestPoint {
  const m = (x: number) => x / PENCE_PER_MILLION;
  const published = sign * p.published;
  const interval = intervalAsShown(p.interval, sign);
  const prior = intervalAsShown(p.prior, sign);
  return {
    asOf,
    target: p.target,
    group: p.target.startsWith("losses.") ? "Losses" : "Fees and values",
    p5: m(interval.p5),
    p50: m(interval.p50),
    p95: m(interval.p95),
    priorP5: m(prior.p5),
    priorP95: m(prior.p95),
    published: m(published),
    covers: p.covers,
    publishedText: signedMillions(Math.round(published)),
    intervalText: intervalText(interval, (x) => signedMillions(Math.round(x))),
    pence: {
      published: Math.round(published),
      p5: Math.round(interval.p5),
      p50: Math.round(interval.p50),
      p95: Math.round(interval.p95),
      priorP5: Math.round(prior.p5),
      priorP95: Math.round(prior.p95),
    },
  };
}

/** The page's view of the stored posterior and its report. */
export function posteriorView(
  sample: PosteriorSample,
  report: PosteriorReport,
  targets: readonly Target[],
  parameters: readonly Parameter[],
): PosteriorView {
  const byId = new Map(targets.map((t) => [t.id, t]));
  const rowOf = new Map<string, Parameter>();
  for (const p of parameters) if (!rowOf.has(p.id)) rowOf.set(p.id, p);
  const row = (p: Prediction) => predictionRow(p, byId, sample);
  const signOf = (id: string) => {
    const t = byId.get(id);
    return t ? pageSign(t) : 1;
  };
  return {
    method: sample.method,
    seed: sample.seed,
    priorDrawCount: report.priorDraws,
    priorDraws: whole(report.priorDraws),
    effectiveSampleSize: whole(report.effectiveSampleSize),
    minEffectiveSampleSize: sample.minEffectiveSampleSize,
    storedDraws: whole(sample.draws.reduce((s, d) => s + d[1], 0)),
    distinctDraws: whole(sample.draws.length),
    modelVersion: sample.modelVersion,
    hash: sample.hash,
    reference: sample.reference,
    solved: sample.solved,
    held: sample.held,
    inLikelihood: sample.targets,
    notInLikelihood: report.notInLikelihood,
    informedRatio: INFORMED_RATIO,
    parameters: report.parameters.map((p) => {
      const data = rowOf.get(p.id);
      const f = (x: number) => (data ? formatParameterValue(data, x) : String(x));
      return {
        id: p.id,
        label: data?.label ?? p.id,
        prior: intervalText(p.prior, f),
        posterior: intervalText(p.posterior, f),
        ratio: p.ratio.toFixed(2),
        informedBy: p.informedBy,
        verdict: verdict(p.ratio, p.informedBy),
      };
    }),
    predictive: report.predictive.map(row),
    vintages: report.vintages.map((v) => {
      const predictions = v.predictions ?? [];
      return {
        asOf: v.asOf,
        label: monthName(v.asOf),
        targets: v.targets,
        effectiveSampleSize: whole(v.effectiveSampleSize),
        summarised: v.predictions !== null,
        rows: predictions.map(row),
        chart: predictions
          .filter((p) => p.unit === "GBP" && !degenerate(p))
          .map((p) => chartPoint(v.asOf, p, signOf(p.target))),
        covered: predictions.filter((p) => p.covers).length,
      };
    }),
    leaveOneOut: report.leaveOneOut.map((p) => ({
      ...row(p),
      effectiveSampleSize: whole(p.effectiveSampleSize),
    })),
  };
}
