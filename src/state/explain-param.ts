import { resolveFigure, type FigureRef } from "../explain/figure-ref.ts";
import type { CrcRef } from "../engine/projection-inputs.ts";

/**
 * The open explanation (issue #8) in the address, beside the scenario: a view key (it starts
 * with "_", so `decodeScenarioQuery` ignores it) holding `<crc | owner | ALL>.<line>.<period>`,
 * e.g. `_explain=wales.profit.2017-18` or `_explain=ALL.income_total.total`. Ids, lines and
 * periods never contain a ".", so the three parts read back unambiguously; a quarter's space is
 * percent-encoded like any other value.
 */
export const EXPLAIN_KEY = "_explain";
/** The writeUrl view key ("_" is added by the page's writeUrl). */
export const EXPLAIN_VIEW_KEY = EXPLAIN_KEY.slice(1);
/** A figure's longest form is ~40 characters; anything far longer is not one. */
const MAX_LENGTH = 200;
const EXAMPLE = "e.g. wales.profit.2017-18 or ALL.income_total.total";

export type ExplainParam =
  | { readonly kind: "none" }
  | { readonly kind: "figure"; readonly ref: FigureRef }
  | { readonly kind: "invalid"; readonly problems: readonly string[] };

export function encodeExplainParam(ref: FigureRef): string {
  return `${ref.crc}.${ref.line}.${ref.period}`;
}

/**
 * Read `_explain` from a query string. A malformed value or an unknown CRC, line or period is a
 * list of problems naming the key and the allowed values (for an inline message), never a throw.
 */
export function explainFromSearch(search: string, crcs: readonly CrcRef[]): ExplainParam {
  const params = new URLSearchParams(search.startsWith("?") ? search.slice(1) : search);
  const values = params.getAll(EXPLAIN_KEY);
  if (values.length === 0) return { kind: "none" };
  if (values.length > 1)
    return { kind: "invalid", problems: [`${EXPLAIN_KEY}: appears ${values.length} times`] };
  const raw = values[0]!;
  if (raw.length > MAX_LENGTH)
    return {
      kind: "invalid",
      problems: [
        `${EXPLAIN_KEY}: is ${raw.length} characters long; a figure is at most ${MAX_LENGTH}`,
      ],
    };
  const parts = raw.split(".");
  if (parts.length !== 3 || parts.some((p) => p === ""))
    return {
      kind: "invalid",
      problems: [
        `${EXPLAIN_KEY}: ${JSON.stringify(raw)} is not <crc | owner | ALL>.<line>.<period> (${EXAMPLE})`,
      ],
    };
  const [crc, line, period] = parts as [string, string, string];
  const ref = { crc, line, period };
  const resolved = resolveFigure(crcs, ref);
  if (!resolved.ok)
    return {
      kind: "invalid",
      problems: resolved.issues.map((i) => `${EXPLAIN_KEY} ${i.path}: ${i.message}`),
    };
  return { kind: "figure", ref };
}

/** The Compare page's other scenario for a delta: `_vs=<selection id>` beside `_explain`. */
export const VS_KEY = "_vs";

export type ExplainDeltaParam =
  | { readonly kind: "none" }
  | { readonly kind: "figure"; readonly ref: FigureRef; readonly vs: string }
  | { readonly kind: "invalid"; readonly problems: readonly string[] };

/**
 * Read a delta explanation (Compare page) from a query string: `_explain` (the figure) and
 * `_vs` (the compared scenario's selection id, one of `known`); the baseline is the page's.
 */
export function explainDeltaFromSearch(
  search: string,
  crcs: readonly CrcRef[],
  known: ReadonlySet<string>,
): ExplainDeltaParam {
  const figure = explainFromSearch(search, crcs);
  const params = new URLSearchParams(search.startsWith("?") ? search.slice(1) : search);
  const vs = params.get(VS_KEY);
  if (figure.kind === "none")
    return vs === null
      ? figure
      : { kind: "invalid", problems: [`${VS_KEY}: needs ${EXPLAIN_KEY} (the figure to explain)`] };
  const problems = figure.kind === "invalid" ? [...figure.problems] : [];
  if (vs === null) problems.push(`${VS_KEY}: is missing (the scenario compared with the baseline)`);
  else if (!known.has(vs))
    problems.push(`${VS_KEY}: ${JSON.stringify(vs)} is not a preset or saved scenario`);
  if (problems.length > 0 || figure.kind !== "figure" || vs === null)
    return { kind: "invalid", problems };
  return { kind: "figure", ref: figure.ref, vs };
}
