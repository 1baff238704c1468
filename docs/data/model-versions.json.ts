// Framework data loader: every model version's record (data/model-versions/<version>.json, issue
// #18), oldest first in semver order, with each preset's headline figures and, for each
// consecutive pair, the comparison summary from compareVersions (src/versions/compare.ts): the
// buckets, the sign flips and the largest changes. Read by /versions and by every page's version
// note (src/site/version-note.ts). The shape: ModelVersionsData in src/site/model-versions.ts.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { formatIssue } from "../../src/issues/issue.ts";
import { loadDataset } from "../../src/data/load-from-disk.ts";
import { PRESETS } from "../../src/scenario/presets.ts";
import { parseVersionRecord, summarizeVersions } from "../../src/site/model-versions.ts";

const DIR = "data/model-versions";

const loaded = await loadDataset("data");
if (!loaded.ok) {
  for (const issue of loaded.issues) process.stderr.write(formatIssue(issue) + "\n");
  process.exit(1);
}
const dataset = loaded.value;

const records = readdirSync(DIR)
  .filter((name) => name.endsWith(".json"))
  .map((name) => {
    const file = join(DIR, name);
    const record = parseVersionRecord(JSON.parse(readFileSync(file, "utf8")), file);
    if (`${record.version}.json` !== name)
      throw new Error(`${file}: holds version ${record.version}; the file must be named after it`);
    return record;
  });

const data = summarizeVersions(records, {
  presets: new Map([...PRESETS].map(([id, p]) => [id, p.title ?? id])),
  crcs: new Map(dataset.crcs.map((c) => [c.id, c.name])),
  owners: new Map(dataset.owners.map((o) => [o.id, o.name])),
});
process.stdout.write(JSON.stringify(data));
