import type { Issue, WarnedResult } from "../issues/issue.ts";
import type { Dataset } from "../data/index.ts";
import type { Ledger } from "../engine/ledger.ts";
import { projectExact } from "../engine/project-exact.ts";
import type { Scenario } from "./scenario.ts";
import { PRESETS } from "./presets.ts";
import {
  isValidatedScenario,
  validateScenario,
  type ResolvedScenario,
} from "./validate-scenario.ts";

export interface Projection {
  readonly scenario: ResolvedScenario;
  readonly ledger: Ledger;
  readonly warnings: readonly Issue[];
}

/**
 * Project a scenario: a scenario document (validated here, every problem returned) or an
 * already-resolved scenario from `validateScenario`. Only the very objects `validateScenario`
 * returned count as resolved (`isValidatedScenario`): anything else, whatever its keys, is a
 * document and is validated, so JSON shaped like a resolved scenario cannot reach the engine.
 * Pure: runs in Node, the browser and a worker alike.
 */
export function projectScenario(
  input: unknown,
  dataset: Dataset,
  presets: ReadonlyMap<string, Scenario> = PRESETS,
): WarnedResult<Projection> {
  let warnings: readonly Issue[] = [];
  let resolved: ResolvedScenario;
  if (isValidatedScenario(input)) resolved = input;
  else {
    const checked = validateScenario(input, dataset, presets);
    if (!checked.ok) return checked;
    resolved = checked.value;
    warnings = checked.warnings;
  }
  const ledger = projectExact(resolved.inputs);
  return { ok: true, value: { scenario: resolved, ledger, warnings }, warnings };
}
