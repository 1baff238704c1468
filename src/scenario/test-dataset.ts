import type { Dataset } from "../data/index.ts";
import { loadDatasetFromDisk } from "../data/load-from-disk.ts";

let cached: Promise<Dataset> | undefined;

/** The project's data/ (for tests that check scenarios against the real ranges), loaded once. */
export function testDataset(): Promise<Dataset> {
  cached ??= loadDatasetFromDisk().then((result) => {
    if (!result.ok) throw new Error(`data/ does not load: ${JSON.stringify(result.issues[0])}`);
    return result.dataset;
  });
  return cached;
}
