import type { Issue } from "../issues/issue.ts";
import {
  PARAMETER_GROUPS,
  PARAMETER_STATUSES,
  type Parameter,
  type ParameterValues,
} from "./dataset.ts";
import { PARAMETER_COLUMNS } from "./columns.ts";
import { readTable } from "./read-table.ts";
import {
  checkUnit,
  checkSourceRef,
  DOTTED_ID,
  rowChecker,
  uniqueIds,
  type KnownIds,
  type RowChecker,
} from "./row-checker.ts";
import { isMoneyUnit, type Unit } from "./units.ts";
import { compareValues, parseValue } from "./parse-value.ts";
import { PARAMETER_UNITS } from "./parameter-units.ts";

const FILE = "parameters.csv";
const VALUE_COLUMNS = ["default", "min", "max", "low", "high"] as const;
type ValueColumn = (typeof VALUE_COLUMNS)[number];

function checkParameterUnit(check: RowChecker, id: string | null): Unit | null {
  const text = checkUnit(check);
  if (text === null) return null;
  const expected = id === null ? undefined : PARAMETER_UNITS[id];
  if (expected !== undefined && expected !== text) {
    check.issue("unit", `unit mismatch: ${id} is read by the engine as ${expected}, not ${text}`);
    return null;
  }
  return text;
}

/**
 * min ≤ low ≤ default ≤ high ≤ max. Each broken link is reported on the column that breaks it,
 * naming both ends of the range it should lie in.
 */
function checkOrder(check: RowChecker, t: ParameterValues<string>, unit: Unit): boolean {
  const lt = (a: string, b: string) => compareValues(a, b, unit) < 0;
  let ok = true;
  const fail = (column: ValueColumn, message: string) => {
    check.issue(column, message);
    ok = false;
  };
  if (lt(t.max, t.min)) fail("max", `value outside its range: max ${t.max} is below min ${t.min}`);
  for (const c of ["low", "high"] as const) {
    if (lt(t[c], t.min) || lt(t.max, t[c])) {
      fail(c, `value outside its range: ${c} ${t[c]} is outside min–max [${t.min}, ${t.max}]`);
    }
  }
  if (lt(t.high, t.low))
    fail("high", `value outside its range: high ${t.high} is below low ${t.low}`);
  if (lt(t.default, t.low) || lt(t.high, t.default)) {
    fail(
      "default",
      `value outside its range: default ${t.default} is outside low–high [${t.low}, ${t.high}]`,
    );
  }
  return ok;
}

interface ParsedValues {
  values: ParameterValues<number | string>;
  text: ParameterValues<string>;
  pence: ParameterValues<number> | null;
}

function parseValues(check: RowChecker, unit: Unit): ParsedValues | null {
  const values: Partial<Record<ValueColumn, number | string>> = {};
  const text: Partial<Record<ValueColumn, string>> = {};
  const pence: Partial<Record<ValueColumn, number>> = {};
  let ok = true;
  for (const c of VALUE_COLUMNS) {
    const cell = check.required(c);
    if (cell === null) {
      ok = false;
      continue;
    }
    const parsed = parseValue(cell, unit);
    if (!parsed.ok) {
      check.issue(c, parsed.issues[0]!.message);
      ok = false;
      continue;
    }
    values[c] = parsed.value.value;
    text[c] = parsed.value.text;
    if (parsed.value.pence !== null) pence[c] = parsed.value.pence;
  }
  if (!ok) return null;
  const t = text as ParameterValues<string>;
  if (!checkOrder(check, t, unit)) return null;
  return {
    values: values as ParameterValues<number | string>,
    text: t,
    pence: isMoneyUnit(unit) ? (pence as ParameterValues<number>) : null,
  };
}

export function parseParameters(
  text: string,
  crcIds: KnownIds,
  sourceIds: KnownIds,
  issues: Issue[],
): Parameter[] {
  const table = readTable(FILE, text, PARAMETER_COLUMNS);
  issues.push(...table.issues);
  const isNew = uniqueIds(FILE, "id", issues);
  const out: Parameter[] = [];
  for (const row of table.rows) {
    const check = rowChecker(FILE, row, issues);
    const id = check.matches("id", DOTTED_ID, "a dotted camelCase id such as ffs.fixedShare");
    const crcCell = check.cell("crc");
    const knownCrc =
      crcCell === "" ||
      crcIds === null ||
      check.known("crc", crcCell, crcIds, ", or blank (all CRCs)");
    const unit = checkParameterUnit(check, id);
    const parsed = unit === null ? null : parseValues(check, unit);
    const status = check.oneOf("status", PARAMETER_STATUSES);
    const sourceId = checkSourceRef(
      check,
      "source_id",
      sourceIds,
      status === "sourced" || status === "derived" ? `when status is ${status}` : null,
    );
    const reason = check.cell("reason");
    if (status === "derived" && reason === "") {
      check.issue("reason", "required: a derived parameter needs a reason (the arithmetic)");
    }
    if (status === "assumed" && reason === "") {
      check.issue("reason", "required: an assumed parameter needs a reason (the judgement)");
    }
    if (status === "fitted" && reason === "") {
      check.issue(
        "reason",
        "required: a fitted parameter needs a reason (its targets, the method and the residuals)",
      );
    }
    const label = check.required("label", "a short label for the slider");
    const group = check.oneOf("group", PARAMETER_GROUPS);
    if (!id || !unit || !parsed || !status || !label || !group || !knownCrc) continue;
    const shown = crcCell === "" ? id : `${id} (crc ${crcCell})`;
    if (!isNew(`${id}\u0000${crcCell}`, shown, row.line)) continue;
    out.push({
      id,
      crc: crcCell === "" ? null : crcCell,
      unit,
      defaultValue: parsed.values.default,
      values: parsed.values,
      text: parsed.text,
      pence: parsed.pence,
      defaultPence: parsed.pence?.default ?? null,
      status,
      sourceId,
      locator: check.cell("locator"),
      reason,
      label,
      group,
      row: row.line,
    });
  }
  return out;
}
