import type { Issue } from "../issues/issue.ts";
import type { Dataset } from "../data/index.ts";
import { effectiveShortfallColumn } from "../engine/effective-shortfall.ts";
import {
  SHORTFALL_GIVEN_IDS,
  SHORTFALL_ID,
  SHORTFALL_TREND_ID,
} from "../engine/parameter-specs.ts";
import type { ProjectionInputs } from "../engine/projection-inputs.ts";
import {
  checkResolvedInputs,
  CROSS_CHECKED_PARAMETER_IDS,
} from "../scenario/check-resolved-inputs.ts";

/** Whether a change to `id` changes the derived `volume.shortfall` column the rules read. */
export function feedsShortfall(id: string): boolean {
  return SHORTFALL_GIVEN_IDS.includes(id) || id === SHORTFALL_TREND_ID;
}

/**
 * The inputs with some columns replaced (the base is not changed), and the derived shortfall
 * path recomputed exactly as the scenario resolver does (effective-shortfall.ts) when a given
 * year or the trend changed. No range checks here: see `inputIssues`.
 */
export function withColumns(
  base: ProjectionInputs,
  columns: ReadonlyMap<string, Float64Array>,
): ProjectionInputs {
  const values = new Map(base.values);
  for (const [id, column] of columns) {
    if (!values.has(id)) throw new Error(`projection inputs lack parameter ${id}`);
    values.set(id, column);
  }
  if ([...columns.keys()].some(feedsShortfall))
    values.set(SHORTFALL_ID, effectiveShortfallColumn(values, base.crcs.length));
  return { crcs: base.crcs, values };
}

/**
 * The parameters `checkResolvedInputs` reads (src/scenario/check-resolved-inputs.ts lists
 * them), with the shortfall path's: inputs that change none of them need no re-check.
 */
export const CROSS_CHECKED_IDS: readonly string[] = [
  ...CROSS_CHECKED_PARAMETER_IDS,
  ...SHORTFALL_GIVEN_IDS,
  SHORTFALL_TREND_ID,
];

/**
 * The checks across parameters that the scenario resolver makes (staff share within the fixed
 * share, staffing above zero, the shortfall path inside the 2017-18 row's range, prices), so
 * edited inputs are held to the same rules as a scenario file.
 */
export function inputIssues(inputs: ProjectionInputs, dataset: Dataset): Issue[] {
  const latest = SHORTFALL_GIVEN_IDS[SHORTFALL_GIVEN_IDS.length - 1]!;
  const rowFor = (crc: string) =>
    dataset.parameters.find((p) => p.id === latest && p.crc === crc) ??
    dataset.parameters.find((p) => p.id === latest && p.crc === null);
  return checkResolvedInputs(inputs, rowFor);
}
