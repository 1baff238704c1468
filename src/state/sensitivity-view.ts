import { didYouMean } from "../issues/did-you-mean.ts";
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
 * "_"-prefixed keys; a bad value is named and replaced by its default, never used.
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

export interface SensitivityViewRead {
  readonly view: SensitivityView;
  /** One line per refused value, naming the key and what is allowed. */
  readonly problems: readonly string[];
}

/**
 * Read the view from an address query. The output, line and period are checked one at a time
 * by the CLI's own parser (`parseOutputSpec`), so each bad one is named with the same words and
 * only it falls back to its default.
 */
export function sensitivityViewFromSearch(
  search: string,
  context: SensitivityContext,
): SensitivityViewRead {
  const params = new URLSearchParams(search.startsWith("?") ? search.slice(1) : search);
  const problems: string[] = [];
  const d = DEFAULT_SENSITIVITY_VIEW;
  const outputIssue = (text: { output?: string; line?: string; period?: string }) => {
    const parsed = parseOutputSpec(text, context.crcs);
    return parsed.ok ? undefined : parsed.issues[0]!.message;
  };

  let output = d.output;
  const rawOutput = params.get("_output");
  if (rawOutput !== null) {
    const issue = outputIssue({ output: rawOutput });
    if (issue === undefined) output = rawOutput;
    else problems.push(`_output: ${issue}`);
  }
  let line: MoneyLine = output === "moj" ? "income_total" : d.line;
  const rawLine = params.get("_line");
  if (rawLine !== null) {
    const issue =
      outputIssue({ line: rawLine }) ?? outputIssue({ output, line: rawLine }) ?? undefined;
    if (issue === undefined) line = rawLine as MoneyLine;
    else problems.push(`_line: ${issue}`);
  }
  let period = d.period;
  const rawPeriod = params.get("_period");
  if (rawPeriod !== null) {
    const issue = outputIssue({ period: rawPeriod });
    if (issue === undefined) period = rawPeriod;
    else problems.push(`_period: ${issue}`);
  }

  const axis = (key: "_gx" | "_gy", fallback: string): string => {
    const raw = params.get(key);
    if (raw === null) return fallback;
    if (context.knobIds.includes(raw)) return raw;
    problems.push(
      `${key}: "${raw}" is not a parameter the grid can vary${didYouMean(raw, context.knobIds)}; use ${SHORTFALL_SHIFT} or a numeric parameter of data/parameters.csv (the list under "Across" and "Up")`,
    );
    return fallback;
  };
  const gx = axis("_gx", d.gx);
  let gy = axis("_gy", d.gy);
  if (gy === gx) {
    const other = gx === d.gy ? d.gx : d.gy;
    problems.push(`_gy: "${gy}" is also the grid's other axis; ${other} is used instead`);
    gy = other;
  }

  let steps = d.steps;
  const rawSteps = params.get("_steps");
  if (rawSteps !== null) {
    const n = /^\d+$/.test(rawSteps) ? Number(rawSteps) : Number.NaN;
    if (n >= GRID_STEPS.min && n <= GRID_STEPS.max) steps = n;
    else
      problems.push(
        `_steps: "${rawSteps}" is not a whole number from ${GRID_STEPS.min} to ${GRID_STEPS.max}`,
      );
  }

  let lever = d.lever;
  const rawLever = params.get("_lever");
  if (rawLever !== null) {
    if ((BREAK_EVEN_LEVER_NAMES as readonly string[]).includes(rawLever))
      lever = rawLever as BreakEvenLever;
    else
      problems.push(
        `_lever: "${rawLever}" is not a lever${didYouMean(rawLever, BREAK_EVEN_LEVER_NAMES)}; levers: ${BREAK_EVEN_LEVER_NAMES.join(", ")}`,
      );
  }
  return { view: { output, line, period, gx, gy, steps, lever }, problems };
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
