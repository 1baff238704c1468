import type { Issue, Result } from "../issues/issue.ts";
import { oneOf, wholeIn } from "../issues/readers.ts";
import {
  attributeDelta,
  DEFAULT_MAX_EXACT_GROUPS,
  DEFAULT_PERMUTATIONS,
  DEFAULT_SEED,
  MAX_PERMUTATIONS,
  type Attribution,
} from "../explain/attribute-delta.ts";
import {
  ATTRIBUTION_LEVELS,
  parameterCatalog,
  type AttributionLevel,
} from "../explain/attribution-groups.ts";
import type { FigureRef } from "../explain/figure-ref.ts";
import { inputIssues } from "../sensitivity/edit-inputs.ts";
import { checkFigure, resolveSides, underFigure } from "./explain-request.ts";
import { type EngineState, requestFields } from "./request-fields.ts";

/**
 * A fair-shares attribution request (issue #17): `{a, b, figure, level?, samples?, seed?,
 * maxExactGroups?}`, the two scenario documents validated in the worker. `samples` and `seed`
 * apply only when there are more groups than `maxExactGroups` (0 to 12, default 12: at most
 * 4,096 projections, so one request cannot hold the worker for long).
 */
export interface AttributionRequest {
  readonly a: unknown;
  readonly b: unknown;
  readonly figure: FigureRef;
  readonly level?: AttributionLevel;
  readonly samples?: number;
  readonly seed?: number;
  readonly maxExactGroups?: number;
}

export interface AttributionView {
  readonly hashA: string;
  readonly hashB: string;
  readonly attribution: Attribution;
}

const KEYS = ["a", "b", "figure", "level", "samples", "seed", "maxExactGroups"];

export function checkAttributionRequest(request: unknown): Result<Required<AttributionRequest>> {
  const issues: Issue[] = [];
  const r = requestFields(request, KEYS, ["a", "b"], issues);
  if (r === undefined) return { ok: false, issues };
  const figure = checkFigure(r.figure, issues);
  const level = oneOf(r.level ?? "parameter", ATTRIBUTION_LEVELS, "level", issues);
  const samples = wholeIn(
    r.samples ?? DEFAULT_PERMUTATIONS,
    4,
    MAX_PERMUTATIONS,
    "samples",
    issues,
  );
  const seed = wholeIn(r.seed ?? DEFAULT_SEED, 0, 0xffffffff, "seed", issues);
  const maxExactGroups = wholeIn(
    r.maxExactGroups ?? DEFAULT_MAX_EXACT_GROUPS,
    0,
    DEFAULT_MAX_EXACT_GROUPS,
    "maxExactGroups",
    issues,
  );
  if (
    issues.length > 0 ||
    figure === undefined ||
    level === undefined ||
    samples === undefined ||
    seed === undefined ||
    maxExactGroups === undefined
  )
    return { ok: false, issues };
  return { ok: true, value: { a: r.a, b: r.b, figure, level, samples, seed, maxExactGroups } };
}

/** A difference shared fairly (Shapley values): exact over few groups, sampled orders over many. */
export function attributeDeltaRequest(
  engine: EngineState,
  request: unknown,
): Result<AttributionView> {
  const checked = checkAttributionRequest(request);
  if (!checked.ok) return checked;
  const { a, b, figure, level, samples, seed, maxExactGroups } = checked.value;
  const sides = resolveSides(engine, a, b);
  if (!sides.ok) return sides;
  const result = attributeDelta(sides.a.inputs, sides.b.inputs, figure, {
    level,
    catalog: parameterCatalog(engine.dataset.parameters),
    permutations: samples,
    seed,
    maxExactGroups,
    rules: (inputs) => inputIssues(inputs, engine.dataset),
  });
  if (!result.ok) return { ok: false, issues: underFigure(result.issues) };
  return {
    ok: true,
    value: { hashA: sides.a.hash, hashB: sides.b.hash, attribution: result.value },
  };
}
