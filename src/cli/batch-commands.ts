import { formatIssue, type Issue } from "../issues/issue.ts";
import type { Dataset } from "../data/index.ts";
import type { Period } from "../engine/periods.ts";
import { rollUp } from "../engine/roll-up.ts";
import { formatAmount } from "../engine/tidy-csv.ts";
import { projectScenario } from "../scenario/project-scenario.ts";
import { summarize, type Summary } from "../scenario/summarize.ts";
import { validateScenario, type ResolvedScenario } from "../scenario/validate-scenario.ts";
import { runMonteCarlo } from "../uncertainty/run-monte-carlo.ts";
import type { MonteCarloOptions } from "../uncertainty/monte-carlo-run.ts";
import { monteCarloRows } from "../uncertainty/summary-table.ts";
import { EXIT_BAD_INPUT } from "./command-arguments.ts";
import type { Output } from "./output.ts";
import type { BatchEntry } from "./scenario-batch.ts";
import { summaryRows } from "./summary-rows.ts";

/** Exit code of a batch in which some scenarios failed: the others' output is still written. */
export const EXIT_SOME_FAILED = EXIT_BAD_INPUT;

/** Which scenario a row of a batch's output belongs to. */
export interface ScenarioLabel {
  /** The scenario's title, else its id, else where it came from (file, `stdin line N`). */
  readonly scenario: string;
  /** Canonical SHA-256 of the scenario (`validate` prints the same). */
  readonly hash: string;
}

export function labelOf(resolved: ResolvedScenario, source: string): ScenarioLabel {
  const { title, id } = resolved.merged;
  return { scenario: title ?? id ?? source, hash: resolved.hash };
}

/** A CSV cell: quoted when it holds a comma, a quote or a line break (titles are free text). */
export function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The label's two leading CSV cells. */
const labelCells = (l: ScenarioLabel) => `${csvCell(l.scenario)},${l.hash}`;

/**
 * Run `each` over every entry, reporting a bad one as `crc-scenarios <command>: scenario N
 * (<source>): <problem>` and going on with the rest. Returns the exit code: 0 when every
 * scenario ran, `EXIT_SOME_FAILED` otherwise.
 */
async function forEachEntry(
  command: string,
  entries: readonly BatchEntry[],
  out: Output,
  each: (doc: unknown, entry: BatchEntry) => { issues: readonly Issue[] } | void,
): Promise<number> {
  let failed = 0;
  for (const entry of entries) {
    const where = `crc-scenarios ${command}: scenario ${entry.position} (${entry.source})`;
    const found = entry.read.ok ? each(entry.read.value, entry)?.issues : entry.read.issues;
    const messages = (found ?? []).map((i) => formatIssue(i).replace(/\s*\n\s*/g, " "));
    if (messages.length === 0) continue;
    failed++;
    for (const m of messages) out.stderr(`${where}: ${m}\n`);
  }
  if (failed > 0)
    out.stderr(
      `crc-scenarios ${command}: ${failed} of ${entries.length} scenarios failed; the others' output is complete\n`,
    );
  return failed > 0 ? EXIT_SOME_FAILED : 0;
}

const warn = (command: string, entry: BatchEntry, warnings: readonly Issue[], out: Output) => {
  for (const w of warnings)
    out.stderr(
      `crc-scenarios ${command}: scenario ${entry.position} (${entry.source}): warning: ${formatIssue(w)}\n`,
    );
};

/**
 * `run` over a batch: `scenario,hash,crc,owner,period,line,amount_pence` (or JSON rows), as text
 * for stdout or `--out`, and the exit code.
 */
export async function runBatch(
  entries: readonly BatchEntry[],
  dataset: Dataset,
  options: { format: "csv" | "json"; by: Period },
  out: Output,
): Promise<{ code: number; text: string }> {
  const parts: string[] = [];
  const json: object[] = [];
  if (options.format === "csv") parts.push("scenario,hash,crc,owner,period,line,amount_pence\n");
  const code = await forEachEntry("run", entries, out, (doc, entry) => {
    const result = projectScenario(doc, dataset);
    if (!result.ok) return { issues: result.issues };
    warn("run", entry, result.warnings, out);
    const label = labelOf(result.value.scenario, entry.source);
    const rows = rollUp(result.value.ledger, options.by);
    if (options.format === "csv") {
      const cells = labelCells(label);
      parts.push(
        rows
          .map((r) => `${cells},${r.crc},${r.owner},${r.period},${r.line},${formatAmount(r)}\n`)
          .join(""),
      );
    } else
      for (const r of rows)
        json.push({
          ...label,
          crc: r.crc,
          owner: r.owner,
          period: r.period,
          line: r.line,
          amount_pence: Number(formatAmount(r)),
        });
  });
  return { code, text: options.format === "csv" ? parts.join("") : JSON.stringify(json) + "\n" };
}

/** `summary` over a batch: a JSON list of summaries with their labels, or tidy CSV. */
export async function summaryBatch(
  entries: readonly BatchEntry[],
  dataset: Dataset,
  format: "csv" | "json",
  out: Output,
): Promise<number> {
  const summaries: { label: ScenarioLabel; summary: Summary; entry: BatchEntry }[] = [];
  const code = await forEachEntry("summary", entries, out, (doc, entry) => {
    const result = projectScenario(doc, dataset);
    if (!result.ok) return { issues: result.issues };
    const { scenario, ledger } = result.value;
    const label = labelOf(scenario, entry.source);
    summaries.push({
      label,
      entry,
      summary: summarize(ledger, scenario.merged.id ?? null, scenario.hash),
    });
  });
  out.stdout(
    format === "csv"
      ? summaryCsv(summaries.map((s) => ({ label: s.label, summary: s.summary })))
      : JSON.stringify(
          summaries.map((s) => ({
            position: s.entry.position,
            source: s.entry.source,
            title: s.label.scenario,
            ...s.summary,
          })),
          null,
          2,
        ) + "\n",
  );
  return code;
}

/** Summaries as tidy CSV: `scenario,hash,crc,owner,measure,value`. */
export function summaryCsv(items: readonly { label: ScenarioLabel; summary: Summary }[]): string {
  const lines = ["scenario,hash,crc,owner,measure,value"];
  for (const { label, summary } of items)
    for (const r of summaryRows(summary))
      lines.push(`${labelCells(label)},${r.crc},${r.owner},${r.measure},${r.value}`);
  return lines.join("\n") + "\n";
}

/** `mc` over a batch: the same options for each; JSON list or `scenario,hash,…` tidy CSV. */
export async function mcBatch(
  entries: readonly BatchEntry[],
  dataset: Dataset,
  options: MonteCarloOptions,
  format: "csv" | "json",
  out: Output,
): Promise<number> {
  const parts: string[] = [];
  const json: object[] = [];
  if (format === "csv") parts.push("scenario,hash,crc,owner,period,line,statistic,value\n");
  const code = await forEachEntry("mc", entries, out, (doc, entry) => {
    const checked = validateScenario(doc, dataset);
    if (!checked.ok) return { issues: checked.issues };
    const result = runMonteCarlo(checked.value, dataset, options);
    if (!result.ok)
      return {
        issues: result.issues.map((i) => (i.path === "fanOf" ? { ...i, path: "--fan" } : i)),
      };
    warn("mc", entry, [...checked.warnings, ...result.warnings], out);
    const label = labelOf(checked.value, entry.source);
    if (format === "csv") {
      const cells = labelCells(label);
      parts.push(
        monteCarloRows(result.value)
          .map(
            (r) => `${cells},${r.crc},${r.owner},${r.period},${r.line},${r.statistic},${r.value}\n`,
          )
          .join(""),
      );
    } else
      json.push({
        position: entry.position,
        source: entry.source,
        title: label.scenario,
        summary: result.value,
      });
  });
  out.stdout(format === "csv" ? parts.join("") : JSON.stringify(json, null, 2) + "\n");
  return code;
}
