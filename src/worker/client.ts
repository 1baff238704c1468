// Browser side of the worker boundary. Bundled by scripts/bundle-engine.mjs into the Framework
// root; pages import it from "./components/bundled/client.js".
import { wrap, type Remote } from "comlink";
import type { EngineApi } from "./api.ts";
import { latestWins } from "./latest-wins.ts";

export interface EngineClient {
  /** Latest-input-wins: while a run is in flight, only the newest request is kept. */
  feeForServiceLine: EngineApi["feeForServiceLine"];
  terminate(): void;
}

/**
 * Start the engine worker. Returns a plain object of async functions: a comlink proxy must never
 * be a Framework cell's value, because the runtime treats anything with `then` as a promise
 * (BUILDING.md).
 */
export function createEngine(workerUrl: string | URL): EngineClient {
  const worker = new Worker(workerUrl, { type: "module" });
  const remote: Remote<EngineApi> = wrap<EngineApi>(worker);
  return {
    feeForServiceLine: latestWins<unknown, Awaited<ReturnType<EngineApi["feeForServiceLine"]>>>(
      (request) => remote.feeForServiceLine(request),
    ),
    terminate: () => worker.terminate(),
  };
}
