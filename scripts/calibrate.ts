/**
 * Calibration (MODEL.md "Calibration targets"): prints, for each target, the model's value next
 * to the published one and the gap. With --write, first fits the calibrated parameters
 * (src/scenario/calibration-fit.ts) and writes their defaults and reasons back to
 * data/parameters.csv, leaving every other line of the file as it was.
 *
 *   npx tsx scripts/calibrate.ts           # print the table
 *   npx tsx scripts/calibrate.ts --write   # fit, write back, print the table
 */
import { readFile, writeFile } from "node:fs/promises";
import { loadDatasetFromDisk } from "../src/data/load-from-disk.ts";
import { calibrationTable, formatCalibrationTable } from "../src/scenario/calibration.ts";
import { calibrationDiagnostics } from "../src/scenario/calibration-diagnostics.ts";
import { fitPbrPrices, fitVariationFixedShare, type Fit } from "../src/scenario/calibration-fit.ts";
import { replaceParameterFields } from "./parameters-csv.ts";

const PARAMETERS = "data/parameters.csv";

async function load() {
  const result = await loadDatasetFromDisk();
  if (!result.ok) {
    for (const issue of result.issues) process.stderr.write(`data: ${JSON.stringify(issue)}\n`);
    process.exit(1);
  }
  return result.dataset;
}

if (process.argv.includes("--write")) {
  const before = await load();
  const fits: Fit[] = [fitVariationFixedShare(before), ...fitPbrPrices(before)];
  let text = await readFile(PARAMETERS, "utf8");
  for (const fit of fits) {
    text = replaceParameterFields(text, fit.id, { default: fit.value, reason: fit.reason });
    process.stdout.write(`fitted ${fit.id} = ${fit.value}\n`);
  }
  await writeFile(PARAMETERS, text, "utf8");
}
const dataset = await load();
process.stdout.write(
  formatCalibrationTable(calibrationTable(dataset), calibrationDiagnostics(dataset)),
);
