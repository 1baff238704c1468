import type ExcelJS from "exceljs";
import type { Source } from "../data/index.ts";

/** What a scenario or comparison workbook says about its units (its Provenance sheet). */
export const WORKBOOK_UNITS =
  "Money in pounds (£) as numbers; the exact whole pence in the hidden amount_pence columns " +
  "(Summary, Lines by year), equal to crc-scenarios run --by fy. FTE: average in post; " +
  "workload_index: per cent of the 2014 norm.";

/** What a workbook says about where it came from, so anyone can rebuild it (issue #19). */
export interface WorkbookProvenance {
  readonly title: string;
  /** Each scenario with its canonical hash (baseline first in a comparison). */
  readonly scenarios: readonly { role: string; name: string; hash: string; json: string }[];
  readonly modelVersion: string;
  readonly generatedAt: Date;
  /** Monte Carlo seed and draws, where the figures are sampled. */
  readonly seed?: number;
  readonly draws?: number;
  /** The site address (path and query) that rebuilds the view, and the command that does. */
  readonly address: string;
  readonly command: string;
  readonly sources: readonly Source[];
  /** Which sheet holds the exact pence, and what the units are. */
  readonly units: string;
}

/** The Provenance sheet: field / value pairs, then every source cited by the data. */
export function addProvenanceSheet(workbook: ExcelJS.Workbook, p: WorkbookProvenance): void {
  const sheet = workbook.addWorksheet("Provenance", {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  sheet.columns = [
    { header: "field", key: "field", width: 22 },
    { header: "value", key: "value", width: 100 },
  ];
  sheet.getRow(1).font = { bold: true };
  const add = (field: string, value: string | number) => sheet.addRow({ field, value });
  add("title", p.title);
  p.scenarios.forEach((s) => {
    add(`${s.role}`, s.name);
    add(`${s.role} hash`, s.hash);
    add(`${s.role} scenario JSON`, s.json);
  });
  add("model", `crc-scenarios ${p.modelVersion}`);
  add("model version", p.modelVersion);
  add("generated", p.generatedAt.toISOString());
  if (p.seed !== undefined) add("seed", p.seed);
  if (p.draws !== undefined) add("draws", p.draws);
  add("rebuild on the site", p.address);
  add("rebuild from the command line", p.command);
  add("units", p.units);
  sheet.addRow({});
  sheet.addRow({ field: "source", value: "citation" }).font = { bold: true };
  for (const s of p.sources)
    sheet.addRow({ field: s.id, value: s.url ? `${s.citation} (${s.url})` : s.citation });
}

/** The provenance back from a workbook, as field → value (the first value of each field). */
export function readProvenance(workbook: ExcelJS.Workbook): Map<string, string> {
  const sheet = workbook.getWorksheet("Provenance");
  const fields = new Map<string, string>();
  sheet?.eachRow((row, n) => {
    if (n === 1) return;
    const field = String(row.getCell(1).value ?? "");
    if (field !== "" && !fields.has(field)) fields.set(field, String(row.getCell(2).value ?? ""));
  });
  return fields;
}
