import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Dataset } from "../data/index.ts";
import type { Result } from "../issues/issue.ts";
import { loadDataset } from "../data/load-from-disk.ts";

/**
 * The package's own folder: the nearest folder above this module holding a package.json. The
 * module runs from src/cli/ (tsx) or from the bundle in dist-node/ (scripts/bundle-node.mjs), so
 * a fixed "../../" would tie the data's place to the bundle's.
 */
export function packageRoot(from = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  while (!existsSync(join(dir, "package.json"))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${from}`);
    dir = up;
  }
  return dir;
}

/**
 * The package's own data/ folder, wherever the CLI is run from. Read at start-up, not bundled:
 * an edited data/*.csv takes effect at once and the bundle need not be rebuilt for it.
 */
export const DATA_DIR = join(packageRoot(), "data");

/** The package's data, or each problem of its files at `data/<file>:<line> [column]`. */
export function datasetForCli(dir = DATA_DIR): Promise<Result<Dataset>> {
  return loadDataset(dir);
}
