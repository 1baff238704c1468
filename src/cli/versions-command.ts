import { parseArgs } from "node:util";
import { compareVersions, formatComparison } from "../versions/compare.ts";
import { loadVersionRecords } from "../versions/load-records.ts";
import type { Output } from "./output.ts";

/** `crc-scenarios versions`: every recorded model version, its date and its CHANGELOG reason. */
export async function versionsCommand(args: string[], out: Output): Promise<number> {
  if (args.length > 0) {
    out.stderr(`crc-scenarios versions: takes no arguments, got ${args.join(" ")}\n`);
    return 2;
  }
  const records = await loadVersionRecords();
  out.stdout("version\tdate\treason\n");
  for (const r of records) out.stdout(`${r.version}\t${r.date}\t${r.reason}\n`);
  return 0;
}

/** `crc-scenarios compare-versions A B [--format text|json]`: how every recorded output moved. */
export async function compareVersionsCommand(args: string[], out: Output): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { format: { type: "string", default: "text" } },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    out.stderr(`crc-scenarios compare-versions: ${(error as Error).message}\n`);
    return 2;
  }
  const problems: string[] = [];
  const format = parsed.values.format;
  if (format !== "text" && format !== "json")
    problems.push(`--format: "${format}" is not allowed; expected text or json`);
  const records = await loadVersionRecords();
  const known = records.map((r) => r.version);
  if (parsed.positionals.length !== 2)
    problems.push(`expected two versions (from, to), one of: ${known.join(", ")}`);
  const [a, b] = parsed.positionals.map((v) => records.find((r) => r.version === v));
  parsed.positionals.slice(0, 2).forEach((v, i) => {
    if ((i === 0 ? a : b) === undefined)
      problems.push(`version "${v}" is not recorded; recorded: ${known.join(", ")}`);
  });
  if (problems.length > 0) {
    for (const p of problems) out.stderr(`crc-scenarios compare-versions: ${p}\n`);
    return 2;
  }
  const comparison = compareVersions(a!, b!);
  out.stdout(
    format === "json" ? JSON.stringify(comparison, null, 1) + "\n" : formatComparison(comparison),
  );
  return 0;
}
