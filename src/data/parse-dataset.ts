import type { Issue, Result } from "../issues/issue.ts";
import type { Dataset } from "./dataset.ts";
import type { DataFiles } from "./columns.ts";
import { parseSources } from "./parse-sources.ts";
import { parseOwners } from "./parse-owners.ts";
import { parseCrcs } from "./parse-crcs.ts";
import { parseFigures } from "./parse-figures.ts";
import { parseParameters } from "./parse-parameters.ts";

/**
 * The data files read, with every problem at its place (`data/<file>:<line> [column]`): the
 * dataset is whole only when there are none. `parseDataset` reports these problems; its tests
 * check them one fault at a time.
 */
export function readDataset(files: DataFiles): { dataset: Dataset; issues: Issue[] } {
  const issues: Issue[] = [];
  const { sources, ids: sourceIds } = parseSources(files.sources, issues);
  const { owners, ids: ownerIds } = parseOwners(files.owners, sourceIds, issues);
  const { crcs, ids: crcIds } = parseCrcs(files.crcs, owners, ownerIds, sourceIds, issues);
  const figures = parseFigures(files.figures, ownerIds, crcIds, sourceIds, issues);
  const parameters = parseParameters(files.parameters, crcIds, sourceIds, issues);
  return { dataset: { sources, owners, crcs, figures, parameters }, issues };
}

/**
 * The one validated path from the CSV text of data/*.csv to a typed Dataset. Pure (no I/O), so
 * the CLI, the worker and the site all use it. Every issue in every file is reported, each at
 * `data/<file>:<line> [column]` with the value and what was expected; any issue means no
 * dataset.
 */
export function parseDataset(files: DataFiles): Result<Dataset> {
  const { dataset, issues } = readDataset(files);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: dataset };
}
