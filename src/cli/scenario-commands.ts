import { clip } from "../issues/describe-value.ts";
import { formatIssue } from "../issues/issue.ts";
import { MONEY_LINES } from "../engine/lines.ts";
import { PERIODS, type Period } from "../engine/periods.ts";
import { rollUp } from "../engine/roll-up.ts";
import { formatAmount, toCsv } from "../engine/tidy-csv.ts";
import { PRESETS } from "../scenario/presets.ts";
import { projectScenario } from "../scenario/project-scenario.ts";
import { summarize } from "../scenario/summarize.ts";
import { validateScenario } from "../scenario/validate-scenario.ts";
import { datasetForCli } from "./dataset-for-cli.ts";
import { echoArguments, EXIT_BAD_INPUT, fail, issueText, parse } from "./command-arguments.ts";
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
    fail(out, command, [
      `expected one scenario, got ${positionals.length}: ${echoArguments(positionals)}`,
    ]);
    return undefined;
  }
  const arg = await readScenarioArgument(positionals[0]);
  if (!arg.ok) {
    fail(out, command, issueText(arg.issues));
    return undefined;
  }
  const data = await datasetForCli();
  if (!data.ok) {
    fail(out, command, issueText(data.issues));
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
  const format = parsed.values.format ?? "csv";
  const by = parsed.values.by ?? DEFAULT_BY;
  const file = parsed.values.out;
  const problems: string[] = [];
  if (!(RUN_FORMATS as readonly string[]).includes(format))
    problems.push(
      `--format: ${JSON.stringify(clip(format))} is not one of ${RUN_FORMATS.join(", ")}`,
    );
  if (format === "xlsx") {
    // A workbook is binary: written to a file, never to a terminal; its sheets are by year.
    if (file === undefined) problems.push("--format xlsx needs --out FILE.xlsx");
    if (by !== "fy")
      problems.push(
        `--by: the workbook is by financial year (fy), got ${JSON.stringify(clip(by))}`,
      );
  }
  if (!(PERIODS as readonly string[]).includes(by))
    problems.push(`--by: ${JSON.stringify(clip(by))} is not one of ${PERIODS.join(", ")}`);
  // Before the projection: a FIFO or a device as --out is named at once.
  const outProblem = file === undefined ? undefined : await checkOutputPath(file);
  if (outProblem !== undefined) problems.push(outProblem);
  if (problems.length > 0) return fail(out, "run", problems);
  if (format === "xlsx" && (await isBatch(parsed.positionals))) {
    const data = await datasetForCli();
    if (!data.ok) return fail(out, "run", issueText(data.issues));
    const entries = await readBatch(parsed.positionals, out.stdin);
    const workbook = await comparisonWorkbookBytes(entries, data.value, new Date());
    if (!workbook.ok) return fail(out, "run", issueText(workbook.issues));
    const written = await writeOutputFile(file!, workbook.value);
    return written === undefined ? 0 : fail(out, "run", [written]);
  }
  if (await isBatch(parsed.positionals)) {
    const data = await datasetForCli();
    if (!data.ok) return fail(out, "run", issueText(data.issues));
    const entries = await readBatch(parsed.positionals, out.stdin);
    const batch = await runBatch(
      entries,
      data.value,
      { format: format as "csv" | "json", by: by as Period },
      out,
    );
    if (file === undefined) out.stdout(batch.text);
    else {
      const written = await writeOutputFile(file, batch.text);
      if (written !== undefined) return fail(out, "run", [written]);
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
    if (!workbook.ok) return fail(out, "run", workbook.issues.map(formatIssue));
    for (const w of workbook.warnings)
      out.stderr(`crc-scenarios run: warning: ${formatIssue(w)}\n`);
    const written = await writeOutputFile(file!, workbook.value);
    return written === undefined ? 0 : fail(out, "run", [written]);
  }
  const result = projectScenario(loaded.doc, loaded.dataset);
  if (!result.ok) return fail(out, "run", result.issues.map(formatIssue));
  for (const w of result.warnings) out.stderr(`crc-scenarios run: warning: ${formatIssue(w)}\n`);
  const rows = rollUp(result.value.ledger, by as Period);
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
  return written === undefined ? 0 : fail(out, "run", [written]);
}

/**
 * `summary <scenario…> [--format json|csv]`: headline numbers as JSON, or tidy CSV
 * (`scenario,hash,crc,owner,measure,value`); several scenarios, a directory or `-` give a batch.
 */
export async function summaryCommand(args: string[], out: Output): Promise<number> {
  const parsed = parse("summary", args, { format: { type: "string" } }, out);
  if (parsed === undefined) return EXIT_BAD_INPUT;
  const format = parsed.values.format ?? "json";
  if (!(FORMATS as readonly string[]).includes(format))
    return fail(out, "summary", [
      `--format: ${JSON.stringify(clip(format))} is not one of ${FORMATS.join(", ")}`,
    ]);
  if (await isBatch(parsed.positionals)) {
    const data = await datasetForCli();
    if (!data.ok) return fail(out, "summary", issueText(data.issues));
    const entries = await readBatch(parsed.positionals, out.stdin);
    return summaryBatch(entries, data.value, format as "csv" | "json", out);
  }
  const loaded = await scenarioAndData("summary", parsed.positionals, out);
  if (loaded === undefined) return EXIT_BAD_INPUT;
  const result = projectScenario(loaded.doc, loaded.dataset);
  if (!result.ok) return fail(out, "summary", result.issues.map(formatIssue));
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
  if (parsed.positionals.length > 0) return fail(out, "presets", ["takes no arguments"]);
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
  if (!result.ok) return fail(out, "validate", result.issues.map(formatIssue));
  for (const w of result.warnings)
    out.stderr(`crc-scenarios validate: warning: ${formatIssue(w)}\n`);
  out.stdout(`valid: ${loaded.name} (hash ${result.value.hash})\n`);
  return 0;
}

/** Money lines, for the CLI's help text. */
export const LINE_HELP = [...MONEY_LINES, "fte", "workload_index"].join(", ");
