import type { Scenario } from "../scenario/scenario.ts";

/**
 * One entry of a page's "Scenario" / "Start from" menu. `value` is what the entry names, written
 * as its `<option value>`: a preset's id ("no-variation"), a saved scenario's name after "saved:"
 * (so a saved "no-variation" stays apart from the preset), or "link" for the link's own scenario.
 */
export interface ScenarioChoice {
  readonly value: string;
  readonly label: string;
  readonly scenario: unknown;
}

/** What a page opened with: `scenarioFromUrl`'s answer, whose value is the link's scenario or the default. */
export interface OpenedScenario {
  readonly value: Scenario;
}

/**
 * A scenario as text with its keys sorted at every level, so two documents that say the same
 * thing compare equal whatever order their keys were written in (an address is decoded as
 * id, title, extends, parameters; a preset choice is written schemaVersion, extends).
 * `undefined` values drop out, as in JSON.
 */
export function scenarioKey(scenario: unknown): string {
  return JSON.stringify(scenario, (_, value: unknown) =>
    value !== null && typeof value === "object" && !Array.isArray(value)
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((k) => [k, (value as Record<string, unknown>)[k]]),
        )
      : value,
  );
}

/**
 * The scenarios a reader can start from: the link's, the presets, then the saved ones. The
 * link's scenario gets its own entry whenever no preset or saved entry is exactly it: a title
 * or an id alone makes it a different document (issue #15: `?v=1&extends=no-variation&title=Hello`
 * used to open "The contract as let", because only parameters counted as "from the link").
 * `fallback` is the scenario a page opens when the address carries none, which is a preset.
 */
export function scenarioChoices(
  opened: OpenedScenario,
  saved: ReadonlyArray<{ readonly name: string; readonly scenario: unknown }>,
  presets: ReadonlyMap<string, Pick<Scenario, "title">>,
): ScenarioChoice[] {
  const listed: ScenarioChoice[] = [
    ...[...presets].map(([id, preset]) => ({
      value: id,
      label: `Preset: ${preset.title ?? id}`,
      scenario: { schemaVersion: 1, extends: id } as unknown,
    })),
    ...saved.map((s) => ({
      value: `saved:${s.name}`,
      label: `Saved: ${s.name}`,
      scenario: s.scenario,
    })),
  ];
  const key = scenarioKey(opened.value);
  if (listed.some((c) => scenarioKey(c.scenario) === key)) return listed;
  const { title, id } = opened.value;
  const name = title?.trim() || id;
  return [
    { value: "link", label: `From the link${name ? `: ${name}` : ""}`, scenario: opened.value },
    ...listed,
  ];
}

/**
 * The entry to show first: the one that is the opened scenario. `scenarioChoices` always lists
 * it, so the first entry is only a guard against a caller's own list.
 */
export function initialChoice(
  choices: readonly ScenarioChoice[],
  opened: OpenedScenario,
): ScenarioChoice | undefined {
  const key = scenarioKey(opened.value);
  return choices.find((c) => scenarioKey(c.scenario) === key) ?? choices[0];
}
