// Framework data loader: the calibration table (model vs published vs gap) computed at build time
// by the same code as `npm run calibrate` and test/checks/calibration.test.ts, on data/*.csv.
import { formatIssue } from "../../src/data/data-issue.ts";
import { loadDatasetFromDisk } from "../../src/data/load-from-disk.ts";
import { calibrationTable } from "../../src/scenario/calibration.ts";

const loaded = await loadDatasetFromDisk("data");
if (!loaded.ok) {
  for (const issue of loaded.issues) process.stderr.write(formatIssue(issue) + "\n");
  process.exit(1);
}
const { dataset } = loaded;
const rows = calibrationTable(dataset).map((row) => {
  const f = dataset.figures.find((x) => x.id === row.figureId);
  const source = dataset.sources.find((s) => s.id === f?.sourceId);
  return { ...row, source: source?.citation ?? f?.sourceId ?? "", locator: f?.locator ?? "" };
});
process.stdout.write(JSON.stringify(rows));
