import { resolveFigure, type FigureRef } from "../explain/figure-ref.ts";
import type { CrcRef } from "../engine/projection-inputs.ts";
import { joinPath, quote } from "../issues/describe-value.ts";
import { failure, type Issue, type Result } from "../issues/issue.ts";

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

/**
 * The open explanation of a page: the figure, undefined when none is open, or why the
 * address's could not be opened (each issue at its key, `_explain` or `_explain.crc` and the
 * like). A page holds one of these as its state: opening a figure is `{ok: true, value: ref}`.
 */
export type ExplainParam = Result<FigureRef | undefined>;

export function encodeExplainParam(ref: FigureRef): string {
  return `${ref.crc}.${ref.line}.${ref.period}`;
}

function searchParams(search: string): URLSearchParams {
  return new URLSearchParams(search.startsWith("?") ? search.slice(1) : search);
}

/**
 * Read `_explain` from a query string. A malformed value or an unknown CRC, line or period is a
 * failure with an issue per problem at its key, naming the allowed values (for an inline
 * message), never a throw.
 */
export function explainFromSearch(search: string, crcs: readonly CrcRef[]): ExplainParam {
  const values = searchParams(search).getAll(EXPLAIN_KEY);
  if (values.length === 0) return { ok: true, value: undefined };
  if (values.length > 1) return failure(EXPLAIN_KEY, `appears ${values.length} times`);
  const raw = values[0]!;
  if (raw.length > MAX_LENGTH)
    return failure(
      EXPLAIN_KEY,
      `is ${raw.length} characters long; a figure is at most ${MAX_LENGTH}`,
    );
  const parts = raw.split(".");
  if (parts.length !== 3 || parts.some((p) => p === ""))
    return failure(
      EXPLAIN_KEY,
      `${quote(raw)} is not <crc | owner | ALL>.<line>.<period> (${EXAMPLE})`,
    );
  const [crc, line, period] = parts as [string, string, string];
  const ref = { crc, line, period };
  const resolved = resolveFigure(crcs, ref);
  if (!resolved.ok)
    return {
      ok: false,
      issues: resolved.issues.map((i) => ({ ...i, path: joinPath(EXPLAIN_KEY, i.path) })),
    };
  return { ok: true, value: ref };
}

/** The Compare page's other scenario for a delta: `_vs=<selection id>` beside `_explain`. */
export const VS_KEY = "_vs";

/** A change to explain: the figure, and the compared scenario's selection id. */
export interface ExplainDelta {
  readonly ref: FigureRef;
  readonly vs: string;
}

/** The Compare page's open explanation of a change, as `ExplainParam` is a figure's. */
export type ExplainDeltaParam = Result<ExplainDelta | undefined>;

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
  const vs = searchParams(search).get(VS_KEY);
  if (figure.ok && figure.value === undefined)
    return vs === null
      ? { ok: true, value: undefined }
      : failure(VS_KEY, `needs ${EXPLAIN_KEY} (the figure to explain)`);
  const issues: Issue[] = figure.ok ? [] : [...figure.issues];
  if (vs === null)
    issues.push({ path: VS_KEY, message: "is missing (the scenario compared with the baseline)" });
  else if (!known.has(vs))
    issues.push({ path: VS_KEY, message: `${quote(vs)} is not a preset or saved scenario` });
  if (issues.length > 0 || !figure.ok || figure.value === undefined || vs === null)
    return { ok: false, issues };
  return { ok: true, value: { ref: figure.value, vs } };
}
