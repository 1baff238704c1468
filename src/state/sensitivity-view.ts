import { quote } from "../issues/describe-value.ts";
import type { Issue, Warned } from "../issues/issue.ts";
import { oneOf, wholeText } from "../issues/readers.ts";
import type { Dataset } from "../data/index.ts";
import { MONEY_LINES, type MoneyLine } from "../engine/lines.ts";
import type { CrcRef } from "../engine/projection-inputs.ts";
import { FINANCIAL_YEARS } from "../engine/timeline.ts";
import { BREAK_EVEN_LEVER_NAMES, type BreakEvenLever } from "../sensitivity/break-even.ts";
import { GRID_STEPS } from "../sensitivity/grid.ts";
import { knobIds, SHORTFALL_SHIFT } from "../sensitivity/knob.ts";
import { parseOutputSpec } from "../sensitivity/output-spec.ts";

/**
 * The Sensitivity page's view state: the output followed by the tornado and the grid, the grid's
 * axes and steps, and the break-even lever. Kept in the address beside the scenario under
 * "_"-prefixed keys; a bad value is a warning and its default is used, never the value.
 */
export interface SensitivityView {
  /** "national", "moj" (MoJ spend), "crc:<id>" or "owner:<id>" (the CLI's text form). */
  readonly output: string;
  /** A money line; MoJ spend is always income_total. */
  readonly line: MoneyLine;
  /** "contract" or a financial year. */
  readonly period: string;
  /** Grid axes: ids from `knobIds` (x across, y up). */
  readonly gx: string;
  readonly gy: string;
  readonly steps: number;
  readonly lever: BreakEvenLever;
}

/** National contract-life profit over shortfall shift × fixed share (issue #6's example). */
export const DEFAULT_SENSITIVITY_VIEW: SensitivityView = {
  output: "national",
  line: "profit",
  period: "contract",
  gx: SHORTFALL_SHIFT,
  gy: "ffs.fixedShare",
  steps: GRID_STEPS.default,
  lever: "shortfall",
};

/** Steps offered on the page; the address may carry any whole number from 2 to 50. */
export const GRID_STEP_CHOICES: readonly number[] = [5, 11, 21, 31];

export const SENSITIVITY_LINES: readonly MoneyLine[] = MONEY_LINES;
export const SENSITIVITY_PERIODS: readonly string[] = ["contract", ...FINANCIAL_YEARS];
export const BREAK_EVEN_LEVERS: readonly BreakEvenLever[] = BREAK_EVEN_LEVER_NAMES;

/** What the view is checked against: the projection's CRCs (with owners) and the grid knobs. */
export interface SensitivityContext {
  readonly crcs: readonly CrcRef[];
  readonly knobIds: readonly string[];
}

export function sensitivityContext(dataset: Dataset): SensitivityContext {
  return {
    crcs: dataset.crcs.map((c) => ({ id: c.id, ownerId: c.ownerId })),
    knobIds: knobIds(dataset),
  };
}

/**
 * Read the view from an address query; each bad value is a warning at its key (e.g. `_steps`)
 * and only it falls back to its default. The output, line and period are checked one at a time
 * by the CLI's own parser (`parseOutputSpec`), so each is worded as the CLI words it; the rest
 * by the src/issues readers, worded as every other refusal.
 */
export function sensitivityViewFromSearch(
  search: string,
  context: SensitivityContext,
): Warned<SensitivityView> {
  const params = new URLSearchParams(search.startsWith("?") ? search.slice(1) : search);
  const warnings: Issue[] = [];
  const d = DEFAULT_SENSITIVITY_VIEW;
  const outputIssue = (text: { output?: string; line?: string; period?: string }) => {
    const parsed = parseOutputSpec(text, context.crcs);
    return parsed.ok ? undefined : parsed.issues[0]!.message;
  };

  let output = d.output;
  const rawOutput = params.get("_output");
  if (rawOutput !== null) {
    const message = outputIssue({ output: rawOutput });
    if (message === undefined) output = rawOutput;
    else warnings.push({ path: "_output", message });
  }
  let line: MoneyLine = output === "moj" ? "income_total" : d.line;
  const rawLine = params.get("_line");
  if (rawLine !== null) {
    const message = outputIssue({ line: rawLine }) ?? outputIssue({ output, line: rawLine });
    if (message === undefined) line = rawLine as MoneyLine;
    else warnings.push({ path: "_line", message });
  }
  let period = d.period;
  const rawPeriod = params.get("_period");
  if (rawPeriod !== null) {
    const message = outputIssue({ period: rawPeriod });
    if (message === undefined) period = rawPeriod;
    else warnings.push({ path: "_period", message });
  }

  const axis = (key: "_gx" | "_gy", fallback: string): string => {
    const raw = params.get(key);
    return raw === null ? fallback : (oneOf(raw, context.knobIds, key, warnings) ?? fallback);
  };
  const gx = axis("_gx", d.gx);
  let gy = axis("_gy", d.gy);
  if (gy === gx) {
    const other = gx === d.gy ? d.gx : d.gy;
    warnings.push({
      path: "_gy",
      message: `${quote(gy)} is also the grid's other axis; ${other} is used instead`,
    });
    gy = other;
  }

  const rawSteps = params.get("_steps");
  const steps =
    rawSteps === null
      ? d.steps
      : (wholeText(rawSteps, GRID_STEPS.min, GRID_STEPS.max, "_steps", warnings) ?? d.steps);

  const rawLever = params.get("_lever");
  const lever =
    rawLever === null
      ? d.lever
      : (oneOf(rawLever, BREAK_EVEN_LEVER_NAMES, "_lever", warnings) ?? d.lever);
  return { ok: true, value: { output, line, period, gx, gy, steps, lever }, warnings };
}

/** The view keys for `writeUrl` (it adds the "_" prefix). MoJ spend has no line of its own. */
export function sensitivityViewKeys(view: SensitivityView): Record<string, string> {
  return {
    output: view.output,
    ...(view.output === "moj" ? {} : { line: view.line }),
    period: view.period,
    gx: view.gx,
    gy: view.gy,
    steps: String(view.steps),
    lever: view.lever,
  };
}

/** The output part of a worker request (`OutputText`) for a view. */
export function outputRequest(view: SensitivityView): {
  output: string;
  line?: string;
  period: string;
} {
  return view.output === "moj"
    ? { output: "moj", period: view.period }
    : { output: view.output, line: view.line, period: view.period };
}
