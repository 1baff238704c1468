import type { WarnedResult } from "../issues/issue.ts";
import type { Dataset } from "../data/index.ts";
import { projectScenario, type Projection } from "../scenario/project-scenario.ts";
import type { ParameterOverride, Scenario } from "../scenario/scenario.ts";
import type { ResolvedScenario } from "../scenario/validate-scenario.ts";

/**
 * The resolved scenario as a plain document (its `extends` chain already applied), with the
 * given parameters' entries replaced. This is how a sensitivity result is re-run exactly: as a
 * scenario file a reader could save and run, not as edited engine inputs, so the check covers
 * the resolver's conversions, derived columns and range checks too.
 */
export function scenarioWith(
  resolved: ResolvedScenario,
  overrides: Readonly<Record<string, ParameterOverride>>,
): Scenario {
  return {
    schemaVersion: resolved.merged.schemaVersion,
    parameters: { ...resolved.merged.parameters, ...overrides },
  };
}

/** Validate and project `scenarioWith(resolved, overrides)` on the exact (decimal) ledger. */
export function projectExactWith(
  resolved: ResolvedScenario,
  dataset: Dataset,
  overrides: Readonly<Record<string, ParameterOverride>>,
): WarnedResult<Projection> {
  return projectScenario(scenarioWith(resolved, overrides), dataset);
}
