import { didYouMean } from "../issues/did-you-mean.ts";
import { formatIssue, type Issue, type WarnedResult } from "../issues/issue.ts";
import { quote } from "../issues/describe-value.ts";
import { oneOf } from "../issues/readers.ts";
import type { Dataset, Unit } from "../data/index.ts";
import type { Ledger } from "../engine/ledger.ts";
import { Money } from "../engine/money.ts";
import { projectExact } from "../engine/project-exact.ts";
import { projectFloat } from "../engine/project-float.ts";
import type { ParameterValue } from "../scenario/scenario.ts";
import type { ResolvedScenario } from "../scenario/validate-scenario.ts";
import { withColumns } from "./edit-inputs.ts";
import { projectExactWith } from "./exact-rerun.ts";
import { makeKnob, SHORTFALL_SHIFT, type Knob } from "./knob.ts";
import { outputPence, selectOutput, type OutputSelector } from "./output-spec.ts";
import { formatPence } from "../explain/format-tree.ts";

/** The levers a break-even can be found for, and the knob behind each. */
export const BREAK_EVEN_LEVERS = {
  /** The three given years of the shortfall shifted together (knob.ts SHORTFALL_SHIFT). */
  shortfall: SHORTFALL_SHIFT,
  /** The fixed share φ of the price, every year. */
  fixedShare: "ffs.fixedShare",
  /** The scale of the 2017 variation (uplift and its £42m/£22m payments). */
  variationScale: "variation.scale",
} as const;
export type BreakEvenLever = keyof typeof BREAK_EVEN_LEVERS;
export const BREAK_EVEN_LEVER_NAMES = Object.keys(BREAK_EVEN_LEVERS) as BreakEvenLever[];

/**
 * How far from zero the exact profit at a break-even may be. A CRC's contract profit is a sum
 * of 860 cells (10 income and cost lines × 86 months), each rounded once to the penny, so it
 * moves in steps and may never be exactly 0: rounding alone can leave it up to 860 × ½p = £4.30
 * from the unrounded zero, plus under a penny from the solver's final step. £5.
 */
export const BREAK_EVEN_TOLERANCE_PENCE = 500;
/** Points at which profit is first evaluated across the allowed range, to find sign changes. */
export const BREAK_EVEN_SCAN_POINTS = 21;
/** Decimals of a reported lever value (and its brackets): a value a scenario file can hold. */
const VALUE_DECIMALS = 10;

export interface BreakEvenPoint {
  /** The lever's value, in its unit (the shift in share points for shortfall). */
  readonly value: number;
  /** The CRC's contract-life profit there, from the exact engine through the scenario pipeline. */
  readonly exactProfitPence: number;
}

export interface BreakEvenResult {
  readonly crc: string;
  readonly owner: string;
  readonly lever: BreakEvenLever;
  /** What the lever is for this CRC in the scenario (null if it varies by year). */
  readonly current: number | null;
  /** The CRC's contract-life profit in the scenario (exact). */
  readonly currentProfitPence: number;
  readonly allowed: { readonly min: number; readonly max: number };
  /** "found": profit changes sign inside the allowed range; "none": it does not. */
  readonly status: "found" | "none";
  /** The break-even value (found), else null. */
  readonly value: number | null;
  /** Exact contract-life profit at `value` (found), within `tolerancePence` of 0 when checked. */
  readonly exactProfitPence: number | null;
  /** Values just below and above `value` where the exact profit has opposite signs (found). */
  readonly below: BreakEvenPoint | null;
  readonly above: BreakEvenPoint | null;
  /** Exact profit at the ends of the allowed range (none): both on the same side of zero. */
  readonly atMin: BreakEvenPoint | null;
  readonly atMax: BreakEvenPoint | null;
  /** What the answer sets for this CRC, as scenario values (e.g. the three shortfall years). */
  readonly setting: Readonly<Record<string, ParameterValue>>;
  /** Sign changes seen in the scan; above 1, the one nearest the current value is reported. */
  readonly signChanges: number;
  readonly tolerancePence: number;
  /** The exact re-run confirms the answer (found: opposite signs either side and |profit| ≤
   * tolerance; none: same sign at both ends). */
  readonly checked: boolean;
  readonly message: string;
}

export interface BreakEvenReport {
  readonly lever: BreakEvenLever;
  readonly parameter: string;
  readonly label: string;
  readonly unit: Unit;
  readonly results: readonly BreakEvenResult[];
}

export interface BreakEvenRequest {
  /** Default "shortfall". */
  readonly lever?: string;
  /** A CRC id; default every CRC. */
  readonly crc?: string;
}

/**
 * For each CRC (or one), the value of a lever at which its contract-life profit is zero, every
 * other value as in the scenario. Found on the float path (a scan of the allowed range for sign
 * changes, then a bracketed secant), then checked by re-running the exact engine through the
 * scenario pipeline at the answer and at values either side. When profit keeps one sign over
 * the whole allowed range the result says so, with the exact profit at both ends.
 */
export function findBreakEven(
  resolved: ResolvedScenario,
  dataset: Dataset,
  request: BreakEvenRequest = {},
): WarnedResult<BreakEvenReport> {
  const issues: Issue[] = [];
  // Worded by the kit's reader, as the address's `_lever` is (issue #13).
  const lever = oneOf(request.lever ?? "shortfall", BREAK_EVEN_LEVER_NAMES, "lever", issues);
  const crcs = resolved.inputs.crcs;
  let indices = crcs.map((_, c) => c);
  if (request.crc !== undefined) {
    const c = crcs.findIndex((x) => x.id === request.crc);
    const ids = crcs.map((x) => x.id);
    if (c < 0)
      issues.push({
        path: "crc",
        message: `unknown CRC ${quote(String(request.crc))}${didYouMean(String(request.crc), ids)}; CRCs: ${ids.join(", ")}`,
      });
    indices = [c];
  }
  if (issues.length > 0 || lever === undefined) return { ok: false, issues };
  const exactBase = projectExact(resolved.inputs);
  const results: BreakEvenResult[] = [];
  let ledger: Ledger | undefined;
  let first: Knob | undefined;
  for (const c of indices) {
    const knob = makeKnob(
      BREAK_EVEN_LEVERS[lever],
      resolved.inputs,
      resolved.merged,
      dataset,
      [c],
      "lever",
    );
    if (!knob.ok) return knob;
    first ??= knob.value;
    const selector = selectOutput(
      { scope: { kind: "crc", id: crcs[c]!.id }, line: "profit", period: "contract" },
      crcs,
    );
    const profitAt = (x: number) => {
      ledger = projectFloat(withColumns(resolved.inputs, knob.value.columns(x)), ledger);
      return outputPence(ledger, selector);
    };
    results.push(
      solveOne(resolved, dataset, lever, knob.value, c, profitAt, outputPence(exactBase, selector)),
    );
  }
  return {
    ok: true,
    value: {
      lever,
      parameter: first!.id,
      label: first!.label,
      unit: first!.unit,
      results,
    },
    warnings: [],
  };
}

/** Round to a value a scenario can hold, inside the allowed range. */
function tidy(x: number, knob: Knob): number {
  const v = new Money(x).toDecimalPlaces(knob.decimals ?? VALUE_DECIMALS).toNumber();
  return Math.min(knob.allowed.max, Math.max(knob.allowed.min, v));
}

function solveOne(
  resolved: ResolvedScenario,
  dataset: Dataset,
  lever: BreakEvenLever,
  knob: Knob,
  c: number,
  profitAt: (x: number) => number,
  currentProfitPence: number,
): BreakEvenResult {
  const crc = resolved.inputs.crcs[c]!;
  const { min, max } = knob.allowed;
  const loss = (p: number) => p < 0;
  const exactAt = (value: number): BreakEvenPoint | string => {
    const run = projectExactWith(resolved, dataset, knob.overrides(value));
    if (!run.ok) return run.issues.map(formatIssue).join("; ");
    const selector: OutputSelector = selectOutput(
      { scope: { kind: "crc", id: crc.id }, line: "profit", period: "contract" },
      resolved.inputs.crcs,
    );
    return { value, exactProfitPence: outputPence(run.value.ledger, selector) };
  };
  const common = {
    crc: crc.id,
    owner: crc.ownerId,
    lever,
    current: knob.current,
    currentProfitPence,
    allowed: knob.allowed,
    tolerancePence: BREAK_EVEN_TOLERANCE_PENCE,
  };

  // 1. Scan the allowed range (and the current value) for changes between loss and no loss.
  const xs = Array.from({ length: BREAK_EVEN_SCAN_POINTS }, (_, i) =>
    tidy(min + ((max - min) * i) / (BREAK_EVEN_SCAN_POINTS - 1), knob),
  );
  if (knob.current !== null) xs.push(knob.current);
  const scan = [...new Set(xs)].sort((a, b) => a - b).map((x) => ({ x, p: profitAt(x) }));
  const changes: number[] = [];
  for (let i = 0; i + 1 < scan.length; i++)
    if (loss(scan[i]!.p) !== loss(scan[i + 1]!.p)) changes.push(i);

  if (changes.length === 0) {
    const ends = [exactAt(min), exactAt(max)] as const;
    const [atMin, atMax] = ends;
    if (typeof atMin === "string" || typeof atMax === "string")
      throw new Error(
        `exact re-run of ${crc.id} at the range ends failed: ${String(atMin)} ${String(atMax)}`,
      );
    const checked = loss(atMin.exactProfitPence) === loss(atMax.exactProfitPence);
    return {
      ...common,
      status: "none",
      value: null,
      exactProfitPence: null,
      below: null,
      above: null,
      atMin,
      atMax,
      setting: {},
      signChanges: 0,
      checked,
      message: `${crc.id}: no break-even within the allowed range ${min} to ${max}: profit is ${formatPence(atMin.exactProfitPence)} at ${min} and ${formatPence(atMax.exactProfitPence)} at ${max}`,
    };
  }

  // 2. The sign change nearest the current value (or the first), narrowed by a bracketed secant.
  const target = knob.current ?? scan[changes[0]!]!.x;
  const i = changes.reduce((best, k) =>
    Math.abs((scan[k]!.x + scan[k + 1]!.x) / 2 - target) <
    Math.abs((scan[best]!.x + scan[best + 1]!.x) / 2 - target)
      ? k
      : best,
  );
  const outer = { a: scan[i]!, b: scan[i + 1]! };
  const root = bracketedSecant(profitAt, outer.a, outer.b, (max - min) * 1e-12);
  const value = tidy(root, knob);

  // 3. Brackets either side, far enough out that float and exact cannot disagree on the sign
  // (they differ by pennies; the bracket profits are beyond the tolerance), inside the scan step.
  let delta = (max - min) * 1e-7;
  let below: number;
  let above: number;
  for (;;) {
    below = Math.max(outer.a.x, tidy(value - delta, knob));
    above = Math.min(outer.b.x, tidy(value + delta, knob));
    const pb = profitAt(below);
    const pa = profitAt(above);
    const clear =
      loss(pb) === loss(outer.a.p) &&
      loss(pa) === loss(outer.b.p) &&
      Math.abs(pb) > BREAK_EVEN_TOLERANCE_PENCE &&
      Math.abs(pa) > BREAK_EVEN_TOLERANCE_PENCE;
    if (clear || (below === outer.a.x && above === outer.b.x)) break;
    delta *= 4;
  }

  // 4. The exact engine, through the scenario pipeline, at the answer and either side.
  const at = exactAt(value);
  const lo = exactAt(below);
  const hi = exactAt(above);
  if (typeof at === "string" || typeof lo === "string" || typeof hi === "string")
    throw new Error(`exact re-run of ${crc.id} near ${value} failed: ${[at, lo, hi].join(" ")}`);
  const checked =
    loss(lo.exactProfitPence) !== loss(hi.exactProfitPence) &&
    Math.abs(at.exactProfitPence) <= BREAK_EVEN_TOLERANCE_PENCE;
  const overrides = knob.overrides(value);
  const setting: Record<string, ParameterValue> = {};
  for (const id of knob.ids) {
    const o = overrides[id]!;
    setting[id] = o.byCrc?.[crc.id] ?? o.value!;
  }
  return {
    ...common,
    status: "found",
    value,
    exactProfitPence: at.exactProfitPence,
    below: lo,
    above: hi,
    atMin: null,
    atMax: null,
    setting,
    signChanges: changes.length,
    checked,
    message: `${crc.id}: contract profit is zero at ${knob.id} = ${value} (scenario: ${knob.current ?? "varies by year"}); exact profit there ${formatPence(at.exactProfitPence)}, ${formatPence(lo.exactProfitPence)} at ${below} and ${formatPence(hi.exactProfitPence)} at ${above}${checked ? "" : " — NOT confirmed by the exact engine"}${changes.length > 1 ? `; profit changes sign ${changes.length} times across the range, the change nearest the scenario's value is shown` : ""}`,
  };
}

/**
 * A root of f between a and b (f(a), f(b) on opposite sides of "loss": < 0 vs ≥ 0) by the
 * Illinois variant of regula falsi: the secant step converges in a few steps on profit, which is
 * close to linear in each lever, and the bracket is never lost. Stops when the bracket is
 * narrower than `width` or the profit is within a penny of zero.
 */
export function bracketedSecant(
  f: (x: number) => number,
  a0: { x: number; p: number },
  b0: { x: number; p: number },
  width: number,
): number {
  let a = a0.x;
  let fa = a0.p;
  let b = b0.x;
  let fb = b0.p;
  let side = 0;
  for (let k = 0; k < 200 && Math.abs(b - a) > width; k++) {
    let x = (a * fb - b * fa) / (fb - fa);
    if (!(x > Math.min(a, b) && x < Math.max(a, b))) x = (a + b) / 2;
    const fx = f(x);
    if (Math.abs(fx) <= 1) return x;
    if (fx < 0 === fb < 0) {
      b = x;
      fb = fx;
      if (side === -1) fa /= 2;
      side = -1;
    } else {
      a = x;
      fa = fx;
      if (side === 1) fb /= 2;
      side = 1;
    }
  }
  return (a + b) / 2;
}
