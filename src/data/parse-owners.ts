import type { Issue } from "../issues/issue.ts";
import { OWNER_KINDS, type Owner } from "./dataset.ts";
import { OWNER_COLUMNS } from "./columns.ts";
import { readTable } from "./read-table.ts";
import { checkSourceRef, KEBAB_ID, rowChecker, uniqueIds, type KnownIds } from "./row-checker.ts";

const FILE = "owners.csv";

export function parseOwners(
  text: string,
  sourceIds: KnownIds,
  issues: Issue[],
): { owners: Owner[]; ids: KnownIds } {
  const table = readTable(FILE, text, OWNER_COLUMNS);
  issues.push(...table.issues);
  const isNew = uniqueIds(FILE, "id", issues);
  const owners: Owner[] = [];
  const ids = new Set<string>();
  for (const row of table.rows) {
    const check = rowChecker(FILE, row, issues);
    const id = check.matches("id", KEBAB_ID, "a kebab-case id such as working-links");
    if (id !== null && !isNew(id, id, row.line)) continue;
    if (id !== null) ids.add(id);
    const name = check.required("name");
    const kind = check.oneOf("kind", OWNER_KINDS);
    const count = check.matches("crc_count", /^[1-9]\d*$/, "a whole number of CRCs, at least 1");
    const sourceId = checkSourceRef(check, "source_id", sourceIds, "for every owner");
    if (id === null || name === null || kind === null || count === null) continue;
    owners.push({
      id,
      name,
      kind,
      members: check.cell("members"),
      crcCount: Number(count),
      laterChange: check.cell("later_change"),
      sourceId,
      locator: check.cell("locator"),
      row: row.line,
    });
  }
  return { owners, ids: table.readable ? ids : null };
}
