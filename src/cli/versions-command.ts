import { quote } from "../issues/describe-value.ts";
import type { Issue } from "../issues/issue.ts";
import { join } from "node:path";
import { compareVersions, formatComparison } from "../versions/compare.ts";
import { loadVersionRecords } from "../versions/load-records.ts";
import { DATA_DIR } from "./dataset-for-cli.ts";
import {
  choiceOption,
  echoArguments,
  EXIT_BAD_INPUT,
  fail,
  lineIssues,
  parse,
} from "./command-arguments.ts";
import type { Output } from "./output.ts";

/** The package's own records, not ./data/model-versions of wherever the CLI is run from. */
const RECORDS = join(DATA_DIR, "model-versions");
const FORMATS = ["text", "json"] as const;

/** `crc-scenarios versions`: every recorded model version, its date and its CHANGELOG reason. */
export async function versionsCommand(args: string[], out: Output): Promise<number> {
  const parsed = parse("versions", args, {}, out);
  if (parsed === undefined) return EXIT_BAD_INPUT;
  if (parsed.positionals.length > 0)
    return fail(
      out,
      "versions",
      lineIssues(`takes no arguments, got ${echoArguments(parsed.positionals)}`),
    );
  const records = await loadVersionRecords(RECORDS);
  out.stdout("version\tdate\treason\n");
  for (const r of records) out.stdout(`${r.version}\t${r.date}\t${r.reason}\n`);
  return 0;
}

/** `crc-scenarios compare-versions A B [--format text|json]`: how every recorded output moved. */
export async function compareVersionsCommand(args: string[], out: Output): Promise<number> {
  const parsed = parse("compare-versions", args, { format: { type: "string" } }, out);
  if (parsed === undefined) return EXIT_BAD_INPUT;
  const issues: Issue[] = [];
  const format = choiceOption("format", parsed.values.format, FORMATS, "text", issues);
  const records = await loadVersionRecords(RECORDS);
  const known = records.map((r) => r.version);
  if (parsed.positionals.length !== 2)
    issues.push(...lineIssues(`expected two versions (from, to), one of: ${known.join(", ")}`));
  const [a, b] = parsed.positionals.map((v) => records.find((r) => r.version === v));
  parsed.positionals.slice(0, 2).forEach((v, i) => {
    if ((i === 0 ? a : b) === undefined)
      issues.push(
        ...lineIssues(`version ${quote(v)} is not recorded; recorded: ${known.join(", ")}`),
      );
  });
  if (issues.length > 0) return fail(out, "compare-versions", issues);
  const comparison = compareVersions(a!, b!);
  out.stdout(
    format === "json" ? JSON.stringify(comparison, null, 1) + "\n" : formatComparison(comparison),
  );
  return 0;
}
