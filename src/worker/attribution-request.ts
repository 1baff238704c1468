import { describeValue, isRecord } from "../issues/describe-value.ts";
import type { Result } from "../issues/issue.ts";
import {
  DEFAULT_MAX_EXACT_GROUPS,
  DEFAULT_PERMUTATIONS,
  DEFAULT_SEED,
  MAX_PERMUTATIONS,
} from "../explain/attribute-delta.ts";
import { ATTRIBUTION_LEVELS, type AttributionLevel } from "../explain/attribution-groups.ts";
import type { FigureRef } from "../explain/figure-ref.ts";
import { checkFigure, unknownFields } from "./explain-request.ts";

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
  readonly level: AttributionLevel;
  readonly samples: number;
  readonly seed: number;
  readonly maxExactGroups: number;
}

const whole = (x: unknown, min: number, max: number): x is number =>
  typeof x === "number" && Number.isSafeInteger(x) && x >= min && x <= max;

export function checkAttributionRequest(request: unknown): Result<AttributionRequest> {
  if (!isRecord(request))
    return {
      ok: false,
      issues: [{ path: "", message: `request must be an object, got ${describeValue(request)}` }],
    };
  const issues = unknownFields(request, [
    "a",
    "b",
    "figure",
    "level",
    "samples",
    "seed",
    "maxExactGroups",
  ]);
  for (const side of ["a", "b"])
    if (!(side in request)) issues.push({ path: side, message: "is required (a scenario)" });
  const figure = checkFigure(request.figure, issues);
  const level = request.level ?? "parameter";
  if (!(ATTRIBUTION_LEVELS as readonly unknown[]).includes(level))
    issues.push({
      path: "level",
      message: `${describeValue(request.level)} is not one of ${ATTRIBUTION_LEVELS.map((l) => `"${l}"`).join(", ")}`,
    });
  const samples = request.samples ?? DEFAULT_PERMUTATIONS;
  if (!whole(samples, 4, MAX_PERMUTATIONS))
    issues.push({
      path: "samples",
      message: `${describeValue(request.samples)} is not a whole number from 4 to ${MAX_PERMUTATIONS}`,
    });
  const seed = request.seed ?? DEFAULT_SEED;
  if (!whole(seed, 0, 0xffffffff))
    issues.push({
      path: "seed",
      message: `${describeValue(request.seed)} is not a whole number from 0 to 4294967295`,
    });
  const maxExactGroups = request.maxExactGroups ?? DEFAULT_MAX_EXACT_GROUPS;
  if (!whole(maxExactGroups, 0, DEFAULT_MAX_EXACT_GROUPS))
    issues.push({
      path: "maxExactGroups",
      message: `${describeValue(request.maxExactGroups)} is not a whole number from 0 to ${DEFAULT_MAX_EXACT_GROUPS}`,
    });
  if (issues.length > 0 || figure === undefined) return { ok: false, issues };
  return {
    ok: true,
    value: {
      a: request.a,
      b: request.b,
      figure,
      level: level as AttributionLevel,
      samples: samples as number,
      seed: seed as number,
      maxExactGroups: maxExactGroups as number,
    },
  };
}
