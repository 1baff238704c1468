import type { Result } from "../issues/issue.ts";
import type { Ledger } from "../engine/ledger.ts";
import { projectExact } from "../engine/project-exact.ts";
import { projectFloat } from "../engine/project-float.ts";
import type { ProjectionInputs } from "../engine/projection-inputs.ts";
import {
  ATTRIBUTION_LEVELS,
  attributionGroups,
  EMPTY_CATALOG,
  type AttributionLevel,
  type ParameterCatalog,
} from "./attribution-groups.ts";
import { keepCoupledTogether, type InputRules } from "./coupled-parameters.ts";
import { changedParameters, describeChange, sameShape } from "./explain-delta.ts";
import { hybrid } from "./hybrid-inputs.ts";
import { figureAmount, resolveFigure, type FigureRef, type ResolvedFigure } from "./figure-ref.ts";
import {
  EXACT_PLAYERS_LIMIT,
  shapleyExact,
  shapleySampled,
  type Coalition,
  type ShapleyShares,
} from "./shapley.ts";
import { wholePenceShares } from "./whole-pence-shares.ts";

/** Exact Shapley values up to this many groups (2^12 = 4,096 float projections, ~0.2 s). */
export const DEFAULT_MAX_EXACT_GROUPS = 12;
/** Sampled orders beyond it (walked forwards and backwards), and their seed. */
export const DEFAULT_PERMUTATIONS = 256;
export const DEFAULT_SEED = 1;
export const MAX_PERMUTATIONS = 10_000;

/** One group of changed inputs and its fair share of the difference. */
export interface AttributionPart {
  /**
   * A parameter id ("parameter" level) or a data group id ("group" level); for players switched
   * together because a mix of them breaks a rule, their ids joined with " + ".
   */
  readonly group: string;
  readonly label: string;
  /** The changed parameters it switches from A's values to B's, sorted. */
  readonly params: readonly string[];
  /** Its share in whole pence: the parts add up exactly to `deltaPence`. */
  readonly pence: number;
  /** Its Shapley value before rounding to whole pence (the part is this rounded down or up). */
  readonly valuePence: number;
  /** Sampled attribution only: the estimate's standard error in pence (null when exact). */
  readonly standardErrorPence: number | null;
  /** How many CRC × financial-year values of its parameters differ. */
  readonly changedValues: number;
  /** One parameter: its value in A and in B (engine units) or "varies"; several: "". */
  readonly from: string;
  readonly to: string;
  /**
   * Set when groups are switched together because a mix of them breaks a rule needing several
   * parameters at once (coupled-parameters.ts): which mix, and the rule.
   */
  readonly keptTogether?: string;
}

/**
 * B − A shared among groups of changed inputs by their Shapley values (issue #17): each group's
 * effect of switching from A's values to B's, averaged over every order of switching the groups,
 * so the shares depend on no order and leave no interaction. Exact when the groups are few;
 * sampled orders with a seed and standard errors when they are many. Plain data.
 */
export interface Attribution {
  readonly ref: FigureRef;
  readonly method: "shapley";
  readonly level: AttributionLevel;
  /** True: every coalition valued; false: estimated from `sampling`. */
  readonly exact: boolean;
  readonly sampling: { readonly permutations: number; readonly seed: number } | null;
  readonly amountAPence: number;
  readonly amountBPence: number;
  readonly deltaPence: number;
  /** Sorted by group id. */
  readonly parts: readonly AttributionPart[];
  /** Mixed scenarios projected on the float path. */
  readonly projections: number;
}

export interface AttributeDeltaOptions {
  readonly level?: AttributionLevel;
  /** Labels and groups of the parameters (from the dataset); ids stand in without it. */
  readonly catalog?: ParameterCatalog;
  readonly maxExactGroups?: number;
  readonly permutations?: number;
  readonly seed?: number;
  /**
   * The rules every mix of A and B must meet (default: those that need no data,
   * coupled-parameters.ts `RULES_WITHOUT_DATA`); groups whose mixes break one are switched
   * together.
   */
  readonly rules?: InputRules;
}

/**
 * Share a figure's difference between two scenarios (B − A) fairly among the groups of inputs
 * that differ. A coalition of groups is valued by projecting A's inputs with those groups' values
 * taken from B, on the float path (the exact ledger's rules and rounding in float64, equal to it
 * cell for cell); A and B themselves are valued by the exact ledger, so the parts, rounded to
 * whole pence by the largest-remainder method (ties to the smaller group id), add up to the exact
 * ledger's change to the penny. Groups whose mixes would break a rule needing several parameters
 * (staffing from one scenario and the cut scale from the other can reach 0 FTE) are switched
 * together (`keepCoupledTogether`), so every mix valued is a scenario the model accepts.
 */
export function attributeDelta(
  a: ProjectionInputs,
  b: ProjectionInputs,
  ref: FigureRef,
  options: AttributeDeltaOptions = {},
): Result<Attribution> {
  const shape = sameShape(a, b);
  if (shape !== undefined) return { ok: false, issues: [{ path: "scenarios", message: shape }] };
  const resolved = resolveFigure(a.crcs, ref);
  if (!resolved.ok) return resolved;
  const figure: ResolvedFigure = resolved.value;
  const level = options.level ?? "parameter";
  const maxExact = options.maxExactGroups ?? DEFAULT_MAX_EXACT_GROUPS;
  const permutations = options.permutations ?? DEFAULT_PERMUTATIONS;
  const seed = options.seed ?? DEFAULT_SEED;
  const issues = checkOptions(level, maxExact, permutations, seed);
  if (issues.length > 0) return { ok: false, issues };
  const amountA = figureAmount(projectExact(a), figure);
  const amountB = figureAmount(projectExact(b), figure);
  const groups = keepCoupledTogether(
    attributionGroups(changedParameters(a, b), level, options.catalog ?? EMPTY_CATALOG),
    a,
    b,
    options.rules,
  );
  const k = groups.length;
  let ledger: Ledger | undefined;
  let projections = 0;
  let broken: string | undefined;
  const derived = new Map<string, Float64Array>();
  const value = (members: Coalition): number => {
    let size = 0;
    for (const m of members) size += m;
    if (size === 0) return amountA;
    if (size === k) return amountB;
    const params = groups.flatMap((g, i) => (members[i] ? g.params : []));
    ledger = projectFloat(hybrid(a, b, params, derived), ledger);
    projections++;
    const amount = figureAmount(ledger, figure);
    if (Number.isSafeInteger(amount)) return amount;
    broken ??= groups
      .filter((_, i) => members[i])
      .map((g) => g.id)
      .join(", ");
    return 0;
  };
  const exact = k <= maxExact;
  const shares: ShapleyShares = exact
    ? shapleyExact(k, value)
    : shapleySampled(k, value, { permutations, seed });
  if (broken !== undefined)
    return {
      ok: false,
      issues: [
        {
          path: "scenarios",
          message: `taking only ${broken} from B gives a figure the engine cannot compute; the difference cannot be shared out`,
        },
      ],
    };
  const delta = amountB - amountA;
  const pence = wholePenceShares(
    shares.numerators,
    shares.denominator,
    delta,
    groups.map((g) => g.id),
  );
  const parts = groups.map((g, i): AttributionPart => {
    const changes = g.params.map((p) => describeChange(p, a, b));
    const one = changes.length === 1 ? changes[0]! : undefined;
    return {
      group: g.id,
      label: g.label,
      params: g.params,
      pence: pence[i]!,
      valuePence: Number(shares.numerators[i]!) / Number(shares.denominator),
      standardErrorPence: shares.standardErrors?.[i] ?? null,
      changedValues: changes.reduce((s, c) => s + c.changedValues, 0),
      from: one?.from ?? "",
      to: one?.to ?? "",
      ...(g.keptTogether === undefined ? {} : { keptTogether: g.keptTogether }),
    };
  });
  return {
    ok: true,
    value: {
      ref: { crc: figure.crc, line: figure.line, period: figure.period },
      method: "shapley",
      level,
      exact,
      sampling: exact ? null : { permutations: Number(shares.denominator), seed },
      amountAPence: amountA,
      amountBPence: amountB,
      deltaPence: delta,
      parts,
      projections,
    },
  };
}

const whole = (x: number, min: number, max: number) =>
  Number.isSafeInteger(x) && x >= min && x <= max;

/** The options' problems, each naming the option and its allowed range. */
export function checkOptions(
  level: string,
  maxExactGroups: number,
  permutations: number,
  seed: number,
): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (!(ATTRIBUTION_LEVELS as readonly string[]).includes(level))
    issues.push({ path: "level", message: `must be one of ${ATTRIBUTION_LEVELS.join(", ")}` });
  if (!whole(maxExactGroups, 0, EXACT_PLAYERS_LIMIT))
    issues.push({
      path: "maxExactGroups",
      message: `must be a whole number from 0 to ${EXACT_PLAYERS_LIMIT}`,
    });
  if (!whole(permutations, 4, MAX_PERMUTATIONS))
    issues.push({
      path: "permutations",
      message: `must be a whole number from 4 to ${MAX_PERMUTATIONS}`,
    });
  if (!whole(seed, 0, 0xffffffff))
    issues.push({ path: "seed", message: "must be a whole number from 0 to 4294967295" });
  return issues;
}
