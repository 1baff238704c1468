// Browser side of the worker boundary. Bundled by scripts/bundle-engine.mjs into the Framework
// root; pages import it from "./components/bundled/client.js".
import { wrap } from "comlink";
import type { Issue, Result } from "../issues/issue.ts";
import type { BreakEvenReport } from "../sensitivity/break-even.ts";
import type { Grid } from "../sensitivity/grid.ts";
import type { Tornado } from "../sensitivity/tornado.ts";
import type { SavedScenario } from "../state/saved-scenarios.ts";
import type { MonteCarloSummary } from "../uncertainty/summarize-draws.ts";
import type { EngineApi } from "./api.ts";
import type { AttributionRequest, AttributionView } from "./attribution-request.ts";
import type {
  DeltaView,
  ExplainDeltaRequest,
  ExplainRequest,
  ExplainView,
} from "./explain-request.ts";
import type { MonteCarloRequest } from "./monte-carlo-request.ts";
import type { ProjectionRequest, ProjectionView } from "./project-request.ts";
import type {
  BreakEvenRequestText,
  GridRequestText,
  TornadoRequest,
} from "./sensitivity-request.ts";
import { latestWins } from "./latest-wins.ts";
import { splitMonteCarlo } from "./split-monte-carlo.ts";
import { runPosteriorInParts, type PosteriorOutcome, type PosteriorRun } from "./run-posterior.ts";
import {
  supervise,
  workerSlot,
  type EngineStatus,
  type Use,
  type WorkerSlot,
  type WorkerStart,
} from "./supervisor.ts";

export type { DeltaView, ExplainView } from "./explain-request.ts";
export type { ProjectionView } from "./project-request.ts";
export type { EngineStatus } from "./supervisor.ts";

/**
 * No answer within this time is a worker fault (issue #15). The longest run a page asks for
 * (100,000 Monte Carlo draws) takes ~3 s here on two workers and ~5 s on one; 30 s leaves room
 * for a slow machine without leaving a reader in front of stale figures for long.
 */
export const ENGINE_TIMEOUT_MS = 30_000;

export interface EngineOptions {
  /** No answer within this many milliseconds counts as a fault (default ENGINE_TIMEOUT_MS). */
  readonly timeoutMs?: number;
}

/**
 * The engine as a page uses it: each request typed as the worker reads it (the worker still
 * checks every field: a page's JavaScript is not type-checked), every answer a `Result`.
 */
export interface EngineClient {
  /** Latest-input-wins: while a run is in flight only the newest request is kept (sliders). */
  project(request: ProjectionRequest): Promise<Result<ProjectionView>>;
  /** Every request answered, in order (comparisons of several scenarios). */
  projectEach(request: ProjectionRequest): Promise<Result<ProjectionView>>;
  /** Check a scenario document against the schema, the presets and the data. */
  validate(scenario: unknown): Promise<Result<{ hash: string; warnings: Issue[] }>>;
  /** Check a saved-scenarios export file's text in the worker (issue #15: the page never freezes). */
  checkImport(fileText: string): Promise<Result<SavedScenario[]>>;
  /**
   * Latest-input-wins Monte Carlo (the Uncertainty page's inputs). Runs of ≥ 400 draws are
   * split across this worker and a second one (started on first use): the same summary, drawn
   * on two cores.
   */
  monteCarlo(request: MonteCarloRequest): Promise<Result<MonteCarloSummary>>;
  /** Latest-input-wins sensitivity runs (the Sensitivity page). */
  tornado(request: TornadoRequest): Promise<Result<Tornado>>;
  grid(request: GridRequestText): Promise<Result<Grid>>;
  breakEven(request: BreakEvenRequestText): Promise<Result<BreakEvenReport>>;
  /**
   * Explain a figure (issue #8), latest-input-wins: the open explanation follows the sliders
   * without queueing stale runs.
   */
  explain(request: ExplainRequest): Promise<Result<ExplainView>>;
  /** Every request answered: the steps a reader opens one by one in the panel. */
  explainEach(request: ExplainRequest): Promise<Result<ExplainView>>;
  explainDelta(request: ExplainDeltaRequest): Promise<Result<DeltaView>>;
  attributeDelta(request: AttributionRequest): Promise<Result<AttributionView>>;
  /**
   * The posterior's prior simulation for a back-test on the page (issue #14): parts drawn by
   * both workers in turn, progress after each, stopped by `signal` (`run-posterior.ts`).
   */
  posterior(
    run: PosteriorRun,
    options?: Parameters<typeof runPosteriorInParts>[2],
  ): Promise<PosteriorOutcome>;
  /**
   * Follow the engine's state: runs in flight, faults and recoveries (docs/components/
   * engine-notice.js shows them). Returns the function that stops following.
   */
  onStatus(listener: (status: EngineStatus) => void): () => void;
  /** Stop every run in flight (the workers are restarted); each answers "cancelled". */
  cancel(): void;
  /** How long a run may take before it counts as a fault, in milliseconds. */
  readonly timeoutMs: number;
  /** End the engine worker and the Monte Carlo one, if it was started. */
  terminate(): void;
}

/**
 * A test's hook (test/browser/worker-faults.test.ts): a page opened with
 * `window.crcEngineTestHooks = {timeoutMs}` set before its scripts run gives its engine that
 * timeout, so a test of a hung worker waits seconds, not 30. Nothing else reads it.
 */
function hookedTimeout(): number | undefined {
  const hooks = (globalThis as { crcEngineTestHooks?: { timeoutMs?: unknown } }).crcEngineTestHooks;
  const ms = hooks?.timeoutMs;
  return typeof ms === "number" && ms > 0 ? ms : undefined;
}

/** A module worker behind comlink; its error events are faults. */
function moduleWorker(workerUrl: string | URL): WorkerStart<EngineApi> {
  return (onFault) => {
    const worker = new Worker(workerUrl, { type: "module" });
    worker.addEventListener("error", (event) => {
      // The page reports the fault itself (engine-notice.js): no second, bare console error.
      event.preventDefault();
      onFault(event.message || "the worker could not load or stopped with an error");
    });
    worker.addEventListener("messageerror", () =>
      onFault("a message from the worker could not be read"),
    );
    // Every EngineApi method already returns a promise of plain data, so the comlink proxy has
    // the API's own types; reading it as EngineApi keeps each result's type exact.
    return {
      api: wrap<EngineApi>(worker) as unknown as EngineApi,
      terminate: () => worker.terminate(),
    };
  };
}

/**
 * Start the engine worker and hand it the dataset. Returns a plain object of async functions: a
 * comlink proxy must never be a Framework cell's value, because the runtime treats anything with
 * `then` as a promise (BUILDING.md).
 */
export function createEngine(
  workerUrl: string | URL,
  dataset: unknown,
  options: EngineOptions = {},
): EngineClient {
  const timeoutMs = options.timeoutMs ?? hookedTimeout() ?? ENGINE_TIMEOUT_MS;
  return createEngineClient(moduleWorker(workerUrl), dataset, { timeoutMs });
}

/** The client over any way of starting workers (fake ones in the unit tests). */
export function createEngineClient(
  start: WorkerStart<EngineApi>,
  dataset: unknown,
  options: EngineOptions = {},
): EngineClient {
  const listeners = new Set<(status: EngineStatus) => void>();
  const supervisor = supervise<EngineApi>({
    timeoutMs: options.timeoutMs ?? ENGINE_TIMEOUT_MS,
    onStatus: (status) => {
      for (const listener of listeners) listener(status);
    },
  });
  // An init failure is a value: every call then answers with it (supervisor.ts).
  const init = (api: EngineApi) => api.init(dataset);
  const main: WorkerSlot<EngineApi> = workerSlot(start, init);
  main.current(); // load the worker and its data while the page renders
  // The second worker draws half of each large Monte Carlo run (the machine's other core); it
  // is started on the first such run, so pages without Monte Carlo never pay for it.
  const second: WorkerSlot<EngineApi> = workerSlot(start, init);

  /** A supervised call of one method of the main worker. */
  const guarded =
    <T>(what: string, call: (api: EngineApi, request: unknown) => Promise<Result<T>>) =>
    (request: unknown, superseded?: () => boolean): Promise<Result<T>> =>
      supervisor.run(
        what,
        async (use: Use<EngineApi>) => call(await use(main), request),
        superseded,
      );

  const projectEach = guarded("projection", (api, r) => api.project(r));
  const explainEach = guarded("explanation", (api, r) => api.explain(r));
  // Each kind of run has its own queue, so a slow grid never holds back a tornado.
  const monteCarlo = latestWins((r: unknown, superseded) =>
    supervisor.run(
      "Monte Carlo run",
      async (use) => splitMonteCarlo(r, await use(main), () => use(second)),
      superseded,
    ),
  );
  return {
    project: latestWins(projectEach),
    monteCarlo,
    tornado: latestWins(guarded("tornado", (api, r) => api.tornado(r))),
    grid: latestWins(guarded("sensitivity grid", (api, r) => api.grid(r))),
    breakEven: latestWins(guarded("break-even search", (api, r) => api.breakEven(r))),
    projectEach,
    validate: guarded("validation", (api, scenario) => api.validate(scenario)),
    checkImport: guarded("check of an imported file", (api, text) => api.checkImport(text)),
    explain: latestWins(explainEach),
    explainEach,
    explainDelta: guarded("explanation of a difference", (api, r) => api.explainDelta(r)),
    attributeDelta: guarded("attribution of a difference", (api, r) => api.attributeDelta(r)),
    // Each part is one supervised call (its own timeout, restart on a fault), not the whole run.
    posterior: (run, options) =>
      runPosteriorInParts(
        run,
        [main, second].map((slot) => async () => ({
          posteriorPart: (r: unknown) =>
            supervisor.run("posterior back-test", async (use) =>
              (await use(slot)).posteriorPart(r),
            ),
        })),
        options,
      ),
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    cancel: () => supervisor.cancel(),
    timeoutMs: supervisor.timeoutMs,
    terminate: () => {
      main.terminate();
      second.terminate();
    },
  };
}
