import { effectiveShortfallColumn } from "../engine/effective-shortfall.ts";
import {
  SHORTFALL_GIVEN_IDS,
  SHORTFALL_ID,
  SHORTFALL_TREND_ID,
} from "../engine/parameter-specs.ts";
import type { ProjectionInputs } from "../engine/projection-inputs.ts";

const SHORTFALL_SOURCES = new Set([...SHORTFALL_GIVEN_IDS, SHORTFALL_TREND_ID]);

/**
 * A's inputs with some parameters' values taken from B (volume.shortfall re-derived). The
 * derived column depends only on which of its sources come from B, and deriving it is most of a
 * float projection's cost (decimal arithmetic), so callers making many mixes of one A and B
 * (the fair shares, issue #17) pass a `derived` map that remembers it per set of sources.
 */
export function hybrid(
  a: ProjectionInputs,
  b: ProjectionInputs,
  from: readonly string[],
  derived?: Map<string, Float64Array>,
): ProjectionInputs {
  const values = new Map(a.values);
  for (const id of from) values.set(id, b.values.get(id)!);
  const sources = from.filter((id) => SHORTFALL_SOURCES.has(id));
  if (sources.length > 0) {
    const key = [...sources].sort().join(" ");
    let column = derived?.get(key);
    if (column === undefined) {
      column = effectiveShortfallColumn(values, a.crcs.length);
      derived?.set(key, column);
    }
    values.set(SHORTFALL_ID, column);
  }
  return { crcs: a.crcs, values };
}
