import type { Dataset, Parameter } from "../data/index.ts";
import { FY_COUNT, type ProjectionInputs } from "../engine/projection-inputs.ts";
import { MONTH_COUNT } from "../engine/ledger.ts";
import { monthIndexOf } from "../engine/timeline.ts";

/**
 * One cell's distribution, in the engine's units: the likely value `mode` (the scenario's value),
 * a plausible range `low`–`high` around it (low ≤ mode ≤ high), and hard limits `min`–`max`
 * (the parameter's allowed range) that no draw may leave.
 */
export interface CellRange {
  readonly min: number;
  readonly low: number;
  readonly mode: number;
  readonly high: number;
  readonly max: number;
}

type Column = "min" | "low" | "default" | "high" | "max";

/** One column of a data row in the engine's number: pence for money, a month index for months. */
export function rowNumber(row: Parameter, column: Column): number {
  if (row.unit === "date_month") {
    const index = monthIndexOf(String(row.values[column]));
    // Limits outside the contract (none today) are pulled in to its first or last month.
    if (index >= 0) return index;
    return String(row.values[column]) < "2015-02" ? 0 : MONTH_COUNT - 1;
  }
  if (row.pence !== null) return row.pence[column];
  return Number(row.text[column]);
}

/** The data row each CRC's value of `id` comes from (its own, else the national row). */
export function rowsByCrc(
  id: string,
  inputs: ProjectionInputs,
  dataset: Dataset,
): (Parameter | undefined)[] {
  const national = dataset.parameters.find((p) => p.id === id && p.crc === null);
  const own = new Map(
    dataset.parameters.filter((p) => p.id === id && p.crc !== null).map((p) => [p.crc!, p]),
  );
  return inputs.crcs.map((crc) => own.get(crc.id) ?? national);
}

/**
 * The range of one parameter for every CRC and year (`[c × FY_COUNT + y]`), around the resolved
 * (scenario) value, which is the mode:
 * - given `explicit` low and high (engine units): those, for every cell;
 * - else the data row's spread below and above its default (default − low, high − default),
 *   moved to the scenario's value and cut to the row's min–max. With no override this is the
 *   row's own low–high; an override moves the distribution with it.
 * Returns undefined if some CRC has no data row for the parameter.
 */
export function parameterRanges(
  id: string,
  inputs: ProjectionInputs,
  dataset: Dataset,
  explicit?: { readonly low: number; readonly high: number },
): CellRange[] | undefined {
  const column = inputs.values.get(id);
  if (column === undefined) return undefined;
  const rows = rowsByCrc(id, inputs, dataset);
  const ranges: CellRange[] = [];
  for (let c = 0; c < inputs.crcs.length; c++) {
    const row = rows[c];
    if (row === undefined) return undefined;
    const min = rowNumber(row, "min");
    const max = rowNumber(row, "max");
    const below = Math.max(0, rowNumber(row, "default") - rowNumber(row, "low"));
    const above = Math.max(0, rowNumber(row, "high") - rowNumber(row, "default"));
    for (let y = 0; y < FY_COUNT; y++) {
      const mode = column[c * FY_COUNT + y]!;
      ranges.push(
        explicit === undefined
          ? {
              min,
              max,
              mode,
              low: Math.max(min, Math.min(mode, mode - below)),
              high: Math.min(max, Math.max(mode, mode + above)),
            }
          : { min, max, mode, low: explicit.low, high: explicit.high },
      );
    }
  }
  return ranges;
}

/** Whether the parameter has per-CRC rows (else one national row). */
export function hasCrcRows(id: string, dataset: Dataset): boolean {
  return dataset.parameters.some((p) => p.id === id && p.crc !== null);
}

/** Whether draws of the parameter are whole numbers in the engine (pence, months, people). */
export function isWholeNumber(id: string, dataset: Dataset): boolean {
  const row = dataset.parameters.find((p) => p.id === id);
  if (row === undefined) return false;
  return (
    row.unit === "date_month" ||
    row.pence !== null ||
    row.unit === "months" ||
    row.unit === "people" ||
    row.unit === "count"
  );
}
