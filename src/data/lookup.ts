import type { Dataset, Figure, Parameter } from "./dataset.ts";

/**
 * The parameter row for `id`: the CRC's own row when `crc` is given and one exists, else the
 * global row. A missing parameter is a bug in the caller (the ids are a contract), so it throws.
 */
export function param(dataset: Dataset, id: string, crc?: string): Parameter {
  const own =
    crc === undefined ? undefined : dataset.parameters.find((p) => p.id === id && p.crc === crc);
  const found = own ?? dataset.parameters.find((p) => p.id === id && p.crc === null);
  if (!found) {
    const where = crc === undefined ? "" : ` for CRC ${crc}`;
    throw new Error(`param: no parameter ${id}${where} (neither a per-CRC nor a global row)`);
  }
  return found;
}

/** The default of a numeric parameter; throws for a month-valued one (a bug). */
export function paramNumber(dataset: Dataset, id: string, crc?: string): number {
  const p = param(dataset, id, crc);
  if (typeof p.defaultValue !== "number") throw new Error(`param ${id} is a month, not a number`);
  return p.defaultValue;
}

/** The default of a money parameter in integer pence; throws for a non-money one (a bug). */
export function paramPence(dataset: Dataset, id: string, crc?: string): number {
  const p = param(dataset, id, crc);
  if (p.defaultPence === null) throw new Error(`param ${id} is ${p.unit}, not money`);
  return p.defaultPence;
}

/** The default of a date_month parameter ("YYYY-MM"); throws otherwise (a bug). */
export function paramMonth(dataset: Dataset, id: string, crc?: string): string {
  const p = param(dataset, id, crc);
  if (p.unit !== "date_month") throw new Error(`param ${id} is ${p.unit}, not date_month`);
  return p.defaultValue as string;
}

/** Every per-CRC row of `id`, in file order. */
export function paramRowsByCrc(dataset: Dataset, id: string): Parameter[] {
  return dataset.parameters.filter((p) => p.id === id && p.crc !== null);
}

/** The figure with this id; throws if absent (a bug: figure ids are a contract too). */
export function figure(dataset: Dataset, id: string): Figure {
  const found = dataset.figures.find((f) => f.id === id);
  if (!found) throw new Error(`figure: no figure ${id} in data/figures.csv`);
  return found;
}
