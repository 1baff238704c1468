import { createHinter, HINT_CELLS } from "../issues/did-you-mean.ts";
import { joinPath, quote } from "../issues/describe-value.ts";
import type { Issue } from "../issues/issue.ts";
import type { Dataset, Parameter } from "../data/index.ts";
import { effectiveShortfallColumn } from "../engine/effective-shortfall.ts";
import {
  PARAMETER_SPECS,
  REQUIRED_PARAMETER_IDS,
  SHORTFALL_GIVEN_IDS,
  SHORTFALL_ID,
  SHORTFALL_TREND_ID,
} from "../engine/parameter-specs.ts";
import { FY_COUNT, type CrcRef, type ProjectionInputs } from "../engine/projection-inputs.ts";
import { FINANCIAL_YEARS } from "../engine/timeline.ts";
import { checkOverrideValue, rowDefault } from "./override-value.ts";
import type { MergedScenario, ParameterOverride, ParameterValue } from "./scenario.ts";
import { checkResolvedInputs } from "./check-resolved-inputs.ts";

/** Where one resolved value came from (for "explain this number", issue #8). */
export type ValueOrigin =
  | { readonly kind: "scenario"; readonly path: string }
  | { readonly kind: "data"; readonly row: Parameter };

/** Rows of data/parameters.csv by id: the national row and the per-CRC rows. */
interface RowsOf {
  national?: Parameter;
  byCrc: Map<string, Parameter>;
}

function indexRows(dataset: Dataset): Map<string, RowsOf> {
  const rows = new Map<string, RowsOf>();
  for (const row of dataset.parameters) {
    let entry = rows.get(row.id);
    if (entry === undefined) {
      entry = { byCrc: new Map() };
      rows.set(row.id, entry);
    }
    if (row.crc === null) entry.national = row;
    else entry.byCrc.set(row.crc, row);
  }
  return rows;
}

/**
 * The override that applies to one CRC in one year, most specific first:
 * byCrc > byOwner > byYear > value (src/scenario/scenario.ts).
 */
function pickOverride(
  id: string,
  override: ParameterOverride | undefined,
  crc: CrcRef,
  fy: string,
): { raw: ParameterValue; path: string } | undefined {
  if (override === undefined) return undefined;
  const base = `parameters.${id}`;
  const byCrc = override.byCrc?.[crc.id];
  if (byCrc !== undefined) return { raw: byCrc, path: `${base}.byCrc.${crc.id}` };
  const byOwner = override.byOwner?.[crc.ownerId];
  if (byOwner !== undefined) return { raw: byOwner, path: `${base}.byOwner.${crc.ownerId}` };
  const byYear = override.byYear?.[fy];
  if (byYear !== undefined) return { raw: byYear, path: `${base}.byYear.${fy}` };
  if (override.value !== undefined) return { raw: override.value, path: `${base}.value` };
  return undefined;
}

export interface ResolvedInputs {
  readonly inputs: ProjectionInputs;
  /** Where the value of `id` for CRC index `crc` in financial-year index `fy` came from. */
  readonly origin: (id: string, crc: number, fy: number) => ValueOrigin | undefined;
}

/**
 * Turn a merged scenario and the dataset into projection inputs: for every parameter the engine
 * reads, one value per CRC and financial year. Every problem is reported (unknown ids, CRCs,
 * owners or years; values out of the data's range; overrides the parameter cannot take; rows
 * missing from data/parameters.csv; inconsistent combinations), each with its path.
 */
export function resolveScenario(
  merged: MergedScenario,
  dataset: Dataset,
): { resolved?: ResolvedInputs; issues: Issue[]; warnings: Issue[] } {
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  const rows = indexRows(dataset);
  const crcs: CrcRef[] = dataset.crcs.map((c) => ({ id: c.id, ownerId: c.ownerId }));
  const crcIds = new Set(crcs.map((c) => c.id));
  const ownerIds = new Set(dataset.owners.map((o) => o.id));
  // "Did you mean" hints share one budget of work (a file can hold 20,000 unknown keys).
  const budget = { cells: HINT_CELLS };
  const hintId = createHinter(rows.keys(), budget);
  const hintCrc = createHinter(crcIds, budget);
  const hintOwner = createHinter(ownerIds, budget);

  // 1. The overrides themselves: known ids, keys and scopes.
  for (const [id, override] of Object.entries(merged.parameters)) {
    const path = joinPath("parameters", id);
    const spec = Object.hasOwn(PARAMETER_SPECS, id) ? PARAMETER_SPECS[id] : undefined;
    if (!rows.has(id)) {
      const hint = id.startsWith("volume.shortfall.")
        ? `; the shortfall is given for ${SHORTFALL_GIVEN_IDS.join(", ")} and later years follow ${SHORTFALL_TREND_ID}`
        : hintId(id);
      issues.push({ path, message: `unknown parameter ${quote(id)}${hint}` });
      continue;
    }
    if (spec === undefined || !spec.used) {
      warnings.push({
        path,
        message: `has no effect: the engine does not read ${id} (shown for information)`,
      });
    }
    if (spec?.scope === "national" && (override.byCrc || override.byOwner)) {
      issues.push({
        path,
        message: `${id} is a national figure; it cannot vary by CRC or owner (use "value")`,
      });
    }
    if (spec && !spec.byYear && override.byYear) {
      issues.push({
        path: `${path}.byYear`,
        message: `${id} is read once for the whole contract; it cannot vary by year`,
      });
    }
    for (const key of Object.keys(override.byCrc ?? {})) {
      if (!crcIds.has(key))
        issues.push({
          path: joinPath(`${path}.byCrc`, key),
          message: `unknown CRC ${quote(key)}${hintCrc(key)}`,
        });
    }
    for (const key of Object.keys(override.byOwner ?? {})) {
      if (!ownerIds.has(key))
        issues.push({
          path: joinPath(`${path}.byOwner`, key),
          message: `unknown owner ${quote(key)}${hintOwner(key)}`,
        });
    }
    for (const key of Object.keys(override.byYear ?? {})) {
      if (!FINANCIAL_YEARS.includes(key))
        issues.push({
          path: joinPath(`${path}.byYear`, key),
          message: `unknown financial year ${quote(key)}; years: ${FINANCIAL_YEARS.join(", ")}`,
        });
    }
  }
  for (const id of REQUIRED_PARAMETER_IDS) {
    if (!rows.has(id)) {
      issues.push({
        path: `data/parameters.csv`,
        message: `has no row for ${id}, which the engine needs`,
      });
    }
  }
  // No early return here: the values of the known parameters are still checked below, so that a
  // typo in one id does not hide an out-of-range value in another (every problem, at once).

  // 2. Every value, CRC by CRC and year by year, checked against the row that applies.
  const values = new Map<string, Float64Array>();
  const origins = new Map<string, ValueOrigin[]>();
  const reported = new Set<string>();
  // One value applies to every CRC and year a national override covers (21 × 8 cells), and the
  // check parses decimals: check each (value, row, wording) once. On a slider move this was
  // ~2 ms of the worker's turn (issue #5).
  const checkedValues = new Map<Parameter, Map<string, ReturnType<typeof checkOverrideValue>>>();
  const checkOnce = (raw: ParameterValue, row: Parameter) => {
    let byValue = checkedValues.get(row);
    if (byValue === undefined) checkedValues.set(row, (byValue = new Map()));
    const key = `${typeof raw}|${String(raw)}`;
    let checked = byValue.get(key);
    if (checked === undefined) byValue.set(key, (checked = checkOverrideValue(raw, row)));
    return checked;
  };
  for (const id of Object.keys(PARAMETER_SPECS)) {
    const entry = rows.get(id);
    if (entry === undefined) continue;
    const column = new Float64Array(crcs.length * FY_COUNT);
    // Only cells a scenario sets are recorded; a cell from data/parameters.csv is described on
    // demand by `origin` below (one object per cell per resolution was most of its garbage).
    const origin: ValueOrigin[] = [];
    const override = merged.parameters[id];
    // One bad value set for every CRC fails against each CRC's row: said once, with the CRCs it
    // fails for and their range (issue #16: a link's one bad value was listed 21 times).
    const failed = new Map<
      string,
      { path: string; message: string; crcs: string[]; ranges: Set<string> }
    >();
    crcs.forEach((crc, c) => {
      const row = entry.byCrc.get(crc.id) ?? entry.national;
      FINANCIAL_YEARS.forEach((fy, y) => {
        const k = c * FY_COUNT + y;
        if (row === undefined) {
          const path = "data/parameters.csv";
          const message = `has no row for ${id} for CRC ${crc.id} and no national row`;
          if (!reported.has(message)) issues.push({ path, message });
          reported.add(message);
          return;
        }
        const picked = pickOverride(id, override, crc, fy);
        if (picked === undefined) {
          column[k] = rowDefault(row);
          return;
        }
        const checked = checkOnce(picked.raw, row);
        if (!checked.ok) {
          const { message } = checked.issues[0]!;
          const key = `${picked.path}|${message}`;
          const seen = failed.get(key);
          if (seen === undefined)
            failed.set(key, {
              path: picked.path,
              message,
              crcs: entry.byCrc.has(crc.id) ? [crc.id] : [],
              ranges: new Set([`${row.text.min} to ${row.text.max}`]),
            });
          else if (entry.byCrc.has(crc.id) && seen.crcs.at(-1) !== crc.id) {
            seen.crcs.push(crc.id);
            seen.ranges.add(`${row.text.min} to ${row.text.max}`);
          }
          return;
        }
        column[k] = checked.value;
        origin[k] = { kind: "scenario", path: picked.path };
      });
    });
    for (const f of failed.values()) {
      const key = `${f.path}|${f.message}`;
      if (!reported.has(key))
        issues.push({ path: f.path, message: f.message + rangeFor(f.crcs, f.ranges, crcs.length) });
      reported.add(key);
    }
    values.set(id, column);
    if (origin.length > 0) origins.set(id, origin);
  }
  if (issues.length > 0) return { issues, warnings };

  // 3. Derived columns, then checks across parameters.
  values.set(SHORTFALL_ID, effectiveShortfallColumn(values, crcs.length));
  const inputs: ProjectionInputs = { crcs, values };
  const latest = rows.get(SHORTFALL_GIVEN_IDS[2]!);
  const shortfallRow = (crc: string) => latest?.byCrc.get(crc) ?? latest?.national;
  const setBy = (id: string, crc: number, fy: number): string | undefined => {
    const set = origins.get(id)?.[crc * FY_COUNT + fy];
    return set?.kind === "scenario" ? set.path : undefined;
  };
  issues.push(...checkResolvedInputs(inputs, shortfallRow, setBy));
  if (issues.length > 0) return { issues, warnings };
  const origin = (id: string, crc: number, fy: number): ValueOrigin | undefined => {
    const set = origins.get(id)?.[crc * FY_COUNT + fy];
    if (set !== undefined) return set;
    const entry = values.has(id) ? rows.get(id) : undefined;
    const ref = crcs[crc];
    const row = entry && ref ? (entry.byCrc.get(ref.id) ?? entry.national) : undefined;
    return row === undefined || fy < 0 || fy >= FY_COUNT ? undefined : { kind: "data", row };
  };
  return { resolved: { inputs, origin }, issues, warnings };
}

/** Which CRCs' data rows a failed value was checked against: one, several, or every CRC. */
function rangeFor(failedFor: readonly string[], ranges: ReadonlySet<string>, crcCount: number) {
  if (failedFor.length === 0) return "";
  if (failedFor.length === 1) return ` (the range for ${failedFor[0]})`;
  const who = failedFor.length === crcCount ? "every CRC" : failedFor.join(", ");
  return ranges.size === 1
    ? ` (the range for ${who}: ${[...ranges][0]})`
    : ` (the ranges for ${who})`;
}
