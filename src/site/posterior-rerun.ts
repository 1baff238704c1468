import type { Dataset } from "../data/index.ts";
import type { Result } from "../issues/issue.ts";
import { buildPosterior, type Prediction, type Vintage } from "../calibration/build-posterior.ts";
import { formatTargetValue } from "../calibration/report.ts";
import {
  prepareTargetSimulation,
  type TargetDraws,
  type TargetSimulation,
} from "../calibration/simulate-targets.ts";
import { parseTargets, type Target } from "../calibration/targets.ts";
import { keepSignWithAmount } from "../engine/format-millions.ts";
import { intervalAsShown, pageSign } from "./target-signs.ts";

/**
 * The Calibration page's back-test in the browser (issue #14, item 4). Its view state (the
 * vintage, targets switched off, draws and seed in the address) is src/state/backtest-view.ts.
 * The draws are made in the workers (`EngineClient.posterior`); weighing them is this module's,
 * by the same `buildPosterior` as `npm run calibrate -- --posterior`.
 */
export {
  BACKTEST_DRAW_CHOICES,
  backtestQuery,
  backtestViewFromSearch,
  DEFAULT_BACKTEST,
  type BacktestView,
} from "../state/backtest-view.ts";
import type { BacktestView } from "../state/backtest-view.ts";

/**
 * Targets and their simulation on the page (the worker parses the same text: one table), or
 * each problem with the targets at its place in data/targets.csv.
 */
export function backtestSetup(
  dataset: Dataset,
  targetsCsv: string,
): Result<{ readonly targets: Target[]; readonly sim: TargetSimulation }> {
  const { targets, issues } = parseTargets(targetsCsv, dataset);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { targets, sim: prepareTargetSimulation(dataset, targets) } };
}

export interface BacktestRow {
  readonly target: string;
  readonly published: string;
  readonly model: string;
  readonly covered: string;
  readonly prediction: Prediction;
}

export interface BacktestResult {
  readonly vintage: Vintage;
  readonly rows: readonly BacktestRow[];
}

/** Weigh simulated draws by the targets public at `view.asOf`, less `view.without`. */
export function backtestFromDraws(
  sim: TargetSimulation,
  draws: TargetDraws,
  view: BacktestView,
): BacktestResult {
  const used = sim.targets.filter((t) => !view.without.includes(t.id));
  const built = buildPosterior(
    sim,
    draws,
    { seed: view.seed, modelVersion: "", hash: "", vintages: [view.asOf] },
    used,
  );
  const vintage = built.report.vintages[0]!;
  const rows = (vintage.predictions ?? []).map((p) => {
    // The Calibration page's sign convention: a figure about losses is the size of the loss.
    const target = sim.targets.find((t) => t.id === p.target);
    const sign = target ? pageSign(target) : 1;
    const f = (x: number) => keepSignWithAmount(formatTargetValue(x, p.unit as Target["unit"]));
    const i = intervalAsShown(p.interval, sign);
    return {
      target: p.target,
      published: f(sign * p.published),
      model: `${f(i.p5)} to ${f(i.p95)} (median ${f(i.p50)})`,
      covered: p.covers ? "yes" : "no",
      prediction: p,
    };
  });
  return { vintage, rows };
}
