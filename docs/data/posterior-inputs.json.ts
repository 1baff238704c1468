// Framework data loader: what the Calibration page's back-test in the browser needs (issue #14):
// the text of data/targets.csv, which the engine worker and the page both parse with the
// project's one parser (src/calibration/targets.ts), so the browser weighs by the same table.
import { readFileSync } from "node:fs";

process.stdout.write(JSON.stringify({ targetsCsv: readFileSync("data/targets.csv", "utf8") }));
