import type { Dataset, Parameter } from "../data/index.ts";
import { FY_COUNT, type ProjectionInputs } from "../engine/projection-inputs.ts";
import { MONTH_COUNT } from "../engine/ledger.ts";
import { monthIndexOf } from "../engine/timeline.ts";
import type { CellRange } from "./distributions.ts";

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

/**
 * The range of one parameter for every CRC and year, around the resolved (scenario) value:
 * the data row's spread below and above its default (default − low, high − default) is kept,
 * moved to the scenario's value, and cut to the row's min–max. With no override the range is
 * the row's low–high; an override moves the distribution with it (README.md "Ranges").
 * Returns undefined if the parameter has no data row for some CRC.
 */
export function parameterRanges(
  id: string,
  inputs: ProjectionInputs,
  dataset: Dataset,
): CellRange[] | undefined {
  const column = inputs.values.get(id);
  if (column === undefined) return undefined;
  const national = dataset.parameters.find((p) => p.id === id && p.crc === null);
  const byCrc = new Map(
    dataset.parameters.filter((p) => p.id === id && p.crc !== null).map((p) => [p.crc!, p]),
  );
  const ranges: CellRange[] = [];
  for (let c = 0; c < inputs.crcs.length; c++) {
    const row = byCrc.get(inputs.crcs[c]!.id) ?? national;
    if (row === undefined) return undefined;
    const min = rowNumber(row, "min");
    const max = rowNumber(row, "max");
    const below = rowNumber(row, "default") - rowNumber(row, "low");
    const above = rowNumber(row, "high") - rowNumber(row, "default");
    for (let y = 0; y < FY_COUNT; y++) {
      const mode = column[c * FY_COUNT + y]!;
      ranges.push({
        min,
        max,
        mode,
        low: Math.max(min, Math.min(mode, mode - Math.max(0, below))),
        high: Math.min(max, Math.max(mode, mode + Math.max(0, above))),
      });
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
