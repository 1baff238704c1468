/**
 * Record what this model version shows (issue #18): data/model-versions/<version>.json with each
 * preset's headline figures, each CRC's and owner's result, the fixed check scenarios' headlines
 * and the SHA-256 of every golden file. The version is package.json's; its reason is its
 * CHANGELOG.md heading ("## <version> — <reason>").
 *
 *   npx tsx scripts/record-model-version.ts [--date YYYY-MM-DD] [--out DIR]
 *
 * It uses only what every version of the engine has had, so a past version is recorded by
 * running it in a checkout of that version's commit (see data/README.md).
 */
import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { loadDataset } from "../src/data/load-from-disk.ts";
import { recordFigures, type VersionRecord } from "../src/versions/record.ts";

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const date = option("--date") ?? new Date().toISOString().slice(0, 10);
if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
  process.stderr.write(`record-model-version: --date must be YYYY-MM-DD, got ${date}\n`);
  process.exit(2);
}
const out = option("--out") ?? "data/model-versions";

const { version } = JSON.parse(await readFile("package.json", "utf8")) as { version: string };
const changelog = await readFile("CHANGELOG.md", "utf8");
const heading = new RegExp(
  `^## ${version.replaceAll(".", "\\.")}\\b\\s*(?:—|-)?\\s*(.*)$`,
  "m",
).exec(changelog);
if (heading === null) {
  process.stderr.write(
    `record-model-version: CHANGELOG.md has no "## ${version} — <reason>" heading\n`,
  );
  process.exit(1);
}
const loaded = await loadDataset();
if (!loaded.ok) throw new Error(`data/ does not load: ${JSON.stringify(loaded.issues[0])}`);
const goldens: Record<string, string> = {};
for (const file of (await readdir("test/golden")).filter((f) => f.endsWith(".csv")).sort()) {
  goldens[file.replace(/\.csv$/, "")] = createHash("sha256")
    .update(await readFile(join("test/golden", file), "utf8"))
    .digest("hex");
}
const record: VersionRecord = {
  version,
  date,
  reason: heading[1]!.trim(),
  goldens,
  ...recordFigures(loaded.value),
};
const path = join(out, `${version}.json`);
await writeFile(path, JSON.stringify(record, null, 1) + "\n", "utf8");
process.stdout.write(`wrote ${path}\n`);
