import type { Dataset } from "../data/index.ts";
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
 * The Calibration page's back-test in the browser (issue #14, item 4): a vintage month, targets
 * switched off, a number of prior draws and a seed, kept in the address under "_"-prefixed keys
 * (`_asof`, `_without`, `_bt_draws`, `_bt_seed`) so a link re-runs the same back-test. A bad
 * value is reported and replaced by its default, never used. The draws are made in the workers
 * (`EngineClient.posterior`); weighing them is this module's, by the same `buildPosterior` as
 * `npm run calibrate -- --posterior`.
 */
export interface BacktestView {
  readonly asOf: string;
  readonly without: readonly string[];
  readonly draws: number;
  readonly seed: number;
}

export const BACKTEST_DRAW_CHOICES: readonly number[] = [4000, 20_000, 100_000];
export const DEFAULT_BACKTEST: BacktestView = {
  asOf: "2016-09",
  without: [],
  draws: 20_000,
  seed: 2014,
};
const MONTH = /^20\d\d-(0[1-9]|1[0-2])$/;

export function backtestViewFromSearch(
  search: string,
  targetIds: readonly string[],
): { view: BacktestView; problems: string[]; given: boolean } {
  const params = new URLSearchParams(search);
  const problems: string[] = [];
  const given = ["_asof", "_without", "_bt_draws", "_bt_seed"].some((k) => params.has(k));
  let { asOf, without, draws, seed } = DEFAULT_BACKTEST;
  const month = params.get("_asof");
  if (month !== null) {
    if (MONTH.test(month)) asOf = month;
    else problems.push(`_asof: "${month.slice(0, 40)}" is not a month YYYY-MM; showing ${asOf}`);
  }
  const off = params.get("_without");
  if (off !== null && off !== "") {
    const ids = off.split(",");
    const unknown = ids.filter((id) => !targetIds.includes(id));
    if (unknown.length > 0)
      problems.push(
        `_without: ${unknown.map((u) => `"${u.slice(0, 40)}"`).join(", ")} not a target; ignored`,
      );
    without = ids.filter((id) => targetIds.includes(id));
  }
  const n = params.get("_bt_draws");
  if (n !== null) {
    if (/^\d+$/.test(n) && Number(n) >= 1000 && Number(n) <= 1_000_000) draws = Number(n);
    else
      problems.push(
        `_bt_draws: "${n.slice(0, 40)}" is not a whole number from 1000 to 1000000; using ${draws}`,
      );
  }
  const s = params.get("_bt_seed");
  if (s !== null) {
    if (/^\d+$/.test(s) && Number(s) <= 0xffffffff) seed = Number(s);
    else
      problems.push(
        `_bt_seed: "${s.slice(0, 40)}" is not a whole number from 0 to 4294967295; using ${seed}`,
      );
  }
  return { view: { asOf, without, draws, seed }, problems, given };
}

/** The view's address keys, to set on the page's search (the others kept). */
export function backtestQuery(view: BacktestView): Record<string, string | null> {
  return {
    _asof: view.asOf,
    _without: view.without.length === 0 ? null : view.without.join(","),
    _bt_draws: String(view.draws),
    _bt_seed: String(view.seed),
  };
}

/** Targets and their simulation on the page (the worker parses the same text: one table). */
export function backtestSetup(
  dataset: Dataset,
  targetsCsv: string,
): { ok: true; targets: Target[]; sim: TargetSimulation } | { ok: false; message: string } {
  const { targets, issues } = parseTargets(targetsCsv, dataset);
  if (issues.length > 0) return { ok: false, message: `data/targets.csv: ${issues[0]!.message}` };
  return { ok: true, targets, sim: prepareTargetSimulation(dataset, targets) };
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
