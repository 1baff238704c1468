/**
 * Calibration (issue #20): fits the declared free parameters to the published figures in
 * data/targets.csv (src/calibration/), writes them into data/parameters.csv with status
 * `fitted`, and prints every target with model, published and residual (exact engine), and
 * what it would take to meet any target still missed.
 *
 *   npm run calibrate               # fit, write back, print the table
 *   npm run calibrate -- --check    # exit 1 if data/parameters.csv differs from a fresh fit
 *   npm run calibrate -- --table    # print the table on the data as it is (no fit)
 *   npm run calibrate -- --posterior [--draws N] [--seed S] [--threads T]
 *                                   # the posterior (issue #14): write data/posterior.json
 *   npm run calibrate -- --posterior --as-of YYYY-MM | --without TARGET[,TARGET]
 *                                   # a back-test: only what was public then / all but those
 *                                   # targets; prints its report, writes nothing
 */
import { readFile, writeFile } from "node:fs/promises";
import { formatIssue } from "../src/issues/issue.ts";
import { loadDataset } from "../src/data/load-from-disk.ts";
import { diagnose } from "../src/calibration/diagnostics.ts";
import { evaluateTargets, presetLedgers } from "../src/calibration/evaluate.ts";
import { fitModel } from "../src/calibration/fit.ts";
import { loadTargetsFromDisk } from "../src/calibration/load-targets.ts";
import { formatCalibrationReport } from "../src/calibration/report.ts";
import { withFittedValues } from "../src/calibration/write-back.ts";
import { buildPosterior } from "../src/calibration/build-posterior.ts";
import { MIN_EFFECTIVE_SAMPLE } from "../src/calibration/posterior.ts";
import { posteriorInputsHash } from "../src/calibration/posterior-inputs-hash.ts";
import { formatPosteriorReport } from "../src/calibration/posterior-report.ts";
import { prepareTargetSimulation } from "../src/calibration/simulate-targets.ts";
import { parsePosteriorSample } from "../src/data/posterior-sample.ts";
import { simulateOnThreads } from "./posterior/simulate.ts";

const PARAMETERS = "data/parameters.csv";
const POSTERIOR = "data/posterior.json";
const FLAGS = ["--check", "--table", "--posterior"];
const VALUED = ["--draws", "--seed", "--threads", "--as-of", "--without"];
const args = process.argv.slice(2);
const options = new Map<string, string>();
for (let k = 0; k < args.length; k++) {
  const a = args[k]!;
  if (VALUED.includes(a) && k + 1 < args.length && !options.has(a)) options.set(a, args[++k]!);
  else if (!FLAGS.includes(a) || options.has(a)) {
    process.stderr.write(
      `calibrate: unexpected argument ${JSON.stringify(a.slice(0, 80))}; allowed once each: ${FLAGS.join(", ")}, and with a value: ${VALUED.join(", ")}\n`,
    );
    process.exit(2);
  } else options.set(a, "");
}
const whole = (flag: string, fallback: number, min: number, max: number) => {
  const text = options.get(flag);
  if (text === undefined) return fallback;
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(n >= min && n <= max)) {
    process.stderr.write(
      `calibrate: ${flag} must be a whole number from ${min} to ${max}, got ${JSON.stringify(text.slice(0, 80))}\n`,
    );
    process.exit(2);
  }
  return n;
};

async function load() {
  const result = await loadDataset();
  if (!result.ok) {
    for (const issue of result.issues) process.stderr.write(formatIssue(issue) + "\n");
    process.exit(1);
  }
  return result.value;
}

const dataset = await load();
const targets = await loadTargetsFromDisk(dataset);

if (options.has("--table")) {
  const results = evaluateTargets(targets, presetLedgers(dataset));
  process.stdout.write(formatCalibrationReport(results));
  process.exit(0);
}

if (options.has("--posterior")) {
  await posterior();
  process.exit(0);
}
if (["--draws", "--seed", "--threads", "--as-of", "--without"].some((f) => options.has(f))) {
  process.stderr.write(
    "calibrate: --draws, --seed, --threads, --as-of and --without go with --posterior\n",
  );
  process.exit(2);
}

const fit = fitModel(dataset, targets);
const text = await readFile(PARAMETERS, "utf8");
const fitted = withFittedValues(text, fit);

if (options.has("--check")) {
  if (fitted !== text) {
    const stale = fit.values.filter(
      (v) => withFittedValues(text, { ...fit, values: [v] }) !== text,
    );
    process.stderr.write(
      `calibrate --check: ${PARAMETERS} is stale for ${stale.map((v) => v.id).join(", ")}; run npm run calibrate and commit the result\n`,
    );
    process.exit(1);
  }
  const stored = await storedPosterior();
  const hash = await posteriorInputsHash();
  if (stored.hash !== hash) {
    process.stderr.write(
      `calibrate --check: ${POSTERIOR} was computed from other data, targets or presets than these (hash ${stored.hash.slice(0, 12)}…, now ${hash.slice(0, 12)}…); run npm run calibrate -- --posterior and commit the result\n`,
    );
    process.exit(1);
  }
  // Exports and the Uncertainty page name the model version the posterior was made with.
  const { version } = JSON.parse(await readFile("package.json", "utf8")) as { version: string };
  if (stored.modelVersion !== version) {
    process.stderr.write(
      `calibrate --check: ${POSTERIOR} says model version ${stored.modelVersion}, package.json ${version}; run npm run calibrate -- --posterior and commit the result\n`,
    );
    process.exit(1);
  }
  process.stdout.write(
    `calibrate --check: ${PARAMETERS} holds the current fit (${fit.values.length} parameters); ${POSTERIOR} is current (effective sample size ${stored.effectiveSampleSize})\n`,
  );
  process.exit(0);
}

await writeFile(PARAMETERS, fitted, "utf8");
if ((await storedPosterior()).hash !== (await posteriorInputsHash()))
  process.stderr.write(
    `calibrate: ${POSTERIOR} was computed from other data, targets or presets: make it again with npm run calibrate -- --posterior (about 20 CPU-seconds)\n`,
  );
const overrides = Object.fromEntries(fit.values.map((v) => [v.id, Number(v.value)]));
const missed = fit.results.filter((r) => !r.within);
process.stdout.write(
  formatCalibrationReport(fit.results, fit.values, diagnose(dataset, missed, overrides)),
);

async function storedPosterior() {
  const parsed = parsePosteriorSample(JSON.parse(await readFile(POSTERIOR, "utf8")));
  if (!parsed.ok) {
    process.stderr.write(`calibrate: ${POSTERIOR}: ${parsed.issues[0]!.message}\n`);
    process.exit(1);
  }
  return parsed.value;
}

/** `--posterior`: simulate the prior on threads, weigh, resample, report (and write unless a back-test). */
async function posterior() {
  const draws = whole("--draws", 100_000, 1000, 1_000_000);
  const seed = whole("--seed", 2014, 0, 0xffffffff);
  const threads = whole("--threads", 2, 1, 16);
  const asOf = options.get("--as-of");
  if (asOf !== undefined && !/^20\d\d-(0[1-9]|1[0-2])$/.test(asOf)) {
    process.stderr.write(
      `calibrate: --as-of must be a month YYYY-MM, got ${JSON.stringify(asOf.slice(0, 80))}\n`,
    );
    process.exit(2);
  }
  const without =
    options
      .get("--without")
      ?.split(",")
      .filter((s) => s !== "") ?? [];
  const unknownTarget = without.find((id) => !targets.some((t) => t.id === id));
  if (unknownTarget !== undefined) {
    process.stderr.write(
      `calibrate: --without: no target ${JSON.stringify(unknownTarget.slice(0, 80))}; targets are ${targets.map((t) => t.id).join(", ")}\n`,
    );
    process.exit(2);
  }
  const sim = prepareTargetSimulation(dataset, targets);
  const started = performance.now();
  const simulated = await simulateOnThreads(sim, seed, draws, threads, (done) => {
    if (process.stderr.isTTY)
      process.stderr.write(
        `\r${done.toLocaleString("en-GB")} of ${draws.toLocaleString("en-GB")} draws`,
      );
  });
  const seconds = (performance.now() - started) / 1000;
  const { version } = JSON.parse(await readFile("package.json", "utf8")) as { version: string };
  const backTest = asOf !== undefined || without.length > 0;
  // A back-test weighs by the targets public at --as-of (less --without); its report's
  // vintages and leave-one-out are over the same subset.
  const used = targets.filter(
    (t) => !without.includes(t.id) && (asOf === undefined || t.published.slice(0, 7) <= asOf),
  );
  const built = buildPosterior(
    sim,
    simulated,
    {
      seed,
      modelVersion: version,
      hash: await posteriorInputsHash(),
      vintages: asOf === undefined ? undefined : [asOf],
    },
    backTest ? used : undefined,
  );
  process.stderr.write(
    `${process.stderr.isTTY ? "\n" : ""}posterior: ${draws.toLocaleString("en-GB")} prior draws on ${threads} thread(s) in ${seconds.toFixed(1)} s\n`,
  );
  process.stdout.write(formatPosteriorReport(built, built.report));
  if (built.effectiveSampleSize < MIN_EFFECTIVE_SAMPLE) {
    process.stderr.write(
      `posterior: effective sample size ${built.effectiveSampleSize} is below ${MIN_EFFECTIVE_SAMPLE}; not written. Run with more --draws, or check the targets the prior cannot reach\n`,
    );
    process.exit(1);
  }
  if (!backTest) {
    await writeFile(POSTERIOR, JSON.stringify(built) + "\n", "utf8");
    process.stderr.write(`posterior: wrote ${POSTERIOR}\n`);
  }
}
