import type { Issue, WarnedResult } from "../issues/issue.ts";
import type { Dataset } from "../data/index.ts";
import type { ProjectionInputs } from "../engine/projection-inputs.ts";
import { canonicalJson } from "./canonical-json.ts";
import { mergeScenario } from "./merge-scenario.ts";
import { parseScenario } from "./parse-scenario.ts";
import { PRESETS } from "./presets.ts";
import { resolveScenario, type ValueOrigin } from "./resolve-scenario.ts";
import type { MergedScenario, Scenario } from "./scenario.ts";
import { sha256Hex } from "./sha256.ts";
import { checkUncertainty } from "./sampled-parameters.ts";

/** A scenario checked against the data and ready to project. */
export interface ResolvedScenario {
  readonly merged: MergedScenario;
  /** SHA-256 of the canonical JSON of the merged overrides (see `scenarioHash`). */
  readonly hash: string;
  readonly inputs: ProjectionInputs;
  readonly origin: (id: string, crc: number, fy: number) => ValueOrigin | undefined;
}

/**
 * Every resolved scenario `validateScenario` has returned. Only this module adds to it, so no
 * object built elsewhere (JSON from a file, a structured clone, an object spelled out with
 * `inputs`, `merged` and `hash`) passes `isValidatedScenario`: a document that looks resolved
 * still goes through validation. Weak, so it keeps nothing alive.
 */
const VALIDATED = new WeakSet<object>();

/** Whether `value` is a resolved scenario returned by `validateScenario` (not a look-alike). */
export function isValidatedScenario(value: unknown): value is ResolvedScenario {
  return typeof value === "object" && value !== null && VALIDATED.has(value);
}

/**
 * The scenario's canonical hash: SHA-256 (hex) of the canonical JSON (sorted keys, no
 * whitespace) of `{ schemaVersion, parameters }` after the `extends` chain is applied, each
 * override in object form. Titles, descriptions and ids do not change it; the same effective
 * overrides written differently (a plain value or `{ "value": … }`, keys in any order, through a
 * preset or spelled out) give the same hash. It identifies the scenario, not the data: the same
 * scenario on a changed data/parameters.csv has the same hash.
 */
export function scenarioHash(merged: MergedScenario): string {
  return sha256Hex(
    canonicalJson({ schemaVersion: merged.schemaVersion, parameters: merged.parameters }),
  );
}

/**
 * Check a scenario document against the schema, the presets and the data, and resolve it.
 * Every problem is returned, each with its path; warnings (e.g. an override with no effect)
 * come with a successful result.
 */
export function validateScenario(
  doc: unknown,
  dataset: Dataset,
  presets: ReadonlyMap<string, Scenario> = PRESETS,
): WarnedResult<ResolvedScenario> {
  const parsed = parseScenario(doc);
  const { merged, issues: mergeIssues } = mergeScenario(parsed.scenario, presets);
  const { resolved, issues, warnings } = resolveScenario(merged, dataset);
  // The Monte Carlo settings (their well-formed parts), checked against the resolved values and
  // the data's ranges, so their problems come with every other.
  const uncertainty =
    merged.uncertainty === undefined || resolved === undefined
      ? { issues: [], warnings: [] }
      : checkUncertainty(resolved.inputs, dataset, merged.uncertainty, "uncertainty");
  const all: Issue[] = [...parsed.issues, ...mergeIssues, ...issues, ...uncertainty.issues];
  if (all.length > 0 || resolved === undefined) return { ok: false, issues: all };
  const value: ResolvedScenario = {
    merged,
    hash: scenarioHash(merged),
    inputs: resolved.inputs,
    origin: resolved.origin,
  };
  VALIDATED.add(value);
  return { ok: true, value, warnings: [...warnings, ...uncertainty.warnings] };
}
