import { transfer } from "comlink";
import { failure, type Issue, type Result } from "../issues/issue.ts";
import { isNot, isRecord } from "../issues/describe-value.ts";
import type { Dataset } from "../data/index.ts";
import type { TargetDraws } from "../calibration/simulate-targets.ts";
import { validateScenario } from "../scenario/validate-scenario.ts";
import type { BreakEvenReport } from "../sensitivity/break-even.ts";
import type { Grid } from "../sensitivity/grid.ts";
import type { Tornado } from "../sensitivity/tornado.ts";
import type { SavedScenario } from "../state/saved-scenarios.ts";
import type { DrawsPart } from "../uncertainty/simulate-draws.ts";
import type { MonteCarloSummary } from "../uncertainty/summarize-draws.ts";
import { attributeDeltaRequest, type AttributionView } from "./attribution-request.ts";
import {
  explain,
  explainDeltaRequest,
  type DeltaView,
  type ExplainView,
} from "./explain-request.ts";
import { checkImportRequest } from "./import-request.ts";
import { createMonteCarloRequests } from "./monte-carlo-request.ts";
import { posteriorPart } from "./posterior-request.ts";
import { project, type ProjectionView } from "./project-request.ts";
import { createProjectionMemo } from "./projection-memo.ts";
import { type EngineState, guarded, toIssues } from "./request-fields.ts";
import { breakEven, grid, tornado } from "./sensitivity-request.ts";

/**
 * The engine's API as the worker exposes it: plain data in, plain data out, never a throw.
 * Everything here must be structured-cloneable (no decimal.js values: STYLE.md, BUILDING.md).
 * Each request is checked and answered in its own file (`*-request.ts`, with its request and
 * view types); this file only holds the worker's state and turns a bug into an error value.
 * Requests arrive as `unknown`: the page is not trusted to send what the types say.
 */
export interface EngineApi {
  /** Give the worker the dataset (built from data/*.csv by the site's data loader). */
  init(dataset: unknown): Promise<Result<{ crcs: number; parameters: number }>>;
  /** Check a scenario document against the schema, the presets and the data. */
  validate(scenario: unknown): Promise<Result<{ hash: string; warnings: Issue[] }>>;
  /** Check a saved-scenarios export file's text, every entry (issue #15): see import-request.ts. */
  checkImport(fileText: unknown): Promise<Result<SavedScenario[]>>;
  /** A projection rolled up for the pages: see `ProjectionRequest` (project-request.ts). */
  project(request: unknown): Promise<Result<ProjectionView>>;
  /** Seeded Monte Carlo around a scenario (issue #6): see `MonteCarloRequest`. */
  monteCarlo(request: unknown): Promise<Result<MonteCarloSummary>>;
  /**
   * Draws [from, to) of a Monte Carlo run: `MonteCarloPartRequest` (a second worker draws half
   * a run; `monteCarloMerge` summarises the halves as one run).
   */
  monteCarloPart(request: unknown): Promise<Result<DrawsPart>>;
  /** The summary of a run from parts tiling [0, draws): `MonteCarloMergeRequest`. */
  monteCarloMerge(request: unknown): Promise<Result<MonteCarloSummary>>;
  /** One-at-a-time swings low → high of the uncertain parameters: see `TornadoRequest`. */
  tornado(request: unknown): Promise<Result<Tornado>>;
  /** An output over a grid of two knobs: see `GridRequestText`. */
  grid(request: unknown): Promise<Result<Grid>>;
  /** Per CRC, the lever value at which contract profit is zero, checked by the exact engine. */
  breakEven(request: unknown): Promise<Result<BreakEvenReport>>;
  /** Why a figure has its value: `ExplainRequest` (issue #8). */
  explain(request: unknown): Promise<Result<ExplainView>>;
  /** Why a figure differs between two scenarios: `ExplainDeltaRequest` (issue #8). */
  explainDelta(request: unknown): Promise<Result<DeltaView>>;
  /**
   * A difference shared fairly (Shapley values, issue #17): `AttributionRequest`; exact over
   * few groups, sampled orders (seeded) over many.
   */
  attributeDelta(request: unknown): Promise<Result<AttributionView>>;
  /**
   * Draws [from, to) of the posterior's prior simulation: `PosteriorPartRequest` (issue #14;
   * posterior-request.ts). The page joins the parts and weighs them.
   */
  posteriorPart(request: unknown): Promise<Result<TargetDraws>>;
}

const NOT_READY = failure("", "the engine has no data yet: call init(dataset) first");

/** The API over one worker's state (the dataset it was given). */
export function createEngineApi(): EngineApi {
  let engine: EngineState | undefined;
  const monteCarlo = createMonteCarloRequests();
  /** Answer a request against the worker's state, once it has one. */
  const answer =
    <T>(request: (engine: EngineState, body: unknown) => Result<T>) =>
    async (body: unknown): Promise<Result<T>> =>
      guarded(() => (engine === undefined ? NOT_READY : request(engine, body)));

  return {
    async init(candidate) {
      return guarded(() => {
        if (
          !isRecord(candidate) ||
          !Array.isArray(candidate.crcs) ||
          !Array.isArray(candidate.parameters)
        )
          return failure("", isNot(candidate, "a dataset (the object built from data/*.csv)"));
        const dataset = candidate as unknown as Dataset;
        engine = { dataset, projectDoc: createProjectionMemo(dataset) };
        return {
          ok: true,
          value: { crcs: dataset.crcs.length, parameters: dataset.parameters.length },
        };
      });
    },
    validate: answer(({ dataset }, scenario) => {
      const checked = validateScenario(scenario, dataset);
      if (!checked.ok) return { ok: false, issues: toIssues(checked.issues) };
      return {
        ok: true,
        value: { hash: checked.value.hash, warnings: toIssues(checked.warnings) },
      };
    }),
    async checkImport(fileText) {
      if (engine === undefined) return NOT_READY;
      return checkImportRequest(fileText, engine.dataset).catch((error: unknown) =>
        failure("", `internal error: ${error instanceof Error ? error.message : String(error)}`),
      );
    },
    project: answer(project),
    monteCarlo: answer(monteCarlo.monteCarlo),
    monteCarloPart: answer(monteCarlo.monteCarloPart),
    monteCarloMerge: answer(monteCarlo.monteCarloMerge),
    tornado: answer(tornado),
    grid: answer(grid),
    breakEven: answer(breakEven),
    explain: answer(explain),
    explainDelta: answer(explainDeltaRequest),
    attributeDelta: answer(attributeDeltaRequest),
    posteriorPart: answer(({ dataset }, request) => {
      const part = posteriorPart(request, dataset);
      // The draws' buffers move to the page rather than being copied.
      if (part.ok) transfer(part, [part.value.values.buffer, part.value.parameters.buffer]);
      return part;
    }),
  };
}
