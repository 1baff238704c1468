import { clip } from "../issues/describe-value.ts";
import { didYouMean } from "../issues/did-you-mean.ts";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { buildPosterior, type PosteriorReport } from "../calibration/build-posterior.ts";
import { loadTargetsFromDisk } from "../calibration/load-targets.ts";
import { MIN_EFFECTIVE_SAMPLE } from "../calibration/posterior.ts";
import { posteriorCsv } from "../calibration/posterior-csv.ts";
import { formatPosteriorReport } from "../calibration/posterior-report.ts";
import { prepareTargetSimulation, simulateTargets } from "../calibration/simulate-targets.ts";
import {
  echoArguments,
  EXIT_BAD_INPUT,
  fail as failWith,
  issueText,
  parse,
  wholeOption,
} from "./command-arguments.ts";
import { DATA_DIR, datasetForCli } from "./dataset-for-cli.ts";
import type { Output } from "./output.ts";

const FORMATS = ["text", "json", "csv"] as const;

export const CALIBRATE_USAGE = `calibrate [--as-of YYYY-MM] [--without TARGET[,TARGET…]] [--draws N] [--seed S] [--format text|json|csv]
      The posterior: prior vs posterior of each parameter, the predictive check of every
      target, back-tests and leave-one-out. Without --as-of or --without, the stored posterior
      (data/posterior.json, npm run calibrate -- --posterior); with them, a new one from only the
      targets published by that month (less those named), predicting the others (default
      --draws 20000, one thread)`;

const fail = (out: Output, messages: readonly string[]) => failWith(out, "calibrate", messages);

/** `crc-scenarios calibrate`: the posterior's report, or a back-test of it (issue #14). */
export async function calibrateCommand(args: string[], out: Output): Promise<number> {
  const parsed = parse(
    "calibrate",
    args,
    {
      "as-of": { type: "string" },
      without: { type: "string" },
      draws: { type: "string" },
      seed: { type: "string" },
      format: { type: "string" },
    },
    out,
  );
  if (parsed === undefined) return EXIT_BAD_INPUT;
  const o = parsed.values;
  const problems: string[] = [];
  if (parsed.positionals.length > 0)
    problems.push(
      `takes no arguments besides its options, got ${echoArguments(parsed.positionals)}`,
    );
  const format = o.format ?? "text";
  if (!(FORMATS as readonly string[]).includes(format))
    problems.push(`--format: ${JSON.stringify(clip(format))} is not one of ${FORMATS.join(", ")}`);
  const asOf = o["as-of"];
  if (asOf !== undefined && !/^20\d\d-(0[1-9]|1[0-2])$/.test(asOf))
    problems.push(`--as-of: ${JSON.stringify(clip(asOf))} is not a month YYYY-MM (e.g. 2016-09)`);
  const draws = wholeOption("draws", o.draws, 1000, 1_000_000, problems);
  const seed = wholeOption("seed", o.seed, 0, 0xffffffff, problems);
  const loaded = await datasetForCli();
  if (!loaded.ok) return fail(out, issueText(loaded.issues));
  const targets = await loadTargetsFromDisk(loaded.value, DATA_DIR);
  const ids = targets.map((t) => t.id);
  const without = o.without?.split(",").filter((s) => s !== "") ?? [];
  for (const id of without)
    if (!ids.includes(id))
      problems.push(`--without: ${JSON.stringify(clip(id))} is not a target${didYouMean(id, ids)}`);
  if (problems.length > 0) return fail(out, problems);

  const stored = loaded.value.posterior;
  let sample;
  let report: PosteriorReport;
  if (asOf === undefined && without.length === 0 && draws === undefined && seed === undefined) {
    if (stored === undefined)
      return fail(out, [
        "no stored posterior (data/posterior.json): make it with npm run calibrate -- --posterior",
      ]);
    sample = stored;
    report = stored.report as PosteriorReport;
  } else {
    const sim = prepareTargetSimulation(loaded.value, targets);
    const used = targets.filter(
      (t) => !without.includes(t.id) && (asOf === undefined || t.published.slice(0, 7) <= asOf),
    );
    const n = draws ?? 20_000;
    const s = seed ?? 2014;
    const { version } = JSON.parse(
      await readFile(join(DATA_DIR, "..", "package.json"), "utf8"),
    ) as { version: string };
    sample = buildPosterior(
      sim,
      simulateTargets(sim, s, 0, n),
      {
        seed: s,
        modelVersion: version,
        hash: "",
        vintages: asOf === undefined ? undefined : [asOf],
      },
      used,
    );
    report = sample.report;
    if (sample.effectiveSampleSize < MIN_EFFECTIVE_SAMPLE) {
      out.stderr(
        `crc-scenarios calibrate: effective sample size ${sample.effectiveSampleSize} is below ${MIN_EFFECTIVE_SAMPLE}: the posterior is not summarised; run with more --draws\n`,
      );
      return 1;
    }
  }
  if (format === "json")
    out.stdout(JSON.stringify({ ...sample, draws: undefined, report }, null, 2) + "\n");
  else if (format === "csv") out.stdout(posteriorCsv(report));
  else out.stdout(formatPosteriorReport(sample, report));
  return 0;
}
