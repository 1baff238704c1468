import type { Dataset } from "../data/index.ts";
import { mergeScenario } from "../scenario/merge-scenario.ts";
import type { ParameterOverride, Scenario } from "../scenario/scenario.ts";
import { scenarioKey } from "./scenario-choices.ts";

/** What a reader is told about a preset where it is chosen (issue #16). */
export interface PresetNote {
  readonly title: string;
  readonly description: string;
  /** The other presets whose inputs are the same, so whose figures are too (their titles). */
  readonly sameAs: readonly string[];
}

/** A preset's inputs, every override written out, national values left at the data's default dropped. */
function effectiveInputs(
  id: string,
  presets: ReadonlyMap<string, Scenario>,
  dataset: Dataset,
): string {
  const { merged } = mergeScenario({ schemaVersion: 1, extends: id }, presets);
  const inputs: Record<string, ParameterOverride> = {};
  for (const [pid, override] of Object.entries(merged.parameters)) {
    const national = dataset.parameters.find((p) => p.id === pid && p.crc === null);
    const { value, ...scoped } = override;
    const atDefault =
      value !== undefined && national !== undefined && national.defaultValue === value;
    const kept: ParameterOverride = atDefault ? scoped : override;
    if (Object.keys(kept).length > 0) inputs[pid] = kept;
  }
  return scenarioKey(inputs);
}

/**
 * Each preset's title, description and the presets that coincide with it: two presets with
 * different names and the same inputs give the same figures, and the reader is told so rather
 * than left to find it (e.g. "Staff cuts as reported" sets the staff cut scale to the value the
 * data already holds, so it is "The 2017 variation").
 */
export function presetNotes(
  presets: ReadonlyMap<string, Scenario>,
  dataset: Dataset,
): Map<string, PresetNote> {
  const keys = new Map(
    [...presets.keys()].map((id) => [id, effectiveInputs(id, presets, dataset)]),
  );
  const titleOf = (id: string) => presets.get(id)?.title ?? id;
  return new Map(
    [...presets].map(([id, preset]) => [
      id,
      {
        title: titleOf(id),
        description: preset.description ?? "",
        sameAs: [...keys]
          .filter(([other, key]) => other !== id && key === keys.get(id))
          .map(([other]) => titleOf(other)),
      },
    ]),
  );
}
