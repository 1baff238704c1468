import { fileURLToPath } from "node:url";
import type { Dataset } from "../data/index.ts";
import { formatIssue } from "../data/index.ts";
import { loadDatasetFromDisk } from "../data/load-from-disk.ts";

/** The package's own data/ folder, wherever the CLI is run from. */
export const DATA_DIR = fileURLToPath(new URL("../../data", import.meta.url));

export async function datasetForCli(
  dir = DATA_DIR,
): Promise<{ ok: true; dataset: Dataset } | { ok: false; messages: string[] }> {
  const result = await loadDatasetFromDisk(dir);
  if (result.ok) return { ok: true, dataset: result.dataset };
  return { ok: false, messages: result.issues.map((i) => `data: ${formatIssue(i)}`) };
}
