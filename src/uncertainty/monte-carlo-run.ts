import { isNot, quote } from "../issues/describe-value.ts";
import { didYouMean } from "../issues/did-you-mean.ts";
import type { Issue, WarnedResult } from "../issues/issue.ts";
import type { Dataset } from "../data/index.ts";
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
import { planSampling, type SamplingPlan } from "./plan-sampling.ts";
import { preparePosteriorDraws, type PosteriorDraws } from "./posterior-draws.ts";

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
      issues: [{ path: "", message: isNot(options, "run options (an object)") }],
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

/** The owners of a run's CRCs, in first-seen order, and each CRC's owner index. */
export function ownersOf(run: MonteCarloRun): { ids: string[]; of: Int32Array } {
  const crcs = run.plan.base.crcs;
  const ids = [...new Set(crcs.map((c) => c.ownerId))];
  return { ids, of: Int32Array.from(crcs, (c) => ids.indexOf(c.ownerId)) };
}
