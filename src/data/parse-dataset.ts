import type { DataIssue } from "./data-issue.ts";
import type { Dataset } from "./dataset.ts";
import type { DataFiles } from "./columns.ts";
import { parseSources } from "./parse-sources.ts";
import { parseOwners } from "./parse-owners.ts";
import { parseCrcs } from "./parse-crcs.ts";
import { parseFigures } from "./parse-figures.ts";
import { parseParameters } from "./parse-parameters.ts";

export type DataResult = { ok: true; dataset: Dataset } | { ok: false; issues: DataIssue[] };

/**
 * The one validated path from the CSV text of data/*.csv to a typed Dataset. Pure (no I/O), so
 * the CLI, the worker and the site all use it. Every issue in every file is reported, each
 * naming file, line, column and what was expected; any issue means no dataset.
 */
export function parseDataset(files: DataFiles): DataResult {
  const issues: DataIssue[] = [];
  const { sources, ids: sourceIds } = parseSources(files.sources, issues);
  const { owners, ids: ownerIds } = parseOwners(files.owners, sourceIds, issues);
  const { crcs, ids: crcIds } = parseCrcs(files.crcs, owners, ownerIds, sourceIds, issues);
  const figures = parseFigures(files.figures, ownerIds, crcIds, sourceIds, issues);
  const parameters = parseParameters(files.parameters, crcIds, sourceIds, issues);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, dataset: { sources, owners, crcs, figures, parameters } };
}
