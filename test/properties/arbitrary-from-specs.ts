import fc from "fast-check";
import { UNITS, type Dataset, type Parameter } from "../../src/data/index.ts";
import { effectiveShortfallColumn } from "../../src/engine/effective-shortfall.ts";
import {
  PARAMETER_SPECS,
  SHORTFALL_GIVEN_IDS,
  SHORTFALL_ID,
} from "../../src/engine/parameter-specs.ts";
import { FY_COUNT, type ProjectionInputs } from "../../src/engine/projection-inputs.ts";
import { monthIndexOf } from "../../src/engine/timeline.ts";
import { checkResolvedInputs } from "../../src/scenario/check-resolved-inputs.ts";
import { validateScenario } from "../../src/scenario/validate-scenario.ts";

/**
 * A value in engine units (pence, month index, or the row's own unit) within a row's min–max;
 * with `ends`, often one of the range's ends or the least step above its minimum (0.001 FTE,
 * 1p): where divisions by small numbers hide.
 */
function rowValue(row: Parameter, ends = false): fc.Arbitrary<number> {
  const inside = rowValueInside(row);
  if (!ends || row.unit === "date_month") return inside;
  const [min, max] =
    row.pence !== null
      ? [row.pence.min, row.pence.max]
      : [Number(row.values.min), Number(row.values.max)];
  const step = row.pence !== null || UNITS[row.unit].integer ? 1 : 0.001;
  // The minimum itself rarely: a 0 there (no staff, no caseload) is refused, and the
  // values just above it are the ones that reach the engine.
  return fc.oneof(
    { weight: 8, arbitrary: inside },
    { weight: 4, arbitrary: fc.constant(Math.min(max, min + step)) },
    { weight: 3, arbitrary: fc.constant(max) },
    { weight: 1, arbitrary: fc.constant(min) },
  );
}

function rowValueInside(row: Parameter): fc.Arbitrary<number> {
  if (row.pence !== null) return fc.integer({ min: row.pence.min, max: row.pence.max });
  if (row.unit === "date_month")
    return fc.integer({
      min: monthIndexOf(String(row.values.min)),
      max: monthIndexOf(String(row.values.max)),
    });
  const min = Number(row.values.min);
  const max = Number(row.values.max);
  if (UNITS[row.unit].integer) return fc.integer({ min, max });
  // Three decimal places, as the data's values have: few significant digits make exact
  // half-penny ties common, which the float path must settle as the exact ledger does.
  return fc
    .integer({ min: Math.ceil(min * 1000), max: Math.floor(max * 1000) })
    .map((n) => n / 1000 + 0);
}

/**
 * Random projection inputs for the project's 21 CRCs: each parameter the engine reads
 * (`PARAMETER_SPECS`) either keeps the default scenario's values or is drawn within its data
 * rows' min–max (each CRC's own row where it has one), one value per CRC and per financial year
 * wherever the spec lets the parameter vary by CRC and by year. Drawn inputs that break a rule
 * needing several parameters (`checkResolvedInputs`: staff within fixed costs, staffing above
 * 0 FTE, the workload cap where the feedback is on, the shortfall path in range, …) are held as
 * the Monte Carlo holds them where it can (the staff share at the fixed share) and otherwise
 * discarded. `ends`: values at the ends of their ranges often (`rowValue`).
 */
export function arbitraryInputsFromSpecs(
  dataset: Dataset,
  options: { readonly ends?: boolean } = {},
): fc.Arbitrary<ProjectionInputs> {
  const resolved = validateScenario({ schemaVersion: 1 }, dataset);
  if (!resolved.ok) throw new Error("the default scenario does not validate");
  const base = resolved.value.inputs;
  const crcs = base.crcs;
  const rowOf = (id: string, crc: string) =>
    dataset.parameters.find((p) => p.id === id && p.crc === crc) ??
    dataset.parameters.find((p) => p.id === id && p.crc === null)!;
  const columns: Record<string, fc.Arbitrary<Float64Array | null>> = {};
  for (const [id, spec] of Object.entries(PARAMETER_SPECS)) {
    if (!spec.used) continue;
    const perCrc = spec.scope === "crc";
    const cells = crcs.map((crc) => {
      const value = rowValue(rowOf(id, perCrc ? crc.id : crcs[0]!.id), options.ends);
      return spec.byYear
        ? fc.array(value, { minLength: FY_COUNT, maxLength: FY_COUNT })
        : value.map((v) => Array.from({ length: FY_COUNT }, () => v));
    });
    const column = perCrc
      ? fc.tuple(...cells).map((rows) => Float64Array.from(rows.flat()))
      : cells[0]!.map((row) => Float64Array.from(crcs.flatMap(() => row)));
    // Half the time the default's values: a scenario moves some levers, not all at once.
    columns[id] = fc.option(column, { freq: 2, nil: null });
  }
  return fc
    .record(columns)
    .map((drawn) => {
      const values = new Map(base.values);
      for (const [id, column] of Object.entries(drawn)) if (column !== null) values.set(id, column);
      // The staff share held at or below the fixed share (as src/uncertainty/sampler.ts holds it).
      const fixed = values.get("cost.fixedShare")!;
      values.set(
        "cost.staffShare",
        values.get("cost.staffShare")!.map((s, k) => Math.min(s, fixed[k]!)),
      );
      if (SHORTFALL_GIVEN_IDS.some((id) => drawn[id] !== null) || drawn["volume.shortfallTrend"])
        values.set(SHORTFALL_ID, effectiveShortfallColumn(values, crcs.length));
      return { crcs, values } as ProjectionInputs;
    })
    .filter((inputs) => {
      const shortfallRow = (crc: string) => rowOf("volume.shortfall.2017-18", crc);
      return checkResolvedInputs(inputs, shortfallRow).length === 0;
    });
}
