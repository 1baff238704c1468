import type { Issue } from "../issues/issue.ts";
import { FIGURE_QUALIFIERS, FIGURE_USES, type Figure, type FigureScope } from "./dataset.ts";
import { FIGURE_COLUMNS } from "./columns.ts";
import { readTable } from "./read-table.ts";
import {
  checkSourceRef,
  checkUnit,
  DOTTED_ID,
  rowChecker,
  uniqueIds,
  type KnownIds,
  type RowChecker,
} from "./row-checker.ts";
import { parseValue } from "./parse-value.ts";

const FILE = "figures.csv";

function parseScope(check: RowChecker, ownerIds: KnownIds, crcIds: KnownIds): FigureScope | null {
  const scope = check.required("scope", "national, owner:<owner id> or crc:<crc id>");
  if (scope === null) return null;
  if (scope === "national") return { kind: "national" };
  const [kind, id = ""] = scope.split(":", 2);
  if (kind === "owner") {
    return ownerIds === null || check.known("scope", id, ownerIds) ? { kind: "owner", id } : null;
  }
  if (kind === "crc") {
    return crcIds === null || check.known("scope", id, crcIds) ? { kind: "crc", id } : null;
  }
  check.issue("scope", "malformed scope: expected national, owner:<owner id> or crc:<crc id>");
  return null;
}

export function parseFigures(
  text: string,
  ownerIds: KnownIds,
  crcIds: KnownIds,
  sourceIds: KnownIds,
  issues: Issue[],
): Figure[] {
  const table = readTable(FILE, text, FIGURE_COLUMNS);
  issues.push(...table.issues);
  const isNew = uniqueIds(FILE, "id", issues);
  const out: Figure[] = [];
  for (const row of table.rows) {
    const check = rowChecker(FILE, row, issues);
    const id = check.matches("id", DOTTED_ID, "a dotted camelCase id such as price.dtvAnnual");
    if (id !== null && !isNew(id, id, row.line)) continue;
    const unit = checkUnit(check);
    const valueText = check.required("value");
    const parsed = unit !== null && valueText !== null ? parseValue(valueText, unit) : null;
    if (parsed && !parsed.ok) check.issue("value", parsed.issues[0]!.message);
    const qualifier = check.oneOf("qualifier", FIGURE_QUALIFIERS);
    const scope = parseScope(check, ownerIds, crcIds);
    const meaning = check.required("meaning", "a sentence saying exactly what the figure means");
    const use = check.oneOf("use", FIGURE_USES);
    const sourceId = checkSourceRef(check, "source_id", sourceIds, "for every figure");
    if (!id || !unit || !parsed?.ok || !qualifier || !scope || !meaning || !use || !sourceId) {
      continue;
    }
    out.push({
      id,
      value: parsed.value.value,
      valueText: parsed.value.text,
      valuePence: parsed.value.pence,
      unit,
      qualifier,
      scope,
      period: check.cell("period"),
      meaning,
      sourceId,
      locator: check.cell("locator"),
      use,
      row: row.line,
    });
  }
  return out;
}
