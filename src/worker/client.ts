// Browser side of the worker boundary. Bundled by scripts/bundle-engine.mjs into the Framework
// root; pages import it from "./components/bundled/client.js".
import { wrap, type Remote } from "comlink";
import type { DeltaView, EngineApi, ExplainView, ProjectionView } from "./api.ts";
import { latestWins } from "./latest-wins.ts";
import { splitMonteCarlo } from "./split-monte-carlo.ts";
import type { WorkerResult } from "./result.ts";
import {
  runPosteriorInParts,
  type PosteriorOutcome,
  type PosteriorRun,
} from "./run-posterior.ts";

export type { DeltaView, ExplainView, ProjectionView } from "./api.ts";

export interface EngineClient {
  /** Latest-input-wins: while a run is in flight only the newest request is kept (sliders). */
  project(request: unknown): Promise<WorkerResult<ProjectionView>>;
  /** Every request answered, in order (comparisons of several scenarios). */
  projectEach(request: unknown): Promise<WorkerResult<ProjectionView>>;
  validate: EngineApi["validate"];
  /**
   * Latest-input-wins Monte Carlo (the Uncertainty page's inputs). Runs of ≥ 400 draws are
   * split across this worker and a second one (started on first use): the same summary, drawn
   * on two cores.
   */
  monteCarlo: EngineApi["monteCarlo"];
  /** Latest-input-wins sensitivity runs (the Sensitivity page). */
  tornado: EngineApi["tornado"];
  grid: EngineApi["grid"];
  breakEven: EngineApi["breakEven"];
  /**
   * Explain a figure (issue #8), latest-input-wins: the open explanation follows the sliders
   * without queueing stale runs.
   */
  explain(request: unknown): Promise<WorkerResult<ExplainView>>;
  /** Every request answered: the steps a reader opens one by one in the panel. */
  explainEach(request: unknown): Promise<WorkerResult<ExplainView>>;
  explainDelta(request: unknown): Promise<WorkerResult<DeltaView>>;
  /**
   * The posterior's prior simulation for a back-test on the page (issue #14): parts drawn by
   * both workers in turn, progress after each, stopped by `signal` (`run-posterior.ts`).
   */
  posterior(
    run: PosteriorRun,
    options?: Parameters<typeof runPosteriorInParts>[2],
  ): Promise<PosteriorOutcome>;
  attributeDelta: EngineApi["attributeDelta"];
  /** End the engine worker and the Monte Carlo one, if it was started. */
  terminate(): void;
}

/**
 * Start the engine worker and hand it the dataset. Returns a plain object of async functions: a
 * comlink proxy must never be a Framework cell's value, because the runtime treats anything with
 * `then` as a promise (BUILDING.md).
 */
export function createEngine(workerUrl: string | URL, dataset: unknown): EngineClient {
  const start = () => {
    const worker = new Worker(workerUrl, { type: "module" });
    const remote: Remote<EngineApi> = wrap<EngineApi>(worker);
    const ready = remote.init(dataset).then((r) => {
      if (!r.ok) throw new Error(r.issues.map((i) => i.message).join("; "));
    });
    return { worker, remote, ready };
  };
  const { worker, remote, ready } = start();
  // The second worker draws half of each large Monte Carlo run (the machine's other core); it
  // is started on the first such run, so pages without Monte Carlo never pay for it.
  let second: ReturnType<typeof start> | undefined;
  const secondRemote = async () => {
    second ??= start();
    await second.ready;
    return second.remote;
  };
  // Every EngineApi method already returns a promise of plain data, so the comlink proxy has
  // the API's own types; reading it as EngineApi keeps each result's type exact.
  const api = remote as unknown as EngineApi;
  /** A call that waits for the worker to have its data first. */
  const whenReady =
    <T>(call: (request: unknown) => Promise<T>) =>
    async (request: unknown): Promise<T> => {
      await ready;
      return call(request);
    };
  const projectEach = whenReady((r) => api.project(r));
  const explainEach = whenReady((r) => api.explain(r));
  // Each kind of run has its own queue, so a slow grid never holds back a tornado.
  const monteCarlo = latestWins(whenReady((r) => splitMonteCarlo(r, remote, secondRemote)));
  const tornado = latestWins(whenReady((r) => api.tornado(r)));
  const grid = latestWins(whenReady((r) => api.grid(r)));
  const breakEven = latestWins(whenReady((r) => api.breakEven(r)));
  return {
    project: latestWins(projectEach),
    monteCarlo,
    tornado,
    grid,
    breakEven,
    projectEach,
    validate: whenReady((scenario) => api.validate(scenario)),
    explain: latestWins(explainEach),
    explainEach,
    explainDelta: whenReady((r) => api.explainDelta(r)),
    posterior: (run, options) =>
      runPosteriorInParts(
        run,
        [
          async () => {
            await ready;
            return api;
          },
          async () => (await secondRemote()) as unknown as EngineApi,
        ],
        options,
      ),
    attributeDelta: whenReady((r) => api.attributeDelta(r)),
    terminate: () => {
      worker.terminate();
      second?.worker.terminate();
    },
  };
}
