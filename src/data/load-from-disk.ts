import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { DataFileName, DataFiles } from "./columns.ts";
import type { Result } from "../issues/issue.ts";
import type { Dataset } from "./dataset.ts";
import { dataIssue } from "./data-issue.ts";
import { parseDataset } from "./parse-dataset.ts";
import { parsePosteriorSample } from "./posterior-sample.ts";

const NAMES: readonly DataFileName[] = ["sources", "owners", "crcs", "figures", "parameters"];

/** Read the five data files from `dir` (Node only) and validate them with `parseDataset`. */
export async function readDataFiles(dir = "data"): Promise<DataFiles> {
  const texts = await Promise.all(NAMES.map((n) => readFile(join(dir, `${n}.csv`), "utf8")));
  return Object.fromEntries(NAMES.map((n, k) => [n, texts[k]!])) as DataFiles;
}

/**
 * The dataset from `dir`, with the stored posterior (posterior.json) if there is one: a
 * posterior that does not parse is an issue like any bad data file, never silently dropped.
 */
export async function loadDataset(dir = "data"): Promise<Result<Dataset>> {
  const result = parseDataset(await readDataFiles(dir));
  if (!result.ok) return result;
  let text: string;
  try {
    text = await readFile(join(dir, "posterior.json"), "utf8");
  } catch {
    return result; // no posterior: the Monte Carlo draws from the prior
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, issues: [posteriorIssue(`is not JSON (${(e as Error).message})`)] };
  }
  const posterior = parsePosteriorSample(json);
  if (!posterior.ok) return { ok: false, issues: [posteriorIssue(posterior.issues[0]!.message)] };
  return { ok: true, value: { ...result.value, posterior: posterior.value } };
}

const posteriorIssue = (message: string) =>
  dataIssue(
    "posterior.json",
    1,
    "",
    "",
    `${message}; make it again with npm run calibrate -- --posterior`,
  );
