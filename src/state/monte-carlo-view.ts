import type { Issue, Warned } from "../issues/issue.ts";
import { numberText, oneOf, wholeText } from "../issues/readers.ts";
import { MAX_DRAWS, MAX_SEED, SHAPES, type Shape } from "../uncertainty/index.ts";
import { BASES, type Basis } from "../uncertainty/monte-carlo-run.ts";

/**
 * The Uncertainty page's view state: the run settings (draws, seed, shape, shortfall
 * correlation, and whether the draws come from the posterior or the prior ranges) live in the
 * address beside the scenario, under "_"-prefixed keys, so a link reproduces the same draws; a
 * bad value is reported (by the src/issues readers, worded as every other refusal) and replaced
 * by its default, never used.
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

/** What the draws may come from. */
export const PAGE_BASES: readonly Basis[] = BASES;

/**
 * Read the run settings from an address query; every bad value is a warning at its key (e.g.
 * `_draws`) and its default is used.
 */
export function monteCarloViewFromSearch(search: string): Warned<MonteCarloView> {
  const params = new URLSearchParams(search.startsWith("?") ? search.slice(1) : search);
  const issues: Issue[] = [];
  const read = <T>(key: string, reader: (raw: string, path: string) => T | undefined) => {
    const raw = params.get(key);
    return raw === null ? undefined : reader(raw, key);
  };
  const d = DEFAULT_MC_VIEW;
  const value: MonteCarloView = {
    draws: read("_draws", (raw, at) => wholeText(raw, 1, MAX_DRAWS, at, issues)) ?? d.draws,
    seed: read("_seed", (raw, at) => wholeText(raw, 0, MAX_SEED, at, issues)) ?? d.seed,
    shape: read("_shape", (raw, at) => oneOf(raw, PAGE_SHAPES, at, issues)) ?? d.shape,
    shortfallCorrelation:
      read("_rho", (raw, at) => numberText(raw, 0, 1, at, issues)) ?? d.shortfallCorrelation,
    basis: read("_basis", (raw, at) => oneOf(raw, PAGE_BASES, at, issues)) ?? d.basis,
  };
  return { ok: true, value, warnings: issues };
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
