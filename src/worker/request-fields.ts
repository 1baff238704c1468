import type { Dataset } from "../data/index.ts";
import { isRecord } from "../issues/describe-value.ts";
import { failure, type Issue, type Result, type WarnedResult } from "../issues/issue.ts";
import { knownKeys, objectValue } from "../issues/readers.ts";
import { validateScenario, type ResolvedScenario } from "../scenario/validate-scenario.ts";
import type { ProjectionMemo } from "./projection-memo.ts";

/** What every request is answered against: the worker's dataset and its projection memo. */
export interface EngineState {
  readonly dataset: Dataset;
  readonly projectDoc: ProjectionMemo;
}

/**
 * The one check of a request's form (issue #13): an object (else undefined, with its issue),
 * with every `required` key and no key outside `allowed` (a typo gets its "did you mean"), each
 * problem added to `issues`. Field values are then read with the readers of
 * src/issues/readers.ts into the same `issues`, so a request's every problem is named at once.
 */
export function requestFields(
  request: unknown,
  allowed: readonly string[],
  required: readonly string[],
  issues: Issue[],
): Record<string, unknown> | undefined {
  if (!isRecord(request)) {
    objectValue(request, "", issues, "a request (an object)");
    return undefined;
  }
  knownKeys(request, allowed, "", issues);
  for (const key of required)
    if (!(key in request)) issues.push({ path: key, message: "is required" });
  return request;
}

/** The request's fields when `requestFields` found no problem, else the failure. */
export function checkFields(
  request: unknown,
  allowed: readonly string[],
  required: readonly string[] = ["scenario"],
): Result<Record<string, unknown>> {
  const issues: Issue[] = [];
  const fields = requestFields(request, allowed, required, issues);
  return fields === undefined || issues.length > 0
    ? { ok: false, issues }
    : { ok: true, value: fields };
}

/** Issues as plain {path, message} (nothing else crosses the boundary). */
export function toIssues(issues: readonly Issue[]): Issue[] {
  return issues.map((i) => ({ path: i.path, message: i.message }));
}

/** Issues about a part of the request, with their path under it ("scenario.parameters.x"). */
export function under(prefix: string, issues: readonly Issue[]): Issue[] {
  return toIssues(issues).map((i) => ({ ...i, path: i.path ? `${prefix}.${i.path}` : prefix }));
}

/** A core result as a worker result (warnings dropped, issues reduced to path and message). */
export function answer<T>(result: WarnedResult<T> | Result<T>): Result<T> {
  return result.ok
    ? { ok: true, value: result.value }
    : { ok: false, issues: toIssues(result.issues) };
}

/** Validate a request's scenario; its problems are reported under `at` ("scenario."). */
export function resolveIn(
  scenario: unknown,
  dataset: Dataset,
  at = "scenario",
): Result<ResolvedScenario> {
  const resolved = validateScenario(scenario, dataset);
  if (resolved.ok) return { ok: true, value: resolved.value };
  return { ok: false, issues: under(at, resolved.issues) };
}

/** Run `compute` and turn an unexpected exception (a bug) into an error value, not a throw. */
export function guarded<T>(compute: () => Result<T>): Result<T> {
  try {
    return compute();
  } catch (error) {
    return failure("", `internal error: ${error instanceof Error ? error.message : String(error)}`);
  }
}
