import type { Result } from "../issues/issue.ts";
import { joinTargetDraws, type TargetDraws } from "../calibration/simulate-targets.ts";

/** What runs a part: a worker's `posteriorPart` (the engine's API, or a fake in tests). */
export interface PosteriorRunner {
  posteriorPart(request: unknown): Promise<Result<TargetDraws>>;
}

export interface PosteriorRun {
  readonly targetsCsv: string;
  readonly seed: number;
  readonly draws: number;
  /** For the join: how many targets and parameters each draw records. */
  readonly targetCount: number;
  readonly parameterCount: number;
}

/** Draws a part holds: small enough that progress moves and Cancel answers within a second or so. */
export const POSTERIOR_CHUNK = 2000;

export type PosteriorOutcome =
  | Result<TargetDraws>
  | { readonly ok: false; readonly cancelled: true; readonly issues: readonly [] };

/**
 * The posterior's prior simulation in the browser (issue #14): the run is cut into parts of
 * `POSTERIOR_CHUNK` draws, which the two workers draw in turn (each asks for the next part as it
 * finishes one), so the page never blocks, progress is reported after every part, and a cancel
 * (the `signal`) stops asking for parts: the run ends when the parts in flight come back.
 */
export async function runPosteriorInParts(
  run: PosteriorRun,
  runners: readonly (() => Promise<PosteriorRunner>)[],
  options: {
    readonly onProgress?: (done: number) => void;
    readonly signal?: AbortSignal;
    readonly chunk?: number;
  } = {},
): Promise<PosteriorOutcome> {
  const chunk = options.chunk ?? POSTERIOR_CHUNK;
  const parts: TargetDraws[] = [];
  let next = 0;
  let done = 0;
  let failed: Result<TargetDraws> | undefined;
  const worker = async (get: () => Promise<PosteriorRunner>) => {
    const runner = await get();
    while (next < run.draws && failed === undefined && !options.signal?.aborted) {
      const from = next;
      const to = Math.min(run.draws, from + chunk);
      next = to;
      const part = await runner.posteriorPart({
        targetsCsv: run.targetsCsv,
        seed: run.seed,
        from,
        to,
      });
      if (!part.ok) {
        failed ??= part;
        return;
      }
      parts.push(part.value);
      done += to - from;
      options.onProgress?.(done);
    }
  };
  await Promise.all(runners.map(worker));
  if (failed !== undefined) return failed;
  if (options.signal?.aborted) return { ok: false, cancelled: true, issues: [] };
  return {
    ok: true,
    value: joinTargetDraws(parts, run.draws, run.targetCount, run.parameterCount),
  };
}
