import type { Result } from "../issues/issue.ts";
import type { EngineApi } from "./api.ts";
import type { MonteCarloSummary } from "../uncertainty/summarize-draws.ts";
import { MAX_DRAWS } from "../scenario/uncertainty-settings.ts";

/**
 * Below this many draws one worker answers alone: the second worker's round trip and the merge
 * (two structured clones of the parts) cost more than half the draws save. At 400 draws a half
 * is ~40 ms of drawing in Chromium against a few ms of cloning and merging.
 */
export const SPLIT_FROM_DRAWS = 400;

type Runner = Pick<EngineApi, "monteCarlo" | "monteCarloPart" | "monteCarloMerge">;

const PLAIN_KEYS = new Set(["scenario", "draws", "seed", "shape", "shortfallCorrelation", "basis"]);

/**
 * A Monte Carlo request answered by two workers: `first` draws [0, half) while `second` draws
 * [half, draws), then `first` summarises both parts. Each draw has its own generator stream
 * (src/uncertainty/prng.ts), so the summary is the one `first.monteCarlo(request)` gives.
 * Anything that is not a plain, well-formed request of ≥ SPLIT_FROM_DRAWS draws goes to
 * `first.monteCarlo` whole, so its problems read exactly as before.
 */
export async function splitMonteCarlo(
  request: unknown,
  first: Runner,
  second: () => Promise<Runner>,
): Promise<Result<MonteCarloSummary>> {
  const draws = (request as { draws?: unknown } | null)?.draws;
  const plain =
    typeof request === "object" &&
    request !== null &&
    !Array.isArray(request) &&
    Object.keys(request).every((k) => PLAIN_KEYS.has(k));
  if (
    !plain ||
    typeof draws !== "number" ||
    !Number.isInteger(draws) ||
    draws < SPLIT_FROM_DRAWS ||
    draws > MAX_DRAWS
  )
    return first.monteCarlo(request);
  const half = Math.floor(draws / 2);
  const [a, b] = await Promise.all([
    first.monteCarloPart({ ...request, from: 0, to: half }),
    second().then((other) => other.monteCarloPart({ ...request, from: half, to: draws })),
  ]);
  if (!a.ok) return a;
  if (!b.ok) return b;
  return first.monteCarloMerge({ ...request, parts: [a.value, b.value] });
}
