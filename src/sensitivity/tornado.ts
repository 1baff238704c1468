import { formatIssue, type Issue, type WarnedResult } from "../issues/issue.ts";
import type { Dataset, Unit } from "../data/index.ts";
import type { Ledger } from "../engine/ledger.ts";
import { projectFloat } from "../engine/project-float.ts";
import type { ProjectionInputs } from "../engine/projection-inputs.ts";
import type { ResolvedScenario } from "../scenario/validate-scenario.ts";
import { LEVER_IDS, SPLIT_IDS } from "../uncertainty/index.ts";
import { inputIssues, withColumns } from "./edit-inputs.ts";
import { holdInRange } from "./hold-in-range.ts";
import {
  checkOutputSpec,
  describeOutput,
  NATIONAL_PROFIT,
  outputPence,
  selectOutput,
  type OutputSpec,
} from "./output-spec.ts";
import { planSwings, type Swing } from "./swing-plan.ts";

export interface TornadoRow {
  /** A parameter id, or "volume.shortfall" (the three given years together). */
  readonly parameter: string;
  readonly label: string;
  readonly status: string;
  readonly source: string;
  readonly unit: Unit;
  /** Values differ by CRC: all CRCs were swung at once, each within its own range. */
  readonly perCrc: boolean;
  /** The low and high ends in the data's unit (pounds, "YYYY-MM", shares…). */
  readonly lowValue: string;
  readonly highValue: string;
  readonly outputAtLowPence: number;
  readonly outputAtHighPence: number;
  /** outputAtHighPence − outputAtLowPence: signed, so a bar shows which way the output moves. */
  readonly swingPence: number;
  /** What had to be held in range at either end (empty when nothing). */
  readonly note: string;
}

export interface Tornado {
  readonly output: OutputSpec;
  readonly outputLabel: string;
  /** The output with every parameter at the scenario's value. */
  readonly basePence: number;
  /** Largest |swing| first. */
  readonly rows: readonly TornadoRow[];
  /** How to read it: what was swung and how. */
  readonly notes: readonly string[];
}

export const TORNADO_NOTES: readonly string[] = [
  "One at a time: each parameter goes to the low and then the high end of its range, every other parameter kept at the scenario's value.",
  `Ranges are the Monte Carlo's: each data row's low-to-high spread around the scenario's value, cut to the row's min-max (data/parameters.csv); levers (${LEVER_IDS.join(", ")}) are choices and are not swung, nor are each CRC's parts of a sourced national total (${SPLIT_IDS.join(", ")}), which the Monte Carlo holds so the total stays as published.`,
  "A parameter with values by CRC (perCrc) is swung for all 21 CRCs at once, each CRC within its own range; the volume shortfall's three given years move together.",
  "Computed on the float path (src/engine/project-float.ts), which a test checks against the exact ledger to the penny.",
];

/** The swung inputs at one end of a swing, held in range; notes say what was held. */
export function swingInputs(
  base: ProjectionInputs,
  swing: Swing,
  end: "low" | "high",
  dataset: Dataset,
): { inputs: ProjectionInputs; notes: string[]; issues: Issue[] } {
  const held = holdInRange(withColumns(base, swing[end]), dataset, base);
  const issues = inputIssues(held.inputs, dataset).map((issue) => ({
    path: `tornado.${swing.parameter}.${end}`,
    message: formatIssue(issue),
  }));
  return { ...held, issues };
}

/**
 * A tornado for one output: each uncertain parameter swung one at a time from its low to its
 * high end (see `planSwings`), the output computed at both ends, rows sorted by |swing|
 * (largest first, ties by parameter id). Default output: national contract-life profit.
 */
export function runTornado(
  resolved: ResolvedScenario,
  dataset: Dataset,
  output: OutputSpec = NATIONAL_PROFIT,
): WarnedResult<Tornado> {
  const base = resolved.inputs;
  const checked = checkOutputSpec(output, base.crcs);
  if (!checked.ok) return checked;
  const selector = selectOutput(output, base.crcs);
  let ledger: Ledger = projectFloat(base);
  const basePence = outputPence(ledger, selector);
  const rows: TornadoRow[] = [];
  const issues: Issue[] = [];
  for (const swing of planSwings(base, dataset)) {
    const at: Record<"low" | "high", number> = { low: 0, high: 0 };
    const notes: string[] = [];
    for (const end of ["low", "high"] as const) {
      const swung = swingInputs(base, swing, end, dataset);
      issues.push(...swung.issues);
      notes.push(...swung.notes.map((n) => `${end}: ${n}`));
      ledger = projectFloat(swung.inputs, ledger);
      at[end] = outputPence(ledger, selector);
    }
    rows.push({
      parameter: swing.parameter,
      label: swing.label,
      status: swing.status,
      source: swing.source,
      unit: swing.unit,
      perCrc: swing.perCrc,
      lowValue: swing.lowText,
      highValue: swing.highText,
      outputAtLowPence: at.low,
      outputAtHighPence: at.high,
      swingPence: at.high - at.low,
      note: notes.join("; "),
    });
  }
  if (issues.length > 0) return { ok: false, issues };
  rows.sort(
    (a, b) =>
      Math.abs(b.swingPence) - Math.abs(a.swingPence) || (a.parameter < b.parameter ? -1 : 1),
  );
  return {
    ok: true,
    value: { output, outputLabel: describeOutput(output), basePence, rows, notes: TORNADO_NOTES },
    warnings: [],
  };
}
