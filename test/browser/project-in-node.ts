import { loadDataset } from "../../src/data/load-from-disk.ts";
import type { Dataset } from "../../src/data/index.ts";
import { projectScenario } from "../../src/scenario/project-scenario.ts";
import { summarize, type Summary } from "../../src/scenario/summarize.ts";
import { decodeScenarioQuery } from "../../src/state/url-state.ts";

let cached: Dataset | undefined;

export async function dataset(): Promise<Dataset> {
  if (cached) return cached;
  const loaded = await loadDataset("data");
  if (!loaded.ok) throw new Error("data/ does not validate");
  cached = loaded.value;
  return cached;
}

/** What the engine computes, in Node, for the scenario in a page's address (the oracle). */
export async function summaryForUrl(url: string): Promise<Summary> {
  const decoded = decodeScenarioQuery(new URL(url).search);
  if (!decoded.ok) throw new Error(`bad URL state: ${JSON.stringify(decoded.issues)}`);
  return summaryFor(decoded.value);
}

export async function summaryFor(scenario: unknown): Promise<Summary> {
  const projected = projectScenario(scenario, await dataset());
  if (!projected.ok) throw new Error(`scenario fails: ${JSON.stringify(projected.issues)}`);
  return summarize(projected.value.ledger, null, projected.value.scenario.hash);
}
