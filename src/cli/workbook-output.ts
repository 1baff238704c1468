import type { Dataset } from "../data/index.ts";
import { rollUp } from "../engine/roll-up.ts";
import { canonicalJson } from "../scenario/canonical-json.ts";
import { parseScenario } from "../scenario/parse-scenario.ts";
import { PRESETS } from "../scenario/presets.ts";
import { projectScenario } from "../scenario/project-scenario.ts";
import type { ScenarioResult } from "../scenario/scenario-issue.ts";
import type { Scenario } from "../scenario/scenario.ts";
import { summarize } from "../scenario/summarize.ts";
import { MODEL_VERSION } from "../site/model-version.ts";
import { scenarioName } from "../site/scenario-name.ts";
import { withModelVersion } from "../site/version-note.ts";
import { encodeScenarioQuery } from "../state/url-state.ts";
import { scenarioWorkbook } from "../workbook/scenario-workbook.ts";

/** What the workbook says about its units (its Provenance sheet). */
export const WORKBOOK_UNITS =
  "Money in pounds (£) as numbers; the exact whole pence in the hidden amount_pence columns " +
  "(Summary, Lines by year), equal to crc-scenarios run --by fy. FTE: average in post; " +
  "workload_index: per cent of the 2014 norm.";

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
): Promise<ScenarioResult<Uint8Array>> {
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
