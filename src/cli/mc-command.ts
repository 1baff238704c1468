import { formatIssue, type Issue } from "../issues/issue.ts";
import {
  DEFAULT_DRAWS,
  DEFAULT_SEED,
  DEFAULT_SHAPE,
  MAX_DRAWS,
  MAX_SEED,
  SHAPES,
  SHORTFALL_GROUP,
} from "../scenario/uncertainty-settings.ts";
import { validateScenario } from "../scenario/validate-scenario.ts";
import { BASES, type MonteCarloOptions } from "../uncertainty/monte-carlo-run.ts";
import { runMonteCarlo } from "../uncertainty/run-monte-carlo.ts";
import { monteCarloCsv } from "../uncertainty/summary-table.ts";
import { datasetForCli } from "./dataset-for-cli.ts";
import {
  choiceOption,
  EXIT_BAD_INPUT,
  fail as failWith,
  lineIssues,
  numberOption,
  parse,
  wholeOption,
} from "./command-arguments.ts";
import type { Output } from "./output.ts";
import { checkOutputPath, readScenarioArgument, writeOutputFile } from "./scenario-argument.ts";
import { monteCarloWorkbookBytes } from "./workbook-output.ts";
import { mcBatch } from "./batch-commands.ts";
import { isBatch, readBatch } from "./scenario-batch.ts";

const FORMATS = ["json", "csv", "xlsx"] as const;

export const MC_USAGE = `mc <scenario…> [--draws N] [--seed S] [--format json|csv|xlsx] [--shape ${SHAPES.filter((s) => s !== "point").join("|")}|point] [--correlation R] [--fan ALL|crc|owner] [--basis posterior|prior] [--out FILE.xlsx]
      Monte Carlo: P5–P95 and mean of national, owner and CRC profit, MoJ spend, losses, the
      number of loss-making CRCs and P(loss), and a fan of every line by year (default --draws
      ${DEFAULT_DRAWS} --seed ${DEFAULT_SEED} --shape ${DEFAULT_SHAPE}, or the scenario's "uncertainty" block; --correlation is
      the CRCs' volume-shortfall correlation, 0 to 1; --basis prior draws from the data's ranges
      alone, not the posterior that weighs them by the published figures; --format xlsx
      --out FILE: a workbook of the CSV's rows with the seed and draws in its provenance)`;

const fail = (out: Output, issues: readonly Issue[]) => failWith(out, "mc", issues);

/**
 * `mc <preset | scenario.json> [--draws N] [--seed S] [--format json|csv] [--shape S]
 * [--correlation R] [--fan ALL|crc|owner]`: a seeded Monte Carlo summary as JSON or tidy CSV.
 * Flags override the scenario's own `uncertainty` settings.
 */
export async function mcCommand(args: string[], out: Output): Promise<number> {
  const parsed = parse(
    "mc",
    args,
    {
      draws: { type: "string" },
      seed: { type: "string" },
      format: { type: "string" },
      shape: { type: "string" },
      correlation: { type: "string" },
      fan: { type: "string" },
      basis: { type: "string" },
      out: { type: "string" },
    },
    out,
  );
  if (parsed === undefined) return EXIT_BAD_INPUT;
  const o = parsed.values;
  const issues: Issue[] = [];
  const said = (message: string) => issues.push(...lineIssues(message));
  const draws = wholeOption("draws", o.draws, 1, MAX_DRAWS, issues);
  const seed = wholeOption("seed", o.seed, 0, MAX_SEED, issues);
  const format = choiceOption("format", o.format, FORMATS, "json", issues);
  const shape = choiceOption("shape", o.shape, SHAPES, undefined, issues);
  const correlation = numberOption("correlation", o.correlation, 0, 1, issues);
  const basis = choiceOption("basis", o.basis, BASES, undefined, issues);
  if (parsed.positionals.length === 0)
    said("a preset id, a scenario .json file, a directory or - (JSON Lines) is required");
  const batch = await isBatch(parsed.positionals);
  // A workbook is binary, so it goes to a file; --out is for workbooks only (text prints).
  if (format === "xlsx") {
    if (o.out === undefined) said("--format xlsx needs --out FILE.xlsx");
    else {
      const outProblem = await checkOutputPath(o.out);
      if (outProblem !== undefined) said(outProblem);
    }
    if (batch) said("--format xlsx takes one scenario (a workbook per run)");
  } else if (o.out !== undefined) said("--out is for --format xlsx; text is printed");
  if (issues.length > 0) return fail(out, issues);

  const options: MonteCarloOptions = {
    ...(draws === undefined ? {} : { draws }),
    ...(seed === undefined ? {} : { seed }),
    ...(shape === undefined ? {} : { shape }),
    ...(correlation === undefined ? {} : { correlation: { [SHORTFALL_GROUP]: correlation } }),
    ...(o.fan === undefined ? {} : { fanOf: o.fan }),
    ...(basis === undefined ? {} : { basis }),
  };
  if (batch) {
    const data = await datasetForCli();
    if (!data.ok) return fail(out, data.issues);
    const entries = await readBatch(parsed.positionals, out.stdin);
    return mcBatch(entries, data.value, options, format as "csv" | "json", out);
  }
  const arg = await readScenarioArgument(parsed.positionals[0]);
  if (!arg.ok) return fail(out, arg.issues);
  const data = await datasetForCli();
  if (!data.ok) return fail(out, data.issues);
  const checked = validateScenario(arg.value.doc, data.value);
  if (!checked.ok) return fail(out, checked.issues);
  const result = runMonteCarlo(checked.value, data.value, options);
  if (!result.ok)
    return fail(
      out,
      result.issues.map((i) => (i.path === "fanOf" ? { ...i, path: "--fan" } : i)),
    );
  for (const w of [...checked.warnings, ...result.warnings])
    out.stderr(`crc-scenarios mc: warning: ${formatIssue(w)}\n`);
  if (format === "xlsx") {
    const bytes = await monteCarloWorkbookBytes(
      arg.value.doc,
      arg.value.name,
      checked.value,
      result.value,
      data.value,
      new Date(),
    );
    const written = await writeOutputFile(o.out!, bytes);
    return written === undefined ? 0 : fail(out, lineIssues(written));
  }
  out.stdout(
    format === "csv" ? monteCarloCsv(result.value) : JSON.stringify(result.value, null, 2) + "\n",
  );
  return 0;
}
