import { failure, formatIssue, type Result, type WarnedResult } from "../issues/issue.ts";
import type { Dataset } from "../data/index.ts";
import { rollUp } from "../engine/roll-up.ts";
import { canonicalJson } from "../scenario/canonical-json.ts";
import { parseScenario } from "../scenario/parse-scenario.ts";
import { PRESETS } from "../scenario/presets.ts";
import { projectScenario } from "../scenario/project-scenario.ts";
import type { Scenario } from "../scenario/scenario.ts";
import { summarize } from "../scenario/summarize.ts";
import { MODEL_VERSION } from "../site/model-version.ts";
import { scenarioName } from "../site/scenario-name.ts";
import { selectionQuery } from "../state/compare-selection.ts";
import { withModelVersion } from "../state/link-version.ts";
import { encodeScenarioQuery } from "../state/url-state.ts";
import { comparisonWorkbook, type ComparedInput } from "../workbook/comparison-workbook.ts";
import { monteCarloWorkbook } from "../workbook/monte-carlo-workbook.ts";
import { WORKBOOK_UNITS } from "../workbook/provenance-sheet.ts";
import { scenarioWorkbook } from "../workbook/scenario-workbook.ts";
import type { ResolvedScenario } from "../scenario/validate-scenario.ts";
import { lineIssues } from "./command-arguments.ts";
import type { MonteCarloSummary } from "../uncertainty/summarize-draws.ts";
import { monteCarloRows } from "../uncertainty/summary-table.ts";
import type { BatchEntry } from "./scenario-batch.ts";

/** The scenario as the site holds it in its address: a preset is `extends` that preset. */
function siteScenario(doc: unknown): Scenario {
  const preset = [...PRESETS.values()].find((p) => p === doc);
  if (preset?.id !== undefined) return { schemaVersion: 1, extends: preset.id };
  return parseScenario(doc).scenario;
}

/**
 * A scenario's workbook as xlsx bytes (`run --format xlsx`): projected on the exact engine,
 * with the same rows as `run --by fy`, its inputs and its provenance. `name` is how the scenario
 * was given (a preset id or a file), for the command that rebuilds it.
 */
export async function scenarioWorkbookBytes(
  doc: unknown,
  name: string,
  dataset: Dataset,
  generatedAt: Date,
): Promise<WarnedResult<Uint8Array>> {
  const result = projectScenario(doc, dataset);
  if (!result.ok) return result;
  const { scenario, ledger } = result.value;
  const site = siteScenario(doc);
  const title = scenarioName(site, PRESETS);
  const workbook = await scenarioWorkbook({
    summary: summarize(ledger, scenario.merged.id ?? null, scenario.hash),
    fy: rollUp(ledger, "fy"),
    merged: scenario.merged,
    dataset,
    provenance: {
      title,
      scenarios: [
        { role: "scenario", name: title, hash: scenario.hash, json: canonicalJson(site) },
      ],
      modelVersion: MODEL_VERSION,
      generatedAt,
      address: `/explorer?${withModelVersion(encodeScenarioQuery(site), MODEL_VERSION)}`,
      command: `crc-scenarios run ${name} --format xlsx --out <file>.xlsx`,
      sources: dataset.sources,
      units: WORKBOOK_UNITS,
    },
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return {
    ok: true,
    value: new Uint8Array(buffer as ArrayBuffer),
    warnings: result.value.warnings,
  };
}

/**
 * Where the site rebuilds a comparison: the Compare page's own address when every scenario is a
 * preset; otherwise each scenario's Explorer address (save each there, then compare them).
 */
function compareAddress(sites: readonly Scenario[]): string {
  const ids = sites.map((s) =>
    s.extends !== undefined && s.title === undefined && Object.keys(s.parameters ?? {}).length === 0
      ? s.extends
      : undefined,
  );
  if (ids.every((id) => id !== undefined)) {
    const [base, ...others] = ids as [string, ...string[]];
    return `/compare${selectionQuery(base, others)}&_mv=${encodeURIComponent(MODEL_VERSION)}`;
  }
  return sites
    .map((s) => `/explorer?${withModelVersion(encodeScenarioQuery(s), MODEL_VERSION)}`)
    .join(" ; ");
}

/** The most scenarios a comparison workbook holds: a baseline and six (the Compare page's). */
export const MAX_WORKBOOK_SCENARIOS = 7;

/**
 * A comparison workbook as xlsx bytes (`run A B … --format xlsx`): the first scenario is the
 * baseline. Every scenario must project: a comparison missing one would read as complete, so a
 * bad scenario is named (by position and source) and no workbook is written.
 */
export async function comparisonWorkbookBytes(
  entries: readonly BatchEntry[],
  dataset: Dataset,
  generatedAt: Date,
): Promise<Result<Uint8Array>> {
  if (entries.length > MAX_WORKBOOK_SCENARIOS)
    return failure(
      "",
      `a comparison workbook holds at most ${MAX_WORKBOOK_SCENARIOS} scenarios (a baseline and ${MAX_WORKBOOK_SCENARIOS - 1}), got ${entries.length}`,
    );
  const messages: string[] = [];
  const scenarios: ComparedInput[] = [];
  const sites: Scenario[] = [];
  for (const entry of entries) {
    const where = `scenario ${entry.position} (${entry.source})`;
    if (!entry.read.ok) {
      messages.push(...entry.read.issues.map((i) => `${where}: ${formatIssue(i)}`));
      continue;
    }
    const result = projectScenario(entry.read.value, dataset);
    if (!result.ok) {
      messages.push(...result.issues.map((i) => `${where}: ${formatIssue(i)}`));
      continue;
    }
    const { scenario, ledger } = result.value;
    const site = siteScenario(entry.read.value);
    sites.push(site);
    scenarios.push({
      label: scenarioName(site, PRESETS),
      hash: scenario.hash,
      summary: summarize(ledger, scenario.merged.id ?? null, scenario.hash),
      fy: rollUp(ledger, "fy"),
      total: rollUp(ledger, "total"),
      merged: scenario.merged,
    });
  }
  if (messages.length > 0) return { ok: false, issues: lineIssues(...messages) };
  const workbook = await comparisonWorkbook({
    scenarios,
    dataset,
    provenance: {
      title: `${scenarios[0]!.label} compared with ${scenarios.length - 1} scenario${scenarios.length === 2 ? "" : "s"}`,
      scenarios: scenarios.map((s, i) => ({
        role: i === 0 ? "baseline" : `scenario ${i}`,
        name: s.label,
        hash: s.hash,
        json: canonicalJson(sites[i]),
      })),
      modelVersion: MODEL_VERSION,
      generatedAt,
      address: compareAddress(sites),
      command: `crc-scenarios run ${entries.map((e) => e.source).join(" ")} --format xlsx --out <file>.xlsx`,
      sources: dataset.sources,
      units: WORKBOOK_UNITS,
    },
  });
  return { ok: true, value: new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer) };
}

/** A Monte Carlo run's workbook as xlsx bytes (`mc --format xlsx`), with its seed and draws. */
export async function monteCarloWorkbookBytes(
  doc: unknown,
  name: string,
  resolved: ResolvedScenario,
  summary: MonteCarloSummary,
  dataset: Dataset,
  generatedAt: Date,
): Promise<Uint8Array> {
  const site = siteScenario(doc);
  const title = scenarioName(site, PRESETS);
  const workbook = await monteCarloWorkbook({
    summary,
    rows: monteCarloRows(summary),
    provenance: {
      title: `Monte Carlo: ${title}`,
      scenarios: [
        { role: "scenario", name: title, hash: resolved.hash, json: canonicalJson(site) },
      ],
      modelVersion: MODEL_VERSION,
      generatedAt,
      seed: summary.seed,
      draws: summary.draws,
      address: `/uncertainty?${withModelVersion(
        `${encodeScenarioQuery(site)}&_seed=${summary.seed}&_draws=${summary.draws}&_shape=${summary.shape}&_basis=${summary.basis}`,
        MODEL_VERSION,
      )}`,
      command: `crc-scenarios mc ${name} --draws ${summary.draws} --seed ${summary.seed} --shape ${summary.shape} --basis ${summary.basis} --format xlsx --out <file>.xlsx`,
      sources: dataset.sources,
      units:
        "Money statistics in pounds (£) as numbers, the exact value (pence; probabilities as shares) in the hidden value column, equal to mc --format csv.",
    },
  });
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
