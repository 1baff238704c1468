import type { Scenario } from "../scenario/scenario.ts";

/** How many values a scenario sets itself: each plain value, and each by-year/owner/CRC entry. */
export function countOverrides(scenario: Pick<Scenario, "parameters">): number {
  let n = 0;
  for (const entry of Object.values(scenario.parameters ?? {})) {
    if (typeof entry !== "object") {
      n += 1;
      continue;
    }
    if (entry.value !== undefined) n += 1;
    for (const scoped of [entry.byYear, entry.byOwner, entry.byCrc])
      n += Object.keys(scoped ?? {}).length;
  }
  return n;
}

/**
 * The name an export gives a scenario. A preset's title alone would be wrong once a slider has
 * moved (the engine reports the preset's title for anything built on it), so changes are
 * counted: "The 2017 variation, with 2 changed inputs". The hash beside it says exactly which.
 */
export function scenarioName(
  scenario: Scenario,
  presets: ReadonlyMap<string, Pick<Scenario, "title">>,
): string {
  if (scenario.title !== undefined && scenario.title.trim() !== "") return scenario.title.trim();
  const base =
    scenario.extends === undefined
      ? "The data's defaults"
      : (presets.get(scenario.extends)?.title ?? scenario.extends);
  const n = countOverrides(scenario);
  return n === 0 ? base : `${base}, with ${n} changed input${n === 1 ? "" : "s"}`;
}
