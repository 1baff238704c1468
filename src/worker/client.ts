// Browser side of the worker boundary. Bundled by scripts/bundle-engine.mjs into the Framework
// root; pages import it from "./components/bundled/client.js".
import { wrap, type Remote } from "comlink";
import type { DeltaView, EngineApi, ExplainView, ProjectionView } from "./api.ts";
import { latestWins } from "./latest-wins.ts";
import type { WorkerResult } from "./result.ts";

export type { DeltaView, ExplainView, ProjectionView } from "./api.ts";

export interface EngineClient {
  /** Latest-input-wins: while a run is in flight only the newest request is kept (sliders). */
  project(request: unknown): Promise<WorkerResult<ProjectionView>>;
  /** Every request answered, in order (comparisons of several scenarios). */
  projectEach(request: unknown): Promise<WorkerResult<ProjectionView>>;
  validate: EngineApi["validate"];
  /** Latest-input-wins Monte Carlo (the Uncertainty page's inputs). */
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
  terminate(): void;
}

/**
 * Start the engine worker and hand it the dataset. Returns a plain object of async functions: a
 * comlink proxy must never be a Framework cell's value, because the runtime treats anything with
 * `then` as a promise (BUILDING.md).
 */
export function createEngine(workerUrl: string | URL, dataset: unknown): EngineClient {
  const worker = new Worker(workerUrl, { type: "module" });
  const remote: Remote<EngineApi> = wrap<EngineApi>(worker);
  const ready = remote.init(dataset).then((r) => {
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join("; "));
  });
  const projectEach = async (request: unknown) => {
    await ready;
    return remote.project(request);
  };
  // Each kind of run has its own queue, so a slow grid never holds back a tornado.
  const monteCarlo: EngineClient["monteCarlo"] = latestWins(async (r: unknown) => {
    await ready;
    return remote.monteCarlo(r);
  });
  const tornado: EngineClient["tornado"] = latestWins(async (r: unknown) => {
    await ready;
    return remote.tornado(r);
  });
  const grid: EngineClient["grid"] = latestWins(async (r: unknown) => {
    await ready;
    return remote.grid(r);
  });
  const breakEven: EngineClient["breakEven"] = latestWins(async (r: unknown) => {
    await ready;
    return remote.breakEven(r);
  });
  const explainEach = async (request: unknown) => {
    await ready;
    return remote.explain(request);
  };
  return {
    project: latestWins(projectEach),
    monteCarlo,
    tornado,
    grid,
    breakEven,
    projectEach,
    validate: async (scenario) => {
      await ready;
      return remote.validate(scenario);
    },
    explain: latestWins(explainEach),
    explainEach,
    explainDelta: async (request) => {
      await ready;
      return remote.explainDelta(request);
    },
    terminate: () => worker.terminate(),
  };
}
