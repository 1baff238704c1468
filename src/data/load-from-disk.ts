import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { DataFileName, DataFiles } from "./columns.ts";
import { parseDataset, type DataResult } from "./parse-dataset.ts";

const NAMES: readonly DataFileName[] = ["sources", "owners", "crcs", "figures", "parameters"];

/** Read the five data files from `dir` (Node only) and validate them with `parseDataset`. */
export async function readDataFiles(dir = "data"): Promise<DataFiles> {
  const texts = await Promise.all(NAMES.map((n) => readFile(join(dir, `${n}.csv`), "utf8")));
  return Object.fromEntries(NAMES.map((n, k) => [n, texts[k]!])) as DataFiles;
}

export async function loadDatasetFromDisk(dir = "data"): Promise<DataResult> {
  return parseDataset(await readDataFiles(dir));
}
