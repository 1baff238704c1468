import type { Result } from "../issues/issue.ts";
import type { Ledger } from "../engine/ledger.ts";
import { SHORTFALL_ID } from "../engine/parameter-specs.ts";
import { projectExact } from "../engine/project-exact.ts";
import type { ProjectionInputs } from "../engine/projection-inputs.ts";
import { attributionGroups } from "./attribution-groups.ts";
import { keepCoupledTogether, type InputRules } from "./coupled-parameters.ts";
import { hybrid } from "./hybrid-inputs.ts";
import { figureAmount, resolveFigure, type FigureRef, type ResolvedFigure } from "./figure-ref.ts";

/**
 * How the delta is shared out. "one-at-a-time": each changed parameter switched from A to B
 * alone, the rest held at A; what is left is the interaction. "sequential": the parameters
 * switched cumulatively, in order, so each step's effect depends on the ones before it and
 * there is no interaction.
 */
export const DELTA_METHODS = ["one-at-a-time", "sequential"] as const;
export type DeltaMethod = (typeof DELTA_METHODS)[number];

/**
 * One changed parameter (or several switched together) and how much of the difference it
 * accounts for.
 */
export interface DeltaPart {
  /** The parameter's id, or the ids of parameters switched together joined with " + ". */
  readonly param: string;
  /** The parameters it switches from A's values to B's, sorted. */
  readonly params: readonly string[];
  readonly effectPence: number;
  /** How many CRC × financial-year values differ. */
  readonly changedValues: number;
  /**
   * The value in A and in B (engine units: pence, month index, share), or "varies"; for
   * several parameters, each one's in the order of `params`, joined with ", ".
   */
  readonly from: string;
  readonly to: string;
  /**
   * Set when parameters are switched together because a mix of them breaks a rule needing
   * several parameters at once (coupled-parameters.ts): which mix, and the rule.
   */
  readonly keptTogether?: string;
}

/**
 * Why a figure differs between two scenarios (issue #8): B − A shared among the parameters that
 * differ, each switched from A's values to B's in a fixed, stated order, plus the interaction
 * (zero for "sequential"). Σ effectPence + interactionPence = deltaPence exactly: every amount is
 * an integer sum of whole-pence cells. Plain data.
 */
export interface DeltaExplanation {
  readonly ref: FigureRef;
  readonly method: DeltaMethod;
  readonly order: string;
  readonly amountAPence: number;
  readonly amountBPence: number;
  readonly deltaPence: number;
  readonly parts: readonly DeltaPart[];
  readonly interactionPence: number;
}

export interface ExplainDeltaOptions {
  readonly method?: DeltaMethod;
  /**
   * The rules every mix of A and B must meet (default: those that need no data,
   * coupled-parameters.ts `RULES_WITHOUT_DATA`); parameters whose mixes break one are switched
   * together.
   */
  readonly rules?: InputRules;
}

const ORDER = "parameter ids in alphabetical order";

/** Parameters whose values differ (the derived volume.shortfall follows its sources). */
export function changedParameters(a: ProjectionInputs, b: ProjectionInputs): string[] {
  return [...a.values.keys()]
    .filter((id) => id !== SHORTFALL_ID)
    .filter((id) => {
      const x = a.values.get(id)!;
      const y = b.values.get(id)!;
      return x.some((v, i) => !Object.is(v, y[i]));
    })
    .sort();
}

/** How a parameter's values differ between A and B: how many, and from → to (or "varies"). */
export function describeChange(param: string, a: ProjectionInputs, b: ProjectionInputs) {
  const x = a.values.get(param)!;
  const y = b.values.get(param)!;
  const from = new Set<number>();
  const to = new Set<number>();
  let changedValues = 0;
  x.forEach((v, i) => {
    if (Object.is(v, y[i])) return;
    changedValues += 1;
    from.add(v);
    to.add(y[i]!);
  });
  const one = (s: Set<number>) => (s.size === 1 ? String([...s][0]) : "varies");
  return { changedValues, from: one(from), to: one(to) };
}

export { hybrid } from "./hybrid-inputs.ts";

/** Why A and B cannot be compared cell by cell, or undefined when they can. */
export function sameShape(a: ProjectionInputs, b: ProjectionInputs): string | undefined {
  const ids = (x: ProjectionInputs) => x.crcs.map((c) => `${c.id}/${c.ownerId}`).join(",");
  if (ids(a) !== ids(b)) return "the scenarios cover different CRCs";
  const keys = (x: ProjectionInputs) => [...x.values.keys()].sort().join(",");
  if (keys(a) !== keys(b)) return "the scenarios have different parameters";
  return undefined;
}

/**
 * Decompose a figure's difference between two scenarios (B − A) by switching the parameters
 * that differ from A's values to B's, one at a time in alphabetical order of id. Parameters
 * whose mixes of A and B would break a rule (staffing from one and the cut scale from the other
 * can reach 0 FTE) are switched together (`keepCoupledTogether`), so every scenario projected is
 * one the model accepts. Projects once per part, plus A and B.
 */
export function explainDelta(
  a: ProjectionInputs,
  b: ProjectionInputs,
  ref: FigureRef,
  options: ExplainDeltaOptions = {},
): Result<DeltaExplanation> {
  const method = options.method ?? "one-at-a-time";
  const shape = sameShape(a, b);
  if (shape !== undefined) return { ok: false, issues: [{ path: "scenarios", message: shape }] };
  const resolved = resolveFigure(a.crcs, ref);
  if (!resolved.ok) return resolved;
  const figure: ResolvedFigure = resolved.value;
  const amount = (ledger: Ledger) => figureAmount(ledger, figure);
  const amountA = amount(projectExact(a));
  const amountB = amount(projectExact(b));
  const players = keepCoupledTogether(
    attributionGroups(changedParameters(a, b), "parameter"),
    a,
    b,
    options.rules,
  );
  const parts: DeltaPart[] = [];
  let previous = amountA;
  players.forEach((player, k) => {
    let now: number;
    if (method === "one-at-a-time") now = amount(projectExact(hybrid(a, b, player.params)));
    else
      now =
        k === players.length - 1
          ? amountB
          : amount(
              projectExact(
                hybrid(
                  a,
                  b,
                  players.slice(0, k + 1).flatMap((p) => p.params),
                ),
              ),
            );
    const changes = player.params.map((p) => describeChange(p, a, b));
    parts.push({
      param: player.id,
      params: player.params,
      effectPence: now - previous,
      changedValues: changes.reduce((s, c) => s + c.changedValues, 0),
      from: changes.map((c) => c.from).join(", "),
      to: changes.map((c) => c.to).join(", "),
      ...(player.keptTogether === undefined ? {} : { keptTogether: player.keptTogether }),
    });
    if (method === "sequential") previous = now;
  });
  const delta = amountB - amountA;
  const explained = parts.reduce((s, p) => s + p.effectPence, 0);
  return {
    ok: true,
    value: {
      ref: { crc: figure.crc, line: figure.line, period: figure.period },
      method,
      order: ORDER,
      amountAPence: amountA,
      amountBPence: amountB,
      deltaPence: delta,
      parts,
      interactionPence: delta - explained,
    },
  };
}
