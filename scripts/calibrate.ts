/**
 * Calibration (issue #20): fits the declared free parameters to the published figures in
 * data/targets.csv (src/calibration/), writes them into data/parameters.csv with status
 * `fitted`, and prints every target with model, published and residual (exact engine), and
 * what it would take to meet any target still missed.
 *
 *   npm run calibrate               # fit, write back, print the table
 *   npm run calibrate -- --check    # exit 1 if data/parameters.csv differs from a fresh fit
 *   npm run calibrate -- --table    # print the table on the data as it is (no fit)
 */
import { readFile, writeFile } from "node:fs/promises";
import { formatIssue } from "../src/data/data-issue.ts";
import { loadDatasetFromDisk } from "../src/data/load-from-disk.ts";
import { diagnose } from "../src/calibration/diagnostics.ts";
import { evaluateTargets, presetLedgers } from "../src/calibration/evaluate.ts";
import { fitModel } from "../src/calibration/fit.ts";
import { loadTargetsFromDisk } from "../src/calibration/load-targets.ts";
import { formatCalibrationReport } from "../src/calibration/report.ts";
import { withFittedValues } from "../src/calibration/write-back.ts";

const PARAMETERS = "data/parameters.csv";
const args = process.argv.slice(2);
const unknown = args.filter((a) => !["--check", "--table"].includes(a));
if (unknown.length > 0) {
  process.stderr.write(`calibrate: unknown argument ${unknown[0]}; allowed: --check, --table\n`);
  process.exit(2);
}

async function load() {
  const result = await loadDatasetFromDisk();
  if (!result.ok) {
    for (const issue of result.issues) process.stderr.write(formatIssue(issue) + "\n");
    process.exit(1);
  }
  return result.dataset;
}

const dataset = await load();
const targets = await loadTargetsFromDisk(dataset);

if (args.includes("--table")) {
  const results = evaluateTargets(targets, presetLedgers(dataset));
  process.stdout.write(formatCalibrationReport(results));
  process.exit(0);
}

const fit = fitModel(dataset, targets);
const text = await readFile(PARAMETERS, "utf8");
const fitted = withFittedValues(text, fit);

if (args.includes("--check")) {
  if (fitted !== text) {
    const stale = fit.values.filter(
      (v) => withFittedValues(text, { ...fit, values: [v] }) !== text,
    );
    process.stderr.write(
      `calibrate --check: ${PARAMETERS} is stale for ${stale.map((v) => v.id).join(", ")}; run npm run calibrate and commit the result\n`,
    );
    process.exit(1);
  }
  process.stdout.write(
    `calibrate --check: ${PARAMETERS} holds the current fit (${fit.values.length} parameters)\n`,
  );
  process.exit(0);
}

await writeFile(PARAMETERS, fitted, "utf8");
const overrides = Object.fromEntries(fit.values.map((v) => [v.id, Number(v.value)]));
const missed = fit.results.filter((r) => !r.within);
process.stdout.write(
  formatCalibrationReport(fit.results, fit.values, diagnose(dataset, missed, overrides)),
);
