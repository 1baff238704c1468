import { didYouMean } from "../issues/did-you-mean.ts";
import type { Issue } from "../issues/issue.ts";
import type { MergedScenario, ParameterOverride, ParameterValue, Scenario } from "./scenario.ts";
import { mergeUncertainty, type UncertaintySettings } from "./uncertainty-settings.ts";

/** An override in object form: a plain value `v` is `{ value: v }`. */
export function toOverride(entry: ParameterValue | ParameterOverride): ParameterOverride {
  return typeof entry === "object" ? entry : { value: entry };
}

/**
 * Merge a child's override into its parent's. A plain value replaces the parent's entry
 * wholesale (a global override means "this value everywhere"); an object merges key by key,
 * and its maps merge entry by entry.
 */
export function mergeOverride(
  parent: ParameterOverride | undefined,
  child: ParameterValue | ParameterOverride,
): ParameterOverride {
  if (typeof child !== "object" || parent === undefined) return toOverride(child);
  const merged: { -readonly [K in keyof ParameterOverride]: ParameterOverride[K] } = { ...parent };
  if (child.value !== undefined) merged.value = child.value;
  for (const key of ["byYear", "byOwner", "byCrc"] as const) {
    if (child[key] !== undefined) merged[key] = { ...parent[key], ...child[key] };
  }
  return merged;
}

/**
 * Apply a scenario's `extends` chain: the named preset (itself perhaps extending another) first,
 * then the scenario's own overrides. Unknown presets and cycles are issues. A cycle is a preset
 * met twice on the chain; the scenario's own `id` plays no part, so a user's scenario that
 * happens to share a preset's id (say a copy of the-2017-variation saved under its name) is
 * not taken for that preset: its `extends` names presets, and presets are looked up by id.
 */
export function mergeScenario(
  scenario: Scenario,
  presets: ReadonlyMap<string, Scenario>,
): { merged: MergedScenario; issues: Issue[] } {
  const issues: Issue[] = [];
  const chain: Scenario[] = [scenario];
  const lineage: string[] = [];
  let next = scenario.extends;
  while (next !== undefined) {
    if (lineage.includes(next)) {
      issues.push({
        path: "extends",
        message: `presets extend each other in a cycle: ${[...lineage, next].join(" → ")}`,
      });
      break;
    }
    const preset = presets.get(next);
    if (preset === undefined) {
      issues.push({
        path: "extends",
        message: `"${next}" is not a preset${didYouMean(next, presets.keys())}; presets: ${[...presets.keys()].join(", ")}`,
      });
      break;
    }
    lineage.push(next);
    chain.push(preset);
    next = preset.extends;
  }
  const parameters: Record<string, ParameterOverride> = {};
  let uncertainty: UncertaintySettings | undefined;
  for (const layer of chain.reverse()) {
    for (const [id, entry] of Object.entries(layer.parameters ?? {})) {
      parameters[id] = mergeOverride(parameters[id], entry);
    }
    uncertainty = mergeUncertainty(uncertainty, layer.uncertainty);
  }
  const merged: MergedScenario = {
    schemaVersion: scenario.schemaVersion,
    ...(scenario.id === undefined ? {} : { id: scenario.id }),
    ...(scenario.title === undefined ? {} : { title: scenario.title }),
    ...(scenario.description === undefined ? {} : { description: scenario.description }),
    lineage,
    parameters,
    ...(uncertainty === undefined ? {} : { uncertainty }),
  };
  return { merged, issues };
}
