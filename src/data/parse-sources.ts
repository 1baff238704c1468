import type { Issue } from "../issues/issue.ts";
import { SOURCE_KINDS, type Source } from "./dataset.ts";
import { SOURCE_COLUMNS } from "./columns.ts";
import { readTable } from "./read-table.ts";
import { KEBAB_ID, rowChecker, uniqueIds, type KnownIds } from "./row-checker.ts";

const FILE = "sources.csv";
/** A day, a month, a year, or a span of years ("2017-2019"). */
const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$|^\d{4}-\d{4}$/;
/** A file in ../shared/sources: a bare name, no folders. */
const SOURCE_FILE = /^[\w.-]+\.txt$/;

export function parseSources(text: string, issues: Issue[]): { sources: Source[]; ids: KnownIds } {
  const table = readTable(FILE, text, SOURCE_COLUMNS);
  issues.push(...table.issues);
  const isNew = uniqueIds(FILE, "id", issues);
  const sources: Source[] = [];
  const ids = new Set<string>();
  for (const row of table.rows) {
    const check = rowChecker(FILE, row, issues);
    const id = check.matches("id", KEBAB_ID, "a kebab-case id such as nao-hc676-2017-12-19");
    if (id !== null && !isNew(id, id, row.line)) continue;
    if (id !== null) ids.add(id);
    const kind = check.oneOf("kind", SOURCE_KINDS);
    const title = check.required("title");
    check.required("publisher");
    const date = check.matches("date", DATE, "YYYY-MM-DD, YYYY-MM, YYYY or YYYY-YYYY");
    const url = check.cell("url");
    if (url !== "" && !/^https?:\/\/\S+$/.test(url)) {
      check.issue("url", "malformed url: expected http:// or https://");
    }
    const sourceFile = check.cell("source_file");
    if (sourceFile !== "" && !SOURCE_FILE.test(sourceFile)) {
      check.issue(
        "source_file",
        "malformed source_file: expected a .txt name in ../shared/sources",
      );
    }
    const citation = check.cell("citation");
    if (url === "" && sourceFile === "" && citation === "") {
      check.issue("citation", "required: a source needs a url, a source_file or a citation");
    }
    if (id === null || kind === null || title === null || date === null) continue;
    sources.push({
      id,
      kind,
      title,
      publisher: check.cell("publisher"),
      date,
      url,
      sourceFile,
      citation,
      note: check.cell("note"),
      row: row.line,
    });
  }
  return { sources, ids: table.readable ? ids : null };
}
