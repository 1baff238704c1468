import type { ProjectionInputs } from "../engine/projection-inputs.ts";
import type { ResolvedScenario } from "../scenario/validate-scenario.ts";

/** Fixture inputs as a resolved scenario with no provenance (for tests of the explain tree). */
export function fixtureScenario(inputs: ProjectionInputs): ResolvedScenario {
  return {
    merged: { schemaVersion: 1, lineage: [], parameters: {} },
    hash: "",
    inputs,
    origin: () => undefined,
  };
}
