import type { Dataset } from "../data/index.ts";
import { param } from "../data/index.ts";
import { SHORTFALL_GIVEN_IDS, SHORTFALL_ID } from "../engine/parameter-specs.ts";
import { FY_COUNT, type ProjectionInputs } from "../engine/projection-inputs.ts";

/**
 * Keep swung inputs inside the rules a scenario must meet, the way the Monte Carlo's sampler
 * does (src/uncertainty/sampler.ts), and say what was held:
 * - the shortfall path after 2017-18 (2017-18 plus the trend) inside the 2017-18 row's range;
 * - the staff share of costs at or below the fixed share (staff count as fixed costs).
 * Returns new inputs (the given ones are not changed) and one note per rule that bit.
 */
export function holdInRange(
  inputs: ProjectionInputs,
  dataset: Dataset,
): { inputs: ProjectionInputs; notes: string[] } {
  const notes: string[] = [];
  const values = new Map(inputs.values);
  const n = inputs.crcs.length;

  const path = inputs.values.get(SHORTFALL_ID)!;
  const latest = SHORTFALL_GIVEN_IDS[SHORTFALL_GIVEN_IDS.length - 1]!;
  let heldPath: Float64Array | undefined;
  const pathCrcs: string[] = [];
  for (let c = 0; c < n; c++) {
    const row = param(dataset, latest, inputs.crcs[c]!.id);
    const min = Number(row.text.min);
    const max = Number(row.text.max);
    for (let y = 0; y < FY_COUNT; y++) {
      const k = c * FY_COUNT + y;
      const s = path[k]!;
      if (s >= min && s <= max) continue;
      heldPath ??= Float64Array.from(path);
      heldPath[k] = Math.min(max, Math.max(min, s));
      if (pathCrcs[pathCrcs.length - 1] !== inputs.crcs[c]!.id) pathCrcs.push(inputs.crcs[c]!.id);
    }
  }
  if (heldPath !== undefined) {
    values.set(SHORTFALL_ID, heldPath);
    notes.push(
      `shortfall after 2017-18 held inside the 2017-18 range for ${pathCrcs.length} CRC(s): ${pathCrcs.join(", ")}`,
    );
  }

  const staff = inputs.values.get("cost.staffShare")!;
  const fixed = inputs.values.get("cost.fixedShare")!;
  let heldStaff: Float64Array | undefined;
  const staffCrcs = new Set<string>();
  for (let k = 0; k < staff.length; k++) {
    if (staff[k]! <= fixed[k]!) continue;
    heldStaff ??= Float64Array.from(staff);
    heldStaff[k] = fixed[k]!;
    staffCrcs.add(inputs.crcs[Math.floor(k / FY_COUNT)]!.id);
  }
  if (heldStaff !== undefined) {
    values.set("cost.staffShare", heldStaff);
    notes.push(
      `cost.staffShare held at cost.fixedShare for ${staffCrcs.size} CRC(s): ${[...staffCrcs].join(", ")}`,
    );
  }
  return { inputs: { crcs: inputs.crcs, values }, notes };
}
