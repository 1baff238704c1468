import type { Dataset } from "../../src/data/index.ts";
import { validateScenario, type ResolvedScenario } from "../../src/scenario/validate-scenario.ts";
import { findBreakEven, type BreakEvenReport } from "../../src/sensitivity/break-even.ts";
import { runGrid, type Grid } from "../../src/sensitivity/grid.ts";
import { parseOutputSpec, type OutputSpec } from "../../src/sensitivity/output-spec.ts";
import { runTornado, type Tornado } from "../../src/sensitivity/tornado.ts";
import {
  outputRequest,
  sensitivityContext,
  sensitivityViewFromSearch,
  type SensitivityView,
} from "../../src/state/sensitivity-view.ts";
import { monteCarloViewFromSearch } from "../../src/site/uncertainty.ts";
import { decodeScenarioQuery } from "../../src/state/url-state.ts";
import { runMonteCarlo } from "../../src/uncertainty/run-monte-carlo.ts";
import type { MonteCarloSummary } from "../../src/uncertainty/summarize-draws.ts";
import { dataset } from "./project-in-node.ts";

/**
 * The oracles for the sampled and sensitivity charts: the same runs in Node, for the scenario and
 * the "_" view keys in a page's (or an embed's) address. Any refused value is an error here: a
 * test's address must be one the page uses as given.
 */
async function scenarioOf(search: string): Promise<{ data: Dataset; resolved: ResolvedScenario }> {
  const decoded = decodeScenarioQuery(search);
  if (!decoded.ok) throw new Error(`bad URL state: ${JSON.stringify(decoded.issues)}`);
  const data = await dataset();
  const resolved = validateScenario(decoded.value, data);
  if (!resolved.ok) throw new Error(`scenario fails: ${JSON.stringify(resolved.issues)}`);
  return { data, resolved: resolved.value };
}

export async function monteCarloForUrl(url: string): Promise<MonteCarloSummary> {
  const search = new URL(url).search;
  const { data, resolved } = await scenarioOf(search);
  const { value: view, warnings } = monteCarloViewFromSearch(search);
  if (warnings.length) throw new Error(JSON.stringify(warnings));
  const run = runMonteCarlo(resolved, data, {
    draws: view.draws,
    seed: view.seed,
    shape: view.shape,
    correlation: { "volume.shortfall": view.shortfallCorrelation },
    basis: view.basis,
  });
  if (!run.ok) throw new Error(JSON.stringify(run.issues));
  return run.value;
}

async function sensitivityOf(url: string): Promise<{
  data: Dataset;
  resolved: ResolvedScenario;
  view: SensitivityView;
  output: OutputSpec;
}> {
  const search = new URL(url).search;
  const { data, resolved } = await scenarioOf(search);
  const { value: view, warnings } = sensitivityViewFromSearch(search, sensitivityContext(data));
  if (warnings.length) throw new Error(JSON.stringify(warnings));
  const output = parseOutputSpec(outputRequest(view), resolved.inputs.crcs);
  if (!output.ok) throw new Error(JSON.stringify(output.issues));
  return { data, resolved, view, output: output.value };
}

export async function tornadoForUrl(url: string): Promise<Tornado> {
  const { data, resolved, output } = await sensitivityOf(url);
  const run = runTornado(resolved, data, output);
  if (!run.ok) throw new Error(JSON.stringify(run.issues));
  return run.value;
}

export async function gridForUrl(url: string): Promise<Grid> {
  const { data, resolved, view, output } = await sensitivityOf(url);
  const run = runGrid(resolved, data, {
    x: { id: view.gx },
    y: { id: view.gy },
    steps: view.steps,
    output,
  });
  if (!run.ok) throw new Error(JSON.stringify(run.issues));
  return run.value;
}

export async function breakEvenForUrl(url: string): Promise<BreakEvenReport> {
  const { data, resolved, view } = await sensitivityOf(url);
  const run = findBreakEven(resolved, data, { lever: view.lever });
  if (!run.ok) throw new Error(JSON.stringify(run.issues));
  return run.value;
}
