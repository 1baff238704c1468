/**
 * The pages' "Download workbook" (issue #19), bundled on its own (docs/components/bundled/
 * workbook.js, scripts/bundle-engine.mjs) and loaded on the first click: exceljs is most of a
 * megabyte that no page needs until then. The pages pass what they already hold: the worker's
 * projection (with every group by year), the scenario as in the address, the data set and the
 * address itself; the workbooks are the CLI's (`run --format xlsx`), sheet for sheet.
 */
import type { Dataset } from "../data/index.ts";
import type { TidyRow } from "../engine/roll-up.ts";
import { canonicalJson } from "../scenario/canonical-json.ts";
import { mergeScenario } from "../scenario/merge-scenario.ts";
import { PRESETS } from "../scenario/presets.ts";
import type { Scenario } from "../scenario/scenario.ts";
import type { Summary } from "../scenario/summarize.ts";
import { MODEL_VERSION } from "../site/model-version.ts";
import { scenarioName } from "../site/scenario-name.ts";
import { comparisonWorkbook } from "./comparison-workbook.ts";
import { WORKBOOK_UNITS } from "./provenance-sheet.ts";
import { scenarioWorkbook } from "./scenario-workbook.ts";

/** The slice of the worker's ProjectionView a workbook needs (`fyFor: "all"`). */
export interface ProjectedView {
  readonly hash: string;
  readonly summary: Summary;
  readonly fy: readonly TidyRow[];
  readonly total: readonly TidyRow[];
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const command = (what: string) =>
  `save the scenario${what} as JSON (Explorer: Export saved scenarios), then crc-scenarios run <file>.json --format xlsx --out <file>.xlsx`;

/** One scenario's workbook (Explorer, CRC and owner pages) as an xlsx Blob. */
export async function scenarioWorkbookBlob(input: {
  readonly view: ProjectedView;
  readonly scenario: Scenario;
  readonly dataset: Dataset;
  /** The page address that rebuilds the view. */
  readonly address: string;
  readonly generatedAt: Date;
}): Promise<Blob> {
  const { view, scenario, dataset } = input;
  const name = scenarioName(scenario, PRESETS);
  const workbook = await scenarioWorkbook({
    summary: view.summary,
    fy: view.fy,
    merged: mergeScenario(scenario, PRESETS).merged,
    dataset,
    provenance: {
      title: name,
      scenarios: [{ role: "scenario", name, hash: view.hash, json: canonicalJson(scenario) }],
      modelVersion: MODEL_VERSION,
      generatedAt: input.generatedAt,
      address: input.address,
      command: command(""),
      sources: dataset.sources,
      units: WORKBOOK_UNITS,
    },
  });
  return new Blob([await workbook.xlsx.writeBuffer()], { type: XLSX_TYPE });
}

/** A baseline and the scenarios compared with it (Compare page) as an xlsx Blob. */
export async function comparisonWorkbookBlob(input: {
  readonly items: readonly { view: ProjectedView; scenario: Scenario; label: string }[];
  readonly dataset: Dataset;
  readonly address: string;
  readonly generatedAt: Date;
}): Promise<Blob> {
  const scenarios = input.items.map((item) => ({
    label: item.label,
    hash: item.view.hash,
    summary: item.view.summary,
    fy: item.view.fy,
    total: item.view.total,
    merged: mergeScenario(item.scenario, PRESETS).merged,
  }));
  const workbook = await comparisonWorkbook({
    scenarios,
    dataset: input.dataset,
    provenance: {
      title: `${scenarios[0]!.label} compared with ${scenarios.length - 1} scenario${scenarios.length === 2 ? "" : "s"}`,
      scenarios: input.items.map((item, i) => ({
        role: i === 0 ? "baseline" : `scenario ${i}`,
        name: item.label,
        hash: item.view.hash,
        json: canonicalJson(item.scenario),
      })),
      modelVersion: MODEL_VERSION,
      generatedAt: input.generatedAt,
      address: input.address,
      command: command("s"),
      sources: input.dataset.sources,
      units: WORKBOOK_UNITS,
    },
  });
  return new Blob([await workbook.xlsx.writeBuffer()], { type: XLSX_TYPE });
}
