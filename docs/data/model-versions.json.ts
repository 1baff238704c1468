// Framework data loader: every model version's record (data/model-versions/<version>.json, issue
// #18), oldest first in semver order, with each preset's headline figures and, for each
// consecutive pair, the comparison summary from compareVersions (src/versions/compare.ts): the
// buckets, the sign flips and the largest changes. Read by /versions and by every page's version
// note (src/site/version-note.ts). The shape: ModelVersionsData in src/site/model-versions.ts.
import { formatIssue } from "../../src/issues/issue.ts";
import { loadDataset } from "../../src/data/load-from-disk.ts";
import { PRESETS } from "../../src/scenario/presets.ts";
import { summarizeVersions } from "../../src/site/model-versions.ts";
import { loadVersionRecords } from "../../src/versions/load-records.ts";

const DIR = "data/model-versions";

const loaded = await loadDataset("data");
if (!loaded.ok) {
  for (const issue of loaded.issues) process.stderr.write(formatIssue(issue) + "\n");
  process.exit(1);
}
const dataset = loaded.value;

// Each record checked (src/versions/load-records.ts): a bad one stops the build, naming its file
// and field.
const records = await loadVersionRecords(DIR);

const data = summarizeVersions(records, {
  presets: new Map([...PRESETS].map(([id, p]) => [id, p.title ?? id])),
  crcs: new Map(dataset.crcs.map((c) => [c.id, c.name])),
  owners: new Map(dataset.owners.map((o) => [o.id, o.name])),
});
process.stdout.write(JSON.stringify(data));
