import type { Issue, Result } from "../issues/issue.ts";
import { isRecord } from "../issues/describe-value.ts";
import { knownKeys, objectValue, oneOf, textValue, wholeIn } from "../issues/readers.ts";
import {
  explainDelta,
  DELTA_METHODS,
  type DeltaExplanation,
  type DeltaMethod,
} from "../explain/explain-delta.ts";
import { explainFigure, type FigureNode } from "../explain/explain-figure.ts";
import type { FigureRef } from "../explain/figure-ref.ts";
import { validateScenario } from "../scenario/validate-scenario.ts";
import { inputIssues } from "../sensitivity/edit-inputs.ts";
import { type EngineState, requestFields, under } from "./request-fields.ts";

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
  readonly depth?: number;
}

export interface ExplainDeltaRequest {
  readonly a: unknown;
  readonly b: unknown;
  readonly figure: FigureRef;
  /** How a difference is split (default "one-at-a-time"). */
  readonly method?: DeltaMethod;
}

export interface ExplainView {
  readonly hash: string;
  /** The explanation tree, down to the requested depth (truncated nodes can be asked for). */
  readonly tree: FigureNode;
}

export interface DeltaView {
  readonly hashA: string;
  readonly hashB: string;
  readonly delta: DeltaExplanation;
}

export const DEFAULT_EXPLAIN_DEPTH = 2;
/**
 * The deepest tree one request may ask for. The whole tree of the nation's contract profit has
 * every CRC-month cell of eleven lines (~24 MB as JSON); four levels are at most a few hundred
 * kB, and the panel asks for deeper steps as the reader opens them.
 */
export const MAX_EXPLAIN_DEPTH = 4;

const FIGURE_FIELDS = ["crc", "line", "period"] as const;

/** The figure of a request, `{crc, line, period}` as text, or undefined with its issues. */
export function checkFigure(figure: unknown, issues: Issue[]): FigureRef | undefined {
  if (!isRecord(figure)) {
    objectValue(figure, "figure", issues, "an object {crc, line, period}");
    return undefined;
  }
  knownKeys(figure, FIGURE_FIELDS, "figure", issues);
  for (const field of FIGURE_FIELDS) textValue(figure[field], `figure.${field}`, issues);
  return figure as unknown as FigureRef;
}

export function checkExplainRequest(request: unknown): Result<Required<ExplainRequest>> {
  const issues: Issue[] = [];
  const fields = requestFields(request, ["scenario", "figure", "depth"], ["scenario"], issues);
  if (fields === undefined) return { ok: false, issues };
  const figure = checkFigure(fields.figure, issues);
  const depth = wholeIn(
    fields.depth ?? DEFAULT_EXPLAIN_DEPTH,
    0,
    MAX_EXPLAIN_DEPTH,
    "depth",
    issues,
  );
  if (issues.length > 0 || figure === undefined || depth === undefined)
    return { ok: false, issues };
  return { ok: true, value: { scenario: fields.scenario, figure, depth } };
}

export function checkExplainDeltaRequest(request: unknown): Result<Required<ExplainDeltaRequest>> {
  const issues: Issue[] = [];
  const fields = requestFields(request, ["a", "b", "figure", "method"], ["a", "b"], issues);
  if (fields === undefined) return { ok: false, issues };
  const figure = checkFigure(fields.figure, issues);
  const method = oneOf(fields.method ?? "one-at-a-time", DELTA_METHODS, "method", issues);
  if (issues.length > 0 || figure === undefined || method === undefined)
    return { ok: false, issues };
  return { ok: true, value: { a: fields.a, b: fields.b, figure, method } };
}

/** Why a figure has its value: the tree of its parts down to the rule, inputs and sources. */
export function explain(engine: EngineState, request: unknown): Result<ExplainView> {
  const checked = checkExplainRequest(request);
  if (!checked.ok) return checked;
  const { scenario, figure, depth } = checked.value;
  const projected = engine.projectDoc(scenario);
  if (!projected.ok) return { ok: false, issues: under("scenario", projected.issues) };
  const { scenario: resolved, ledger } = projected.value;
  const tree = explainFigure(resolved, ledger, figure, { depth });
  if (!tree.ok) return { ok: false, issues: under("figure", tree.issues) };
  return { ok: true, value: { hash: resolved.hash, tree: tree.value } };
}

/** Both scenarios of a difference validated, or the problems of each under "a." and "b.". */
export function resolveSides(engine: EngineState, a: unknown, b: unknown) {
  const sideA = validateScenario(a, engine.dataset);
  const sideB = validateScenario(b, engine.dataset);
  if (sideA.ok && sideB.ok) return { ok: true as const, a: sideA.value, b: sideB.value };
  return {
    ok: false as const,
    issues: [
      ...(sideA.ok ? [] : under("a", sideA.issues)),
      ...(sideB.ok ? [] : under("b", sideB.issues)),
    ],
  };
}

/** A figure's issues under "figure." (those about the pair of scenarios stay as they are). */
export function underFigure(issues: readonly Issue[]): Issue[] {
  return issues.map((i) => (i.path === "scenarios" ? i : { ...i, path: `figure.${i.path}` }));
}

/** Why a figure differs between two scenarios, one input group at a time. */
export function explainDeltaRequest(engine: EngineState, request: unknown): Result<DeltaView> {
  const checked = checkExplainDeltaRequest(request);
  if (!checked.ok) return checked;
  const { a, b, figure, method } = checked.value;
  const sides = resolveSides(engine, a, b);
  if (!sides.ok) return sides;
  const delta = explainDelta(sides.a.inputs, sides.b.inputs, figure, {
    method,
    rules: (inputs) => inputIssues(inputs, engine.dataset),
  });
  if (!delta.ok) return { ok: false, issues: underFigure(delta.issues) };
  return { ok: true, value: { hashA: sides.a.hash, hashB: sides.b.hash, delta: delta.value } };
}
