import { isNot } from "../issues/describe-value.ts";
import { formatIssue, type Issue } from "../issues/issue.ts";
import { MONEY_LINES } from "../engine/lines.ts";
import { PERIODS } from "../engine/periods.ts";
import { rollUp } from "../engine/roll-up.ts";
import { formatAmount, toCsv } from "../engine/tidy-csv.ts";
import { PRESETS } from "../scenario/presets.ts";
import { projectScenario } from "../scenario/project-scenario.ts";
import { summarize } from "../scenario/summarize.ts";
import { validateScenario } from "../scenario/validate-scenario.ts";
import { datasetForCli } from "./dataset-for-cli.ts";
import {
  choiceOption,
  echoArguments,
  EXIT_BAD_INPUT,
  fail,
  lineIssues,
  parse,
} from "./command-arguments.ts";
import type { Output } from "./output.ts";
import { checkOutputPath, readScenarioArgument, writeOutputFile } from "./scenario-argument.ts";
import { runBatch, summaryBatch, summaryCsv, labelOf } from "./batch-commands.ts";
import { isBatch, readBatch } from "./scenario-batch.ts";
import { comparisonWorkbookBytes, scenarioWorkbookBytes } from "./workbook-output.ts";

/** `run`'s periods when `--by` is not given: financial years. */
export const DEFAULT_BY = "fy";

const FORMATS = ["csv", "json"] as const;
/** `run` also writes an Excel workbook (`--format xlsx --out FILE`). */
const RUN_FORMATS = [...FORMATS, "xlsx"] as const;

export { EXIT_BAD_INPUT };

/** Load the data and the scenario named by the single positional argument. */
async function scenarioAndData(command: string, positionals: string[], out: Output) {
  if (positionals.length > 1) {
    fail(
      out,
      command,
      lineIssues(`expected one scenario, got ${positionals.length}: ${echoArguments(positionals)}`),
    );
    return undefined;
  }
  const arg = await readScenarioArgument(positionals[0]);
  if (!arg.ok) {
    fail(out, command, arg.issues);
    return undefined;
  }
  const data = await datasetForCli();
  if (!data.ok) {
    fail(out, command, data.issues);
    return undefined;
  }
  return { doc: arg.value.doc, name: arg.value.name, dataset: data.value };
}

/** `run <preset | scenario.json> [--format csv|json] [--out FILE] [--by month|quarter|fy|total]` */
export async function runCommand(args: string[], out: Output): Promise<number> {
  const parsed = parse(
    "run",
    args,
    { format: { type: "string" }, out: { type: "string" }, by: { type: "string" } },
    out,
  );
  if (parsed === undefined) return EXIT_BAD_INPUT;
  const file = parsed.values.out;
  const issues: Issue[] = [];
  const format = choiceOption("format", parsed.values.format, RUN_FORMATS, "csv", issues);
  const rawBy = parsed.values.by ?? DEFAULT_BY;
  if (format === "xlsx") {
    // A workbook is binary: written to a file, never to a terminal; its sheets are by year.
    if (file === undefined) issues.push(...lineIssues("--format xlsx needs --out FILE.xlsx"));
    if (rawBy !== "fy")
      issues.push({
        path: "--by",
        message: isNot(rawBy, "fy (a workbook's sheets are by financial year)"),
      });
  }
  const by = choiceOption("by", rawBy, PERIODS, undefined, issues);
  // Before the projection: a FIFO or a device as --out is named at once.
  const outProblem = file === undefined ? undefined : await checkOutputPath(file);
  if (outProblem !== undefined) issues.push(...lineIssues(outProblem));
  if (issues.length > 0 || format === undefined || by === undefined)
    return fail(out, "run", issues);
  if (format === "xlsx" && (await isBatch(parsed.positionals))) {
    const data = await datasetForCli();
    if (!data.ok) return fail(out, "run", data.issues);
    const entries = await readBatch(parsed.positionals, out.stdin);
    const workbook = await comparisonWorkbookBytes(entries, data.value, new Date());
    if (!workbook.ok) return fail(out, "run", workbook.issues);
    const written = await writeOutputFile(file!, workbook.value);
    return written === undefined ? 0 : fail(out, "run", lineIssues(written));
  }
  if (await isBatch(parsed.positionals)) {
    const data = await datasetForCli();
    if (!data.ok) return fail(out, "run", data.issues);
    const entries = await readBatch(parsed.positionals, out.stdin);
    const batch = await runBatch(
      entries,
      data.value,
      { format: format as "csv" | "json", by },
      out,
    );
    if (file === undefined) out.stdout(batch.text);
    else {
      const written = await writeOutputFile(file, batch.text);
      if (written !== undefined) return fail(out, "run", lineIssues(written));
    }
    return batch.code;
  }
  const loaded = await scenarioAndData("run", parsed.positionals, out);
  if (loaded === undefined) return EXIT_BAD_INPUT;
  if (format === "xlsx") {
    const workbook = await scenarioWorkbookBytes(
      loaded.doc,
      loaded.name,
      loaded.dataset,
      new Date(),
    );
    if (!workbook.ok) return fail(out, "run", workbook.issues);
    for (const w of workbook.warnings)
      out.stderr(`crc-scenarios run: warning: ${formatIssue(w)}\n`);
    const written = await writeOutputFile(file!, workbook.value);
    return written === undefined ? 0 : fail(out, "run", lineIssues(written));
  }
  const result = projectScenario(loaded.doc, loaded.dataset);
  if (!result.ok) return fail(out, "run", result.issues);
  for (const w of result.warnings) out.stderr(`crc-scenarios run: warning: ${formatIssue(w)}\n`);
  const rows = rollUp(result.value.ledger, by);
  const text =
    format === "csv"
      ? toCsv(rows)
      : JSON.stringify(
          rows.map((r) => ({
            crc: r.crc,
            owner: r.owner,
            period: r.period,
            line: r.line,
            amount_pence: Number(formatAmount(r)),
          })),
        ) + "\n";
  if (file === undefined) {
    out.stdout(text);
    return 0;
  }
  const written = await writeOutputFile(file, text);
  return written === undefined ? 0 : fail(out, "run", lineIssues(written));
}

/**
 * `summary <scenario…> [--format json|csv]`: headline numbers as JSON, or tidy CSV
 * (`scenario,hash,crc,owner,measure,value`); several scenarios, a directory or `-` give a batch.
 */
export async function summaryCommand(args: string[], out: Output): Promise<number> {
  const parsed = parse("summary", args, { format: { type: "string" } }, out);
  if (parsed === undefined) return EXIT_BAD_INPUT;
  const issues: Issue[] = [];
  const format = choiceOption("format", parsed.values.format, FORMATS, "json", issues);
  if (format === undefined) return fail(out, "summary", issues);
  if (await isBatch(parsed.positionals)) {
    const data = await datasetForCli();
    if (!data.ok) return fail(out, "summary", data.issues);
    const entries = await readBatch(parsed.positionals, out.stdin);
    return summaryBatch(entries, data.value, format, out);
  }
  const loaded = await scenarioAndData("summary", parsed.positionals, out);
  if (loaded === undefined) return EXIT_BAD_INPUT;
  const result = projectScenario(loaded.doc, loaded.dataset);
  if (!result.ok) return fail(out, "summary", result.issues);
  const { scenario, ledger } = result.value;
  const summary = summarize(ledger, scenario.merged.id ?? null, scenario.hash);
  out.stdout(
    format === "csv"
      ? summaryCsv([{ label: labelOf(scenario, loaded.name), summary }])
      : JSON.stringify(summary, null, 2) + "\n",
  );
  return 0;
}

/** `presets`: the named scenarios in models/. */
export async function presetsCommand(args: string[], out: Output): Promise<number> {
  const parsed = parse("presets", args, {}, out);
  if (parsed === undefined) return EXIT_BAD_INPUT;
  if (parsed.positionals.length > 0) return fail(out, "presets", lineIssues("takes no arguments"));
  for (const [id, preset] of PRESETS) out.stdout(`${id}\t${preset.title ?? ""}\n`);
  return 0;
}

/** `validate scenario.json`: every problem on stderr and exit code 2, or "valid" and the hash. */
export async function validateCommand(args: string[], out: Output): Promise<number> {
  const parsed = parse("validate", args, {}, out);
  if (parsed === undefined) return EXIT_BAD_INPUT;
  const loaded = await scenarioAndData("validate", parsed.positionals, out);
  if (loaded === undefined) return EXIT_BAD_INPUT;
  const result = validateScenario(loaded.doc, loaded.dataset);
  if (!result.ok) return fail(out, "validate", result.issues);
  for (const w of result.warnings)
    out.stderr(`crc-scenarios validate: warning: ${formatIssue(w)}\n`);
  out.stdout(`valid: ${loaded.name} (hash ${result.value.hash})\n`);
  return 0;
}

/** Money lines, for the CLI's help text. */
export const LINE_HELP = [...MONEY_LINES, "fte", "workload_index"].join(", ");
