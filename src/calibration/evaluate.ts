import { formatIssue } from "../issues/issue.ts";
import type { Dataset } from "../data/index.ts";
import type { Ledger } from "../engine/ledger.ts";
import { projectExact } from "../engine/project-exact.ts";
import { projectFloat } from "../engine/project-float.ts";
import { mergeScenario } from "../scenario/merge-scenario.ts";
import { PRESETS } from "../scenario/presets.ts";
import { validateScenario } from "../scenario/validate-scenario.ts";
import { ledgerSource, MEASURES, type LineSource } from "./measures.ts";
import { meets, type Target } from "./targets.ts";

/** Parameter values set on top of every preset (the values a fit is trying). */
export type Overrides = Readonly<Record<string, number>>;

/** A projected ledger of a preset, with overrides; the exact engine unless `float`. */
export type LedgerOf = (preset: string) => Ledger;

/**
 * Ledgers of the presets with `overrides` applied, each projected once (memoised). A value is
 * passed through the scenario pipeline, so it is checked against the data's range like any
 * user's: a fit that proposed a value out of range would be a bug, and throws.
 */
export function presetLedgers(
  dataset: Dataset,
  overrides: Overrides = {},
  engine: "exact" | "float" = "exact",
): LedgerOf {
  const memo = new Map<string, Ledger>();
  return (preset) => {
    let ledger = memo.get(preset);
    if (ledger === undefined) {
      // A preset that sets a parameter itself keeps its value (the contract as let has no
      // shortfall trend, whatever the fit tries).
      const own = mergeScenario(PRESETS.get(preset) ?? { schemaVersion: 1 }, PRESETS).merged
        .parameters;
      const parameters = Object.fromEntries(
        Object.entries(overrides)
          .filter(([id]) => !(id in own))
          .map(([id, v]) => [id, Number(v.toPrecision(12))]),
      );
      const result = validateScenario({ schemaVersion: 1, extends: preset, parameters }, dataset);
      if (!result.ok) {
        throw new Error(`preset ${preset}: ${result.issues.map(formatIssue).join("; ")}`);
      }
      ledger =
        engine === "exact" ? projectExact(result.value.inputs) : projectFloat(result.value.inputs);
      memo.set(preset, ledger);
    }
    return ledger;
  };
}

/** The model's value for a target: its measure on its scenario (or the difference of two). */
export function modelValue(target: Target, ledgerOf: LedgerOf): number {
  return sourcedValue(target, (preset) => ledgerSource(ledgerOf(preset)));
}

/** `modelValue` with each preset's projection read through a `LineSource`. */
export function sourcedValue(target: Target, sourceOf: (preset: string) => LineSource): number {
  const measure = MEASURES[target.measure];
  const [a, b] = target.scenarios;
  const value = measure(sourceOf(a), target.crcs);
  return b === undefined ? value : value - measure(sourceOf(b), target.crcs);
}

export interface TargetResult {
  readonly target: Target;
  readonly model: number;
  /** model − published, in the target's unit. */
  readonly residual: number;
  readonly within: boolean;
}

export function evaluateTargets(targets: readonly Target[], ledgerOf: LedgerOf): TargetResult[] {
  return targets.map((target) => {
    const model = modelValue(target, ledgerOf);
    return { target, model, residual: model - target.value, within: meets(target, model) };
  });
}
