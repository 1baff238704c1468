import { quote } from "../issues/describe-value.ts";
import { didYouMean } from "../issues/did-you-mean.ts";
import type { Issue } from "../issues/issue.ts";
import { monthText } from "../issues/readers.ts";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { buildPosterior, type PosteriorReport } from "../calibration/build-posterior.ts";
import { loadTargetsFromDisk } from "../calibration/load-targets.ts";
import { MIN_EFFECTIVE_SAMPLE } from "../calibration/posterior.ts";
import { posteriorCsv } from "../calibration/posterior-csv.ts";
import { formatPosteriorReport } from "../calibration/posterior-report.ts";
import { prepareTargetSimulation, simulateTargets } from "../calibration/simulate-targets.ts";
import {
  choiceOption,
  echoArguments,
  EXIT_BAD_INPUT,
  fail as failWith,
  flag,
  lineIssues,
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

const fail = (out: Output, issues: readonly Issue[]) => failWith(out, "calibrate", issues);

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
  const issues: Issue[] = [];
  if (parsed.positionals.length > 0)
    issues.push(
      ...lineIssues(
        `takes no arguments besides its options, got ${echoArguments(parsed.positionals)}`,
      ),
    );
  const format = choiceOption("format", o.format, FORMATS, "text", issues);
  const rawAsOf = o["as-of"];
  const asOf = rawAsOf === undefined ? undefined : monthText(rawAsOf, flag("as-of"), issues);
  const draws = wholeOption("draws", o.draws, 1000, 1_000_000, issues);
  const seed = wholeOption("seed", o.seed, 0, 0xffffffff, issues);
  const loaded = await datasetForCli();
  if (!loaded.ok) return fail(out, loaded.issues);
  const targets = await loadTargetsFromDisk(loaded.value, DATA_DIR);
  const ids = targets.map((t) => t.id);
  const without = o.without?.split(",").filter((s) => s !== "") ?? [];
  for (const id of without)
    if (!ids.includes(id))
      issues.push({
        path: "--without",
        message: `${quote(id)} is not a target${didYouMean(id, ids)}`,
      });
  if (issues.length > 0) return fail(out, issues);

  const stored = loaded.value.posterior;
  let sample;
  let report: PosteriorReport;
  if (asOf === undefined && without.length === 0 && draws === undefined && seed === undefined) {
    if (stored === undefined)
      return fail(
        out,
        lineIssues(
          "no stored posterior (data/posterior.json): make it with npm run calibrate -- --posterior",
        ),
      );
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
