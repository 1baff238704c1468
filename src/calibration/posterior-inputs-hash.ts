import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * What a stored posterior was computed from (Node only): SHA-256 over data/parameters.csv,
 * data/targets.csv and the presets (models/*.json), each named, in a fixed order. A change to
 * any of them makes data/posterior.json stale, and `npm run calibrate -- --check` says so.
 * (A change to the engine is caught by the test that makes stored draws again.)
 */
export async function posteriorInputsHash(root = "."): Promise<string> {
  const models = (await readdir(join(root, "models"))).filter((f) => f.endsWith(".json")).sort();
  const files = ["data/parameters.csv", "data/targets.csv", ...models.map((f) => `models/${f}`)];
  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(`${file}\n`);
    hash.update(await readFile(join(root, file), "utf8"));
    hash.update("\n");
  }
  return hash.digest("hex");
}
