import { failure, type Issue, type Result, type WarnedResult } from "../issues/issue.ts";
import { describeValue, isRecord } from "../issues/describe-value.ts";
import type { Dataset } from "../data/index.ts";
import { ALL, rollUp, type TidyRow } from "../engine/roll-up.ts";
import { LINES } from "../engine/lines.ts";
import { PRESETS } from "../scenario/presets.ts";
import { summarize, type Summary } from "../scenario/summarize.ts";
import { parseUncertainty } from "../scenario/uncertainty-settings.ts";
import { validateScenario, type ResolvedScenario } from "../scenario/validate-scenario.ts";
import { explainDelta, type DeltaExplanation } from "../explain/explain-delta.ts";
import { attributeDelta, type Attribution } from "../explain/attribute-delta.ts";
import { parameterCatalog } from "../explain/attribution-groups.ts";
import { checkAttributionRequest } from "./attribution-request.ts";
import { explainFigure, type FigureNode } from "../explain/explain-figure.ts";
import type { Shape } from "../uncertainty/distributions.ts";
import {
  checkDrawsParts,
  prepareMonteCarlo,
  simulateDraws,
  summarizeDraws,
  type Basis,
  type DrawsPart,
  type MonteCarloRun,
  type MonteCarloSummary,
} from "../uncertainty/run-monte-carlo.ts";
import { findBreakEven, type BreakEvenReport } from "../sensitivity/break-even.ts";
import { runGrid, type Grid, type GridAxisRequest } from "../sensitivity/grid.ts";
import { parseOutputSpec, type OutputText } from "../sensitivity/output-spec.ts";
import { runTornado, type Tornado } from "../sensitivity/tornado.ts";
import { checkExplainDeltaRequest, checkExplainRequest } from "./explain-request.ts";
import { createProjectionMemo } from "./projection-memo.ts";
import { posteriorPart } from "./posterior-request.ts";
import type { TargetDraws } from "../calibration/simulate-targets.ts";
import { transfer } from "comlink";
import { checkImportRequest } from "./import-request.ts";
import type { SavedScenario } from "../state/saved-scenarios.ts";

/**
 * The engine's API as the worker exposes it: plain data in, plain data out, never a throw.
 * Everything here must be structured-cloneable (no decimal.js values: STYLE.md, BUILDING.md).
 * Roll-ups happen here, in the worker, so the page's main thread only draws.
 */
export interface ProjectionRequest {
  /** A scenario document (validated here). */
  readonly scenario: unknown;
  /** Also return this CRC's monthly rows (CRC pages). */
  readonly crc?: string;
  /** Also return this owner's monthly rows (owner pages). */
  readonly owner?: string;
  /**
   * Which groups `fy` covers: "all" (every CRC, owner and the nation; the default) or "nation"
   * (the nation only: the Explorer's hot path, a thirtieth of the rows to build and clone).
   */
  readonly fyFor?: "all" | "nation";
  /**
   * Which lines `nationMonths` and `focusMonths` carry (LINES ids); all when absent. The
   * Explorer asks for the two it charts: the monthly rows are most of what crosses the worker
   * boundary on each slider move (issue #5).
   */
  readonly monthLines?: readonly string[];
}

export interface ProjectionView {
  readonly hash: string;
  readonly title: string | null;
  /** Presets the scenario was built on, nearest first. */
  readonly lineage: readonly string[];
  readonly warnings: readonly Issue[];
  readonly summary: Summary;
  /** Every CRC, owner (crc = ALL) and the nation (crc = owner = ALL), by financial year. */
  readonly fy: readonly TidyRow[];
  /** The same groups over the whole contract. */
  readonly total: readonly TidyRow[];
  /** The nation by month. */
  readonly nationMonths: readonly TidyRow[];
  /** The requested CRC's or owner's rows by month, if one was asked for. */
  readonly focusMonths: readonly TidyRow[];
}

export interface EngineApi {
  /** Give the worker the dataset (built from data/*.csv by the site's data loader). */
  init(dataset: unknown): Promise<Result<{ crcs: number; parameters: number }>>;
  /** Check a scenario document against the schema, the presets and the data. */
  validate(scenario: unknown): Promise<Result<{ hash: string; warnings: Issue[] }>>;
  /** Check a saved-scenarios export file's text, every entry (issue #15): see import-request.ts. */
  checkImport(fileText: unknown): Promise<Result<SavedScenario[]>>;
  project(request: unknown): Promise<Result<ProjectionView>>;
  /** Seeded Monte Carlo around a scenario (issue #6): see `MonteCarloRequest`. */
  monteCarlo(request: unknown): Promise<Result<MonteCarloSummary>>;
  /**
   * Draws [from, to) of a Monte Carlo run: `{...MonteCarloRequest, from, to}` (a second worker
   * draws half a run; `monteCarloMerge` summarises the halves as one run).
   */
  monteCarloPart(request: unknown): Promise<Result<DrawsPart>>;
  /** The summary of a run from parts tiling [0, draws): `{...MonteCarloRequest, parts}`. */
  monteCarloMerge(request: unknown): Promise<Result<MonteCarloSummary>>;
  /** One-at-a-time swings low → high of the uncertain parameters: see `TornadoRequest`. */
  tornado(request: unknown): Promise<Result<Tornado>>;
  /** An output over a grid of two knobs: see `GridRequestText`. */
  grid(request: unknown): Promise<Result<Grid>>;
  /** Per CRC, the lever value at which contract profit is zero, checked by the exact engine. */
  breakEven(request: unknown): Promise<Result<BreakEvenReport>>;
  /** Why a figure has its value: `{scenario, figure: {crc, line, period}, depth?}` (issue #8). */
  explain(request: unknown): Promise<Result<ExplainView>>;
  /** Why a figure differs between two scenarios: `{a, b, figure, method?}` (issue #8). */
  explainDelta(request: unknown): Promise<Result<DeltaView>>;
  /**
   * A difference shared fairly (Shapley values, issue #17): `{a, b, figure, level?, samples?,
   * seed?, maxExactGroups?}`; exact over few groups, sampled orders (seeded) over many.
   */
  attributeDelta(request: unknown): Promise<Result<AttributionView>>;
  /**
   * Draws [from, to) of the posterior's prior simulation: `{targetsCsv, seed, from, to}`
   * (issue #14; `posterior-request.ts`). The page joins the parts and weighs them.
   */
  posteriorPart(request: unknown): Promise<Result<TargetDraws>>;
}

/** A tornado: the scenario and the output followed, in its text form (`OutputText`). */
export interface TornadoRequest extends OutputText {
  readonly scenario: unknown;
}

/** A two-way grid: the scenario, its two axes, and the output in its text form. */
export interface GridRequestText extends OutputText {
  readonly scenario: unknown;
  readonly x: GridAxisRequest;
  readonly y: GridAxisRequest;
  readonly steps?: number;
}

/** A break-even search: the lever ("shortfall", "fixedShare", "variationScale") and a CRC. */
export interface BreakEvenRequestText {
  readonly scenario: unknown;
  readonly lever?: string;
  readonly crc?: string;
}

/** A Monte Carlo run: the scenario, the draws and seed, and how to sample (README "Monte Carlo"). */
export interface MonteCarloRequest {
  readonly scenario: unknown;
  readonly draws: number;
  readonly seed: number;
  /** Shape for every sampled parameter (default PERT). */
  readonly shape?: string;
  /** Correlation of the CRCs' volume shortfalls, 0–1 (one national factor plus CRC noise). */
  readonly shortfallCorrelation?: number;
  /** "posterior" (default when the data has one) or "prior" (issue #14). */
  readonly basis?: string;
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

export interface AttributionView {
  readonly hashA: string;
  readonly hashB: string;
  readonly attribution: Attribution;
}

function toIssues(issues: readonly Issue[]): Issue[] {
  return issues.map((i) => ({ path: i.path, message: i.message }));
}

/** Issues about a part of the request, with their path under it ("scenario.parameters.x"). */
function under(prefix: string, issues: readonly Issue[]): Issue[] {
  return toIssues(issues).map((i) => ({ ...i, path: i.path ? `${prefix}.${i.path}` : prefix }));
}

/** Run `compute` and turn an unexpected exception (a bug) into an error value, not a throw. */
function guarded<T>(compute: () => Result<T>): Result<T> {
  try {
    return compute();
  } catch (error) {
    return failure("", `internal error: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const REQUEST_KEYS = ["scenario", "crc", "owner", "fyFor", "monthLines"];

function checkRequest(request: unknown, dataset: Dataset): Result<ProjectionRequest> {
  if (!isRecord(request))
    return failure("", `request must be an object, got ${describeValue(request)}`);
  const issues: Issue[] = [];
  for (const key of Object.keys(request)) {
    if (!REQUEST_KEYS.includes(key)) issues.push({ path: key, message: `unknown field "${key}"` });
  }
  if (!("scenario" in request)) issues.push({ path: "scenario", message: "is required" });
  if (request.fyFor !== undefined && request.fyFor !== "all" && request.fyFor !== "nation") {
    issues.push({
      path: "fyFor",
      message: `${describeValue(request.fyFor)} is not one of "all", "nation"`,
    });
  }
  const { crc, owner, monthLines } = request;
  if (monthLines !== undefined) {
    if (!Array.isArray(monthLines)) {
      issues.push({
        path: "monthLines",
        message: `${describeValue(monthLines)} is not a list of lines`,
      });
    } else {
      monthLines.forEach((line, i) => {
        if (!(LINES as readonly unknown[]).includes(line)) {
          issues.push({
            path: `monthLines.${i}`,
            message: `${describeValue(line)} is not a line; expected one of ${LINES.join(", ")}`,
          });
        }
      });
    }
  }
  if (crc !== undefined && !dataset.crcs.some((c) => c.id === crc)) {
    issues.push({ path: "crc", message: `${describeValue(crc)} is not a CRC id` });
  }
  if (owner !== undefined && !dataset.owners.some((o) => o.id === owner)) {
    issues.push({ path: "owner", message: `${describeValue(owner)} is not an owner id` });
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: request as unknown as ProjectionRequest };
}

const MC_KEYS = ["scenario", "draws", "seed", "shape", "shortfallCorrelation", "basis"];

function checkMonteCarloRequest(
  request: unknown,
  extra: readonly string[] = [],
): Result<MonteCarloRequest> {
  const required = ["scenario", "draws", "seed", ...extra];
  return checkFields(request, [...MC_KEYS, ...extra], required) as Result<MonteCarloRequest>;
}

const OUTPUT_KEYS = ["output", "line", "period"];

/** Check a request's fields: an object with every `required` key and no key outside `keys`. */
function checkFields(
  request: unknown,
  keys: readonly string[],
  required: readonly string[] = ["scenario"],
): Result<Record<string, unknown>> {
  if (!isRecord(request))
    return failure("", `request must be an object, got ${describeValue(request)}`);
  const issues: Issue[] = [];
  for (const key of Object.keys(request)) {
    if (!keys.includes(key)) issues.push({ path: key, message: `unknown field "${key}"` });
  }
  for (const key of required) {
    if (!(key in request)) issues.push({ path: key, message: "is required" });
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: request };
}

/** Validate a request's scenario; its problems are reported under "scenario.". */
function resolveIn(scenario: unknown, dataset: Dataset): Result<ResolvedScenario> {
  const resolved = validateScenario(scenario, dataset);
  if (resolved.ok) return { ok: true, value: resolved.value };
  return { ok: false, issues: under("scenario", resolved.issues) };
}

interface PreparedRun {
  readonly run: MonteCarloRun;
  readonly scenario: ResolvedScenario;
}

/**
 * What a Monte Carlo request's sampling plan depends on, as text (undefined: not a request
 * object): not the draws, the seed or a part's own fields, which the run takes as they come.
 * Non-finite numbers are spelt out so that they do not read as null.
 */
function runKey(request: unknown): string | undefined {
  if (!isRecord(request)) return undefined;
  const { scenario, shape, shortfallCorrelation, basis } = request;
  return JSON.stringify([scenario, shape, shortfallCorrelation, basis], (_, v: unknown) =>
    typeof v === "number" && !Number.isFinite(v) ? { nonFinite: String(v) } : v,
  );
}

/**
 * Check a Monte Carlo request (with the `extra` fields a part or merge needs), validate its
 * scenario and settle the run, with the request's own field names in every issue.
 */
function prepareRequest(
  request: unknown,
  dataset: Dataset,
  extra: readonly string[] = [],
): Result<PreparedRun> {
  const checked = checkMonteCarloRequest(request, extra);
  if (!checked.ok) return checked;
  const { scenario, draws, seed, shape, shortfallCorrelation, basis } = checked.value;
  const resolved = resolveIn(scenario, dataset);
  if (!resolved.ok) return resolved;
  const run = prepareMonteCarlo(resolved.value, dataset, {
    draws,
    seed,
    ...(shape !== undefined ? { shape: shape as Shape } : {}),
    ...(basis !== undefined ? { basis: basis as Basis } : {}),
    ...(shortfallCorrelation !== undefined
      ? { correlation: { "volume.shortfall": shortfallCorrelation } }
      : {}),
  });
  // Name the request's own field, not the sampler's internal option.
  if (!run.ok)
    return {
      ok: false,
      issues: toIssues(run.issues).map((i) =>
        i.path === "correlation.volume.shortfall" ? { ...i, path: "shortfallCorrelation" } : i,
      ),
    };
  return { ok: true, value: { run: run.value, scenario: resolved.value } };
}

/** A core result as a worker result (issues reduced to path and message). */
function answer<T>(result: WarnedResult<T>): Result<T> {
  return result.ok
    ? { ok: true, value: result.value }
    : { ok: false, issues: toIssues(result.issues) };
}

/** The API over one worker's state (the dataset it was given). */
export function createEngineApi(): EngineApi {
  let dataset: Dataset | undefined;
  let projectDoc: ReturnType<typeof createProjectionMemo> = () => notReady;
  const notReady = failure("", "the engine has no data yet: call init(dataset) first");
  // The last settled Monte Carlo run: resolving a scenario and planning its sampling costs
  // ~15 ms (as much as 100 draws), and neither depends on the draws or the seed. A split run asks
  // this worker for a part and then the merge of the same request, and a reader trying seeds
  // changes only the seed. Only successful preparations are kept; runs are never mutated.
  let lastRun: { key: string; dataset: Dataset; value: PreparedRun } | undefined;
  const prepareRun = (
    request: unknown,
    data: Dataset,
    extra: readonly string[] = [],
  ): Result<PreparedRun> => {
    const key = runKey(request);
    if (key !== undefined && lastRun?.key === key && lastRun.dataset === data) {
      // The request's own fields are still checked (a part's `from`, a merge's `parts`), and
      // its draws and seed by the same rules as a fresh preparation.
      const checked = checkMonteCarloRequest(request, extra);
      if (!checked.ok) return checked;
      const { draws, seed } = checked.value;
      const parsed = parseUncertainty({ draws, seed }, "");
      const settled = parsed.settings;
      if (parsed.issues.length === 0 && settled.draws !== undefined && settled.seed !== undefined)
        return {
          ok: true,
          value: {
            scenario: lastRun.value.scenario,
            run: { ...lastRun.value.run, draws: settled.draws, seed: settled.seed },
          },
        };
    }
    const prepared = prepareRequest(request, data, extra);
    if (prepared.ok && key !== undefined) lastRun = { key, dataset: data, value: prepared.value };
    return prepared;
  };

  return {
    async init(candidate) {
      return guarded(() => {
        if (
          !isRecord(candidate) ||
          !Array.isArray(candidate.crcs) ||
          !Array.isArray(candidate.parameters)
        ) {
          return failure(
            "",
            `dataset must be the object built from data/*.csv, got ${describeValue(candidate)}`,
          );
        }
        dataset = candidate as unknown as Dataset;
        projectDoc = createProjectionMemo(dataset);
        return {
          ok: true,
          value: { crcs: dataset.crcs.length, parameters: dataset.parameters.length },
        };
      });
    },

    async validate(scenario) {
      return guarded(() => {
        if (!dataset) return notReady;
        const checked = validateScenario(scenario, dataset);
        if (!checked.ok) return { ok: false, issues: toIssues(checked.issues) };
        return {
          ok: true,
          value: { hash: checked.value.hash, warnings: toIssues(checked.warnings) },
        };
      });
    },

    async checkImport(fileText) {
      if (!dataset) return notReady;
      const data = dataset;
      return checkImportRequest(fileText, data).catch((error: unknown) =>
        failure("", `internal error: ${error instanceof Error ? error.message : String(error)}`),
      );
    },

    async project(request) {
      return guarded(() => {
        if (!dataset) return notReady;
        const checked = checkRequest(request, dataset);
        if (!checked.ok) return checked;
        const projected = projectDoc(checked.value.scenario);
        if (!projected.ok) {
          return {
            ok: false,
            issues: toIssues(projected.issues).map((i) => ({
              ...i,
              path: i.path ? `scenario.${i.path}` : "scenario",
            })),
          };
        }
        const { ledger, scenario, warnings } = projected.value;
        const { crc, owner, monthLines } = checked.value;
        const kept = monthLines === undefined ? null : new Set<string>(monthLines);
        const months = (include: (c: string, o: string) => boolean) => {
          const rows = rollUp(ledger, "month", include);
          return kept === null ? rows : rows.filter((r) => kept.has(r.line));
        };
        // A scenario that only names a preset reads under the preset's title.
        const preset = scenario.merged.lineage[0];
        const title =
          scenario.merged.title ?? (preset ? (PRESETS.get(preset)?.title ?? null) : null);
        return {
          ok: true,
          value: {
            hash: scenario.hash,
            title,
            lineage: scenario.merged.lineage,
            warnings: toIssues(warnings),
            summary: summarize(ledger, title, scenario.hash),
            fy:
              checked.value.fyFor === "nation"
                ? rollUp(ledger, "fy", (c, o) => c === ALL && o === ALL)
                : rollUp(ledger, "fy"),
            total: rollUp(ledger, "total"),
            nationMonths: months((c, o) => c === ALL && o === ALL),
            focusMonths:
              crc !== undefined
                ? months((c) => c === crc)
                : owner !== undefined
                  ? months((c, o) => c === ALL && o === owner)
                  : [],
          },
        };
      });
    },

    async monteCarlo(request) {
      return guarded(() => {
        if (!dataset) return notReady;
        const prepared = prepareRun(request, dataset);
        if (!prepared.ok) return prepared;
        const { run, scenario } = prepared.value;
        return {
          ok: true,
          value: summarizeDraws(run, scenario, [simulateDraws(run, 0, run.draws)]),
        };
      });
    },

    async monteCarloPart(request) {
      return guarded(() => {
        if (!dataset) return notReady;
        const prepared = prepareRun(request, dataset, ["from", "to"]);
        if (!prepared.ok) return prepared;
        const { run } = prepared.value;
        const { from, to } = request as { from: unknown; to: unknown };
        const whole = (x: unknown): x is number => typeof x === "number" && Number.isInteger(x);
        const issues: Issue[] = [];
        if (!whole(from) || from < 0 || from >= run.draws)
          issues.push({
            path: "from",
            message: `${describeValue(from)} is not a whole number from 0 to ${run.draws - 1}`,
          });
        if (!whole(to) || to > run.draws || (whole(from) && to <= from))
          issues.push({
            path: "to",
            message: `${describeValue(to)} is not a whole number above from, up to draws (${run.draws})`,
          });
        if (issues.length > 0) return { ok: false, issues };
        return { ok: true, value: simulateDraws(run, from as number, to as number) };
      });
    },

    async posteriorPart(request) {
      return guarded(() => {
        if (!dataset) return notReady;
        const part = posteriorPart(request, dataset);
        // The draws' buffers move to the page rather than being copied.
        if (part.ok) transfer(part, [part.value.values.buffer, part.value.parameters.buffer]);
        return part;
      });
    },

    async monteCarloMerge(request) {
      return guarded(() => {
        if (!dataset) return notReady;
        const prepared = prepareRun(request, dataset, ["parts"]);
        if (!prepared.ok) return prepared;
        const { run, scenario } = prepared.value;
        const { parts } = request as { parts: unknown };
        if (!Array.isArray(parts) || parts.length === 0)
          return failure(
            "parts",
            `must be a non-empty array of parts, got ${describeValue(parts)}`,
          );
        const issues = checkDrawsParts(run, parts);
        if (issues.length > 0) return { ok: false, issues: toIssues(issues) };
        return { ok: true, value: summarizeDraws(run, scenario, parts as DrawsPart[]) };
      });
    },

    async tornado(request) {
      return guarded(() => {
        if (!dataset) return notReady;
        const checked = checkFields(request, ["scenario", ...OUTPUT_KEYS]);
        if (!checked.ok) return checked;
        const resolved = resolveIn(checked.value.scenario, dataset);
        if (!resolved.ok) return resolved;
        const output = parseOutputSpec(checked.value as OutputText, resolved.value.inputs.crcs);
        if (!output.ok) return answer(output);
        return answer(runTornado(resolved.value, dataset, output.value));
      });
    },

    async grid(request) {
      return guarded(() => {
        if (!dataset) return notReady;
        const checked = checkFields(request, ["scenario", "x", "y", "steps", ...OUTPUT_KEYS]);
        if (!checked.ok) return checked;
        const { x, y, steps } = checked.value as unknown as GridRequestText;
        if (!isRecord(x) || !isRecord(y))
          return {
            ok: false,
            issues: [
              ...(isRecord(x)
                ? []
                : [{ path: "x", message: "must be an axis {id, from?, to?, steps?}" }]),
              ...(isRecord(y)
                ? []
                : [{ path: "y", message: "must be an axis {id, from?, to?, steps?}" }]),
            ],
          };
        const resolved = resolveIn(checked.value.scenario, dataset);
        if (!resolved.ok) return resolved;
        const output = parseOutputSpec(checked.value as OutputText, resolved.value.inputs.crcs);
        if (!output.ok) return answer(output);
        return answer(
          runGrid(resolved.value, dataset, {
            x,
            y,
            ...(steps !== undefined ? { steps } : {}),
            output: output.value,
          }),
        );
      });
    },

    async breakEven(request) {
      return guarded(() => {
        if (!dataset) return notReady;
        const checked = checkFields(request, ["scenario", "lever", "crc"]);
        if (!checked.ok) return checked;
        const resolved = resolveIn(checked.value.scenario, dataset);
        if (!resolved.ok) return resolved;
        const { lever, crc } = checked.value as unknown as BreakEvenRequestText;
        return answer(
          findBreakEven(resolved.value, dataset, {
            ...(lever !== undefined ? { lever } : {}),
            ...(crc !== undefined ? { crc } : {}),
          }),
        );
      });
    },

    async explain(request) {
      return guarded(() => {
        if (!dataset) return notReady;
        const checked = checkExplainRequest(request);
        if (!checked.ok) return checked;
        const { scenario, figure, depth } = checked.value;
        const projected = projectDoc(scenario);
        if (!projected.ok) return { ok: false, issues: under("scenario", projected.issues) };
        const { scenario: resolved, ledger } = projected.value;
        const tree = explainFigure(resolved, ledger, figure, { depth });
        if (!tree.ok) return { ok: false, issues: under("figure", tree.issues) };
        return { ok: true, value: { hash: resolved.hash, tree: tree.value } };
      });
    },

    async explainDelta(request) {
      return guarded(() => {
        if (!dataset) return notReady;
        const checked = checkExplainDeltaRequest(request);
        if (!checked.ok) return checked;
        const { a, b, figure, method } = checked.value;
        const sideA = validateScenario(a, dataset);
        const sideB = validateScenario(b, dataset);
        const issues = [
          ...(sideA.ok ? [] : under("a", sideA.issues)),
          ...(sideB.ok ? [] : under("b", sideB.issues)),
        ];
        if (!sideA.ok || !sideB.ok) return { ok: false, issues };
        const delta = explainDelta(sideA.value.inputs, sideB.value.inputs, figure, { method });
        if (!delta.ok)
          return {
            ok: false,
            issues: delta.issues.map((i) =>
              i.path === "scenarios" ? i : { ...i, path: `figure.${i.path}` },
            ),
          };
        return {
          ok: true,
          value: { hashA: sideA.value.hash, hashB: sideB.value.hash, delta: delta.value },
        };
      });
    },

    async attributeDelta(request) {
      return guarded(() => {
        if (!dataset) return notReady;
        const checked = checkAttributionRequest(request);
        if (!checked.ok) return checked;
        const { a, b, figure, level, samples, seed, maxExactGroups } = checked.value;
        const sideA = validateScenario(a, dataset);
        const sideB = validateScenario(b, dataset);
        const issues = [
          ...(sideA.ok ? [] : under("a", sideA.issues)),
          ...(sideB.ok ? [] : under("b", sideB.issues)),
        ];
        if (!sideA.ok || !sideB.ok) return { ok: false, issues };
        const result = attributeDelta(sideA.value.inputs, sideB.value.inputs, figure, {
          level,
          catalog: parameterCatalog(dataset.parameters),
          permutations: samples,
          seed,
          maxExactGroups,
        });
        if (!result.ok)
          return {
            ok: false,
            issues: result.issues.map((i) =>
              i.path === "scenarios" ? i : { ...i, path: `figure.${i.path}` },
            ),
          };
        return {
          ok: true,
          value: { hashA: sideA.value.hash, hashB: sideB.value.hash, attribution: result.value },
        };
      });
    },
  };
}
