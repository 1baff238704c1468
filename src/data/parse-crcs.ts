import type { Issue } from "../issues/issue.ts";
import { dataIssue } from "./data-issue.ts";
import type { Crc, Owner } from "./dataset.ts";
import { CRC_COLUMNS } from "./columns.ts";
import { readTable } from "./read-table.ts";
import { checkSourceRef, KEBAB_ID, rowChecker, uniqueIds, type KnownIds } from "./row-checker.ts";

const FILE = "crcs.csv";

/** "a; b" → ["a", "b"] */
function list(cell: string): string[] {
  return cell
    .split(";")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/**
 * Parses crcs.csv, checks each owner id exists, and checks each owner's `crc_count` in
 * owners.csv against the CRCs listed here (the counts are sourced, so a mismatch is a data error).
 */
export function parseCrcs(
  text: string,
  owners: readonly Owner[],
  ownerIds: KnownIds,
  sourceIds: KnownIds,
  issues: Issue[],
): { crcs: Crc[]; ids: KnownIds } {
  const table = readTable(FILE, text, CRC_COLUMNS);
  issues.push(...table.issues);
  const isNew = uniqueIds(FILE, "id", issues);
  const crcs: Crc[] = [];
  const ids = new Set<string>();
  for (const row of table.rows) {
    const check = rowChecker(FILE, row, issues);
    const id = check.matches("id", KEBAB_ID, "a kebab-case id such as cheshire-gm");
    if (id !== null && !isNew(id, id, row.line)) continue;
    if (id !== null) ids.add(id);
    const name = check.required("name");
    const ownerId = check.required("owner_id", "an owner id from owners.csv");
    if (ownerId !== null && ownerIds !== null) check.known("owner_id", ownerId, ownerIds);
    const areas = check.required("areas", "the areas covered, separated by ;");
    const region = check.required("region", "the region(s), separated by ;");
    const sourceId = checkSourceRef(check, "source_id", sourceIds, "for every CRC");
    if (id === null || name === null || ownerId === null || areas === null || region === null) {
      continue;
    }
    crcs.push({
      id,
      name,
      ownerId,
      areas: list(areas),
      regions: list(region),
      sourceId,
      locator: check.cell("locator"),
      row: row.line,
    });
  }
  if (table.readable) {
    for (const owner of owners) {
      const listed = crcs.filter((c) => c.ownerId === owner.id).length;
      if (listed !== owner.crcCount) {
        issues.push(
          dataIssue(
            "owners.csv",
            owner.row,
            "crc_count",
            String(owner.crcCount),
            `owner ${owner.id} has ${listed} CRCs in crcs.csv but crc_count says ${owner.crcCount}`,
          ),
        );
      }
    }
  }
  return { crcs, ids: table.readable ? ids : null };
}
