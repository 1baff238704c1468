import type { PosteriorSample } from "../data/posterior-sample.ts";
import type { ParameterSummary, PosteriorReport, Prediction } from "./build-posterior.ts";
import { MIN_EFFECTIVE_SAMPLE, type Interval } from "./posterior.ts";
import { formatTargetValue } from "./report.ts";

const pad = (s: string, n: number) => s.padEnd(n);
const num = (x: number) =>
  Math.abs(x) >= 1000 ? x.toFixed(0) : Number(x.toPrecision(3)).toString();
const interval = (i: Interval, f: (x: number) => string) =>
  `${f(i.p5)} – ${f(i.p50)} – ${f(i.p95)}`;

function predictionLine(p: Prediction): string {
  const f = (x: number) => formatTargetValue(x, p.unit as "GBP" | "count");
  return `  ${pad(p.target, 34)} ${pad(f(p.published), 11)} ${pad(interval(p.prior, f), 34)} ${pad(interval(p.interval, f), 34)} ${p.covers ? "covered" : "NOT covered"}`;
}

function parameterLine(p: ParameterSummary): string {
  return `  ${pad(p.id, 34)} ${pad(interval(p.prior, num), 30)} ${pad(interval(p.posterior, num), 30)} ${p.ratio.toFixed(2).padStart(5)}  ${p.informedBy.join(", ") || "—"}`;
}

/** The posterior's report as text: ESS, parameters prior vs posterior, predictive checks, back-tests. */
export function formatPosteriorReport(sample: PosteriorSample, report: PosteriorReport): string {
  const out: string[] = [];
  out.push(
    `Posterior (${sample.method})`,
    `  ${report.priorDraws.toLocaleString("en-GB")} prior draws, seed ${sample.seed}; effective sample size ${Math.round(report.effectiveSampleSize).toLocaleString("en-GB")} (minimum ${MIN_EFFECTIVE_SAMPLE}); ${sample.draws.length} distinct draws kept of ${sample.draws.reduce((s, d) => s + d[1], 0)} resampled`,
    `  In the likelihood: ${sample.targets.join(", ")}`,
    ...report.notInLikelihood.map((n) => `  Not in it: ${n.target} — ${n.reason}`),
    "",
    "Parameters: prior and posterior 5th – 50th – 95th percentiles (per-CRC parameters: mean over CRCs), posterior/prior width, targets that alone narrow it by 5% or more",
    ...report.parameters.map(parameterLine),
    "",
    "Posterior predictive: published; model 5–50–95% under the prior, then the posterior (covered: the published figure is inside the posterior interval widened by its tolerance)",
    ...report.predictive.map(predictionLine),
  );
  for (const v of report.vintages) {
    out.push(
      "",
      `Back-test as of ${v.asOf}: fitted to ${v.targets.join(", ") || "no target (the prior)"}; effective sample size ${Math.round(v.effectiveSampleSize)}`,
    );
    if (v.predictions === null)
      out.push(
        `  not summarised: the effective sample size is below ${MIN_EFFECTIVE_SAMPLE}; run with more --draws`,
      );
    else out.push(...v.predictions.map(predictionLine));
  }
  out.push("", "Leave one target out (fitted to all the others, predicting it)");
  out.push(...report.leaveOneOut.map(predictionLine));
  return out.join("\n") + "\n";
}
