import { formatIssue, type Issue, type WarnedResult } from "../issues/issue.ts";
import type { Dataset, Unit } from "../data/index.ts";
import { Money } from "../engine/money.ts";
import type { Ledger } from "../engine/ledger.ts";
import { projectFloat } from "../engine/project-float.ts";
import type { ResolvedScenario } from "../scenario/validate-scenario.ts";
import { CROSS_CHECKED_IDS, inputIssues, withColumns } from "./edit-inputs.ts";
import { makeKnob, type Knob } from "./knob.ts";
import {
  checkOutputSpec,
  describeOutput,
  NATIONAL_PROFIT,
  outputPence,
  selectOutput,
  type OutputSpec,
} from "./output-spec.ts";

export const GRID_STEPS = { min: 2, max: 50, default: 11 } as const;

/** One axis as asked for: a parameter id (or volume.shortfall.shift) and optionally its span. */
export interface GridAxisRequest {
  readonly id: string;
  /** First value, in the data's unit (default: the data's low, see `Knob.span`). */
  readonly from?: number;
  /** Last value (default: the data's high). */
  readonly to?: number;
  /** Number of values, 2–50 (default: the request's `steps`, else 11). */
  readonly steps?: number;
}

export interface GridRequest {
  readonly x: GridAxisRequest;
  readonly y: GridAxisRequest;
  /** Steps for both axes unless an axis has its own. */
  readonly steps?: number;
  readonly output?: OutputSpec;
}

export interface GridAxis {
  readonly id: string;
  readonly label: string;
  readonly unit: Unit;
  readonly allowed: { readonly min: number; readonly max: number };
  /** The scenario's own value (null when it differs by CRC or year), to mark on a chart. */
  readonly current: number | null;
  /** The values used, in the data's unit, ascending. */
  readonly values: readonly number[];
}

/** One grid cell: a tidy row (Arquero `aq.from(grid.rows)`). */
export interface GridPoint {
  readonly x: number;
  readonly y: number;
  readonly valuePence: number;
}

export interface Grid {
  readonly output: OutputSpec;
  readonly outputLabel: string;
  /** The output at the scenario's own values. */
  readonly basePence: number;
  readonly x: GridAxis;
  readonly y: GridAxis;
  /** N × M rows, x-major: every y for the first x, then the next x. */
  readonly rows: readonly GridPoint[];
}

/**
 * The output over a grid of two knobs (each a parameter set for every CRC and year, or the
 * shortfall shift), every other value as in the scenario, on the float path. Axes are checked
 * first (ids, steps 2–50, spans inside each parameter's allowed range); then every point is
 * held to the scenario rules (e.g. staff share within the fixed share) and the first point that
 * breaks one is reported, so no cell is a silently impossible scenario.
 */
export function runGrid(
  resolved: ResolvedScenario,
  dataset: Dataset,
  request: GridRequest,
): WarnedResult<Grid> {
  const base = resolved.inputs;
  const all = base.crcs.map((_, c) => c);
  const issues: Issue[] = [];
  const output = request.output ?? NATIONAL_PROFIT;
  const checked = checkOutputSpec(output, base.crcs);
  if (!checked.ok) issues.push(...checked.issues);
  const axes: { knob: Knob; values: number[] }[] = [];
  for (const name of ["x", "y"] as const) {
    const axis: GridAxisRequest = request?.[name] ?? { id: "" };
    const knob = makeKnob(axis.id, base, resolved.merged, dataset, all, name);
    if (!knob.ok) {
      issues.push(...knob.issues);
      continue;
    }
    const values = axisValues(knob.value, axis, request.steps, name, issues);
    if (values !== undefined) axes.push({ knob: knob.value, values });
  }
  if (issues.length === 0) {
    const [x, y] = axes;
    const shared = x!.knob.ids.filter((id) => y!.knob.ids.includes(id));
    if (shared.length > 0)
      issues.push({
        path: "y",
        message: `${y!.knob.id} and ${x!.knob.id} both set ${shared.join(", ")}; choose two that do not overlap`,
      });
  }
  if (issues.length > 0) return { ok: false, issues };
  const [x, y] = axes as [(typeof axes)[0], (typeof axes)[0]];

  const selector = selectOutput(output, base.crcs);
  let ledger: Ledger = projectFloat(base);
  const basePence = outputPence(ledger, selector);
  const check = [...x.knob.ids, ...y.knob.ids].some((id) => CROSS_CHECKED_IDS.includes(id));
  const yColumns = y.values.map((v) => y.knob.columns(v));
  const rows: GridPoint[] = [];
  for (const xv of x.values) {
    const xColumns = x.knob.columns(xv);
    for (let j = 0; j < y.values.length; j++) {
      const inputs = withColumns(base, new Map([...xColumns, ...yColumns[j]!]));
      if (check) {
        const broken = inputIssues(inputs, dataset);
        if (broken.length > 0)
          return {
            ok: false,
            issues: [
              {
                path: "grid",
                message: `at ${x.knob.id} = ${xv}, ${y.knob.id} = ${y.values[j]}: ${formatIssue(broken[0]!)}; narrow the axes`,
              },
            ],
          };
      }
      ledger = projectFloat(inputs, ledger);
      rows.push({ x: xv, y: y.values[j]!, valuePence: outputPence(ledger, selector) });
    }
  }
  const describe = (a: typeof x): GridAxis => ({
    id: a.knob.id,
    label: a.knob.label,
    unit: a.knob.unit,
    allowed: a.knob.allowed,
    current: a.knob.current,
    values: a.values,
  });
  return {
    ok: true,
    value: {
      output,
      outputLabel: describeOutput(output),
      basePence,
      x: describe(x),
      y: describe(y),
      rows,
    },
    warnings: [],
  };
}

/**
 * The axis's values: `steps` evenly spaced from `from` to `to` in decimal arithmetic, rounded to
 * the parameter's precision (whole numbers, pence, else about five significant digits of the
 * span), so each is a value a scenario file can hold and the exact engine can re-run.
 */
function axisValues(
  knob: Knob,
  axis: GridAxisRequest,
  defaultSteps: number | undefined,
  name: string,
  issues: Issue[],
): number[] | undefined {
  const { min, max } = knob.allowed;
  const before = issues.length;
  const steps = axis.steps ?? defaultSteps ?? GRID_STEPS.default;
  if (!Number.isInteger(steps) || steps < GRID_STEPS.min || steps > GRID_STEPS.max)
    issues.push({
      path: `${name}.steps`,
      message: `${String(steps)} is not a whole number from ${GRID_STEPS.min} to ${GRID_STEPS.max}`,
    });
  const from = axis.from ?? knob.span.from;
  const to = axis.to ?? knob.span.to;
  for (const [key, v] of [
    ["from", from],
    ["to", to],
  ] as const) {
    if (typeof v !== "number" || !Number.isFinite(v))
      issues.push({ path: `${name}.${key}`, message: `${String(v)} is not a number` });
    else if (v < min || v > max)
      issues.push({
        path: `${name}.${key}`,
        message: `${v} is outside the allowed range of ${knob.id}, ${min} to ${max}`,
      });
    else if (new Money(v).precision(true) > 15)
      issues.push({ path: `${name}.${key}`, message: `${v} has more than 15 significant digits` });
    else if (knob.decimals !== undefined && new Money(v).decimalPlaces() > knob.decimals)
      issues.push({
        path: `${name}.${key}`,
        message: `${v} has more than ${knob.decimals} decimals; ${knob.id} is in ${knob.unit}`,
      });
  }
  if (issues.length === before && !(from < to))
    issues.push({
      path: `${name}.from`,
      message: `${from} must be below ${name}.to (${to}) for ${knob.id}`,
    });
  if (issues.length > before) return undefined;
  const span = new Money(to).minus(from);
  const decimals =
    knob.decimals ?? Math.min(12, Math.max(0, 4 - Math.floor(Math.log10(span.toNumber()))));
  const values: number[] = [];
  for (let i = 0; i < steps; i++) {
    const v =
      i === 0
        ? from
        : i === steps - 1
          ? to
          : new Money(from)
              .plus(span.times(i).dividedBy(steps - 1))
              .toDecimalPlaces(decimals)
              .toNumber();
    if (values.length > 0 && v <= values[values.length - 1]!) {
      issues.push({
        path: `${name}.steps`,
        message: `${steps} steps from ${from} to ${to} repeat values of ${knob.id} (${decimals === 0 ? "whole numbers" : `${decimals} decimals`}); use at most ${span
          .times(10 ** decimals)
          .floor()
          .plus(1)
          .toString()} steps or a wider span`,
      });
      return undefined;
    }
    values.push(v);
  }
  return values;
}
