import type { Issue, Result } from "../issues/issue.ts";
import { describeValue, isRecord } from "../issues/describe-value.ts";
import { DELTA_METHODS, type DeltaMethod } from "../explain/explain-delta.ts";
import type { FigureRef } from "../explain/figure-ref.ts";

/**
 * The requests "Explain this number" (issue #8) sends to the worker, checked for their shape
 * here; whether the CRC, line and period exist is `resolveFigure`'s to say (it names the
 * allowed values). Every problem is returned as a value, never thrown across the boundary.
 */
export interface ExplainRequest {
  /** A scenario document (validated in the worker). */
  readonly scenario: unknown;
  readonly figure: FigureRef;
  /** Levels of parts below the figure (default 2); deeper steps are asked for one at a time. */
  readonly depth: number;
}

export interface ExplainDeltaRequest {
  readonly a: unknown;
  readonly b: unknown;
  readonly figure: FigureRef;
  readonly method: DeltaMethod;
}

export const DEFAULT_EXPLAIN_DEPTH = 2;
/**
 * The deepest tree one request may ask for. The whole tree of the nation's contract profit has
 * every CRC-month cell of eleven lines (~24 MB as JSON); four levels are at most a few hundred
 * kB, and the panel asks for deeper steps as the reader opens them.
 */
export const MAX_EXPLAIN_DEPTH = 4;

const FIGURE_FIELDS = ["crc", "line", "period"] as const;

export function unknownFields(
  request: Record<string, unknown>,
  allowed: readonly string[],
  at = "",
) {
  return Object.keys(request)
    .filter((k) => !allowed.includes(k))
    .map((k) => ({ path: `${at}${k}`, message: `unknown field "${k}"` }));
}

export function checkFigure(figure: unknown, issues: Issue[]): FigureRef | undefined {
  if (!isRecord(figure)) {
    issues.push({
      path: "figure",
      message: `must be an object {crc, line, period}, got ${describeValue(figure)}`,
    });
    return undefined;
  }
  issues.push(...unknownFields(figure, FIGURE_FIELDS, "figure."));
  for (const field of FIGURE_FIELDS) {
    if (typeof figure[field] !== "string")
      issues.push({
        path: `figure.${field}`,
        message: `must be a string, got ${describeValue(figure[field])}`,
      });
  }
  return figure as unknown as FigureRef;
}

export function checkExplainRequest(request: unknown): Result<ExplainRequest> {
  if (!isRecord(request))
    return {
      ok: false,
      issues: [{ path: "", message: `request must be an object, got ${describeValue(request)}` }],
    };
  const issues = unknownFields(request, ["scenario", "figure", "depth"]);
  if (!("scenario" in request)) issues.push({ path: "scenario", message: "is required" });
  const figure = checkFigure(request.figure, issues);
  const depth = request.depth ?? DEFAULT_EXPLAIN_DEPTH;
  if (!(
    Number.isInteger(depth) &&
    (depth as number) >= 0 &&
    (depth as number) <= MAX_EXPLAIN_DEPTH
  ))
    issues.push({
      path: "depth",
      message: `${describeValue(request.depth)} is not a whole number from 0 to ${MAX_EXPLAIN_DEPTH}`,
    });
  if (issues.length > 0 || figure === undefined) return { ok: false, issues };
  return { ok: true, value: { scenario: request.scenario, figure, depth: depth as number } };
}

export function checkExplainDeltaRequest(request: unknown): Result<ExplainDeltaRequest> {
  if (!isRecord(request))
    return {
      ok: false,
      issues: [{ path: "", message: `request must be an object, got ${describeValue(request)}` }],
    };
  const issues = unknownFields(request, ["a", "b", "figure", "method"]);
  for (const side of ["a", "b"])
    if (!(side in request)) issues.push({ path: side, message: "is required (a scenario)" });
  const figure = checkFigure(request.figure, issues);
  const method = request.method ?? "one-at-a-time";
  if (!(DELTA_METHODS as readonly unknown[]).includes(method))
    issues.push({
      path: "method",
      message: `${describeValue(request.method)} is not one of ${DELTA_METHODS.map((m) => `"${m}"`).join(", ")}`,
    });
  if (issues.length > 0 || figure === undefined) return { ok: false, issues };
  return {
    ok: true,
    value: { a: request.a, b: request.b, figure, method: method as DeltaMethod },
  };
}
