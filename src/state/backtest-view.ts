import { clip, quote } from "../issues/describe-value.ts";
import type { Issue, Warned } from "../issues/issue.ts";
import { monthText, wholeText } from "../issues/readers.ts";

/**
 * The Calibration page's back-test view (issue #14, item 4): a vintage month, targets switched
 * off, a number of prior draws and a seed, kept in the address under "_"-prefixed keys
 * (`_asof`, `_without`, `_bt_draws`, `_bt_seed`) so a link re-runs the same back-test. A bad
 * value is reported (by the src/issues readers) and replaced by its default, never used.
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

/**
 * The view in an address query (`given`: it names any of the view's keys); every bad value is a
 * warning at its key and its default is used.
 */
export function backtestViewFromSearch(
  search: string,
  targetIds: readonly string[],
): Warned<BacktestView> & { readonly given: boolean } {
  const params = new URLSearchParams(search);
  const issues: Issue[] = [];
  const given = ["_asof", "_without", "_bt_draws", "_bt_seed"].some((k) => params.has(k));
  const read = <T>(key: string, reader: (raw: string, path: string) => T | undefined) => {
    const raw = params.get(key);
    return raw === null ? undefined : reader(raw, key);
  };
  const d = DEFAULT_BACKTEST;
  let without = d.without;
  const off = params.get("_without");
  if (off !== null && off !== "") {
    const ids = off.split(",");
    const unknown = ids.filter((id) => !targetIds.includes(id));
    // Unknown ids are dropped, the known ones kept: one issue lists them.
    if (unknown.length > 0)
      issues.push({
        path: "_without",
        message: `${unknown.map((u) => quote(clip(u, 40))).join(", ")} not a target; ignored`,
      });
    without = ids.filter((id) => targetIds.includes(id));
  }
  const value: BacktestView = {
    asOf: read("_asof", (raw, at) => monthText(raw, at, issues)) ?? d.asOf,
    without,
    draws: read("_bt_draws", (raw, at) => wholeText(raw, 1000, 1_000_000, at, issues)) ?? d.draws,
    seed: read("_bt_seed", (raw, at) => wholeText(raw, 0, 0xffffffff, at, issues)) ?? d.seed,
  };
  // (issues in the order the keys were read before: month, targets, draws, seed)
  const order = ["_asof", "_without", "_bt_draws", "_bt_seed"];
  issues.sort((a, b) => order.indexOf(a.path) - order.indexOf(b.path));
  return { ok: true, value, warnings: issues, given };
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
