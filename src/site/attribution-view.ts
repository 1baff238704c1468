import type { Attribution } from "../explain/attribute-delta.ts";
import { byText } from "../explain/attribution-groups.ts";
import type { Split } from "../state/split-view.ts";

/**
 * The Compare page's explanation of a change (issue #17): how it is split — fair shares
 * (Shapley values) by parameter or by group, or the order-dependent one-at-a-time view — kept
 * in the address as `_split` (src/state/split-view.ts), and the waterfall from the baseline to
 * the scenario.
 */
export const SPLIT_LABELS: Readonly<Record<Split, string>> = {
  parameter: "Fair shares by parameter (Shapley values)",
  group: "Fair shares by group of parameters (Shapley values)",
  "one-at-a-time": "One at a time in a fixed order (order-dependent, with interaction)",
};

/** One bar of the waterfall: the baseline, a group's share, or the scenario. */
export interface WaterfallStep {
  readonly step: number;
  readonly kind: "baseline" | "part" | "scenario";
  readonly group: string;
  readonly label: string;
  readonly params: readonly string[];
  readonly startPence: number;
  readonly endPence: number;
  readonly changePence: number;
  readonly standardErrorPence: number | null;
}

/**
 * The waterfall's bars: the baseline's figure (from 0), each group's share from the running
 * total (largest first; the shares have no order of their own, so this is only for reading),
 * then the scenario's figure, which the last share ends on exactly.
 */
export function waterfallSteps(d: Attribution, nameA: string, nameB: string): WaterfallStep[] {
  const parts = [...d.parts].sort(
    (x, y) => Math.abs(y.pence) - Math.abs(x.pence) || byText(x.group, y.group),
  );
  const steps: WaterfallStep[] = [
    {
      step: 0,
      kind: "baseline",
      group: "",
      label: `Baseline: ${nameA}`,
      params: [],
      startPence: 0,
      endPence: d.amountAPence,
      changePence: d.amountAPence,
      standardErrorPence: null,
    },
  ];
  let running = d.amountAPence;
  for (const p of parts) {
    steps.push({
      step: steps.length,
      kind: "part",
      group: p.group,
      label: p.label,
      params: p.params,
      startPence: running,
      endPence: running + p.pence,
      changePence: p.pence,
      standardErrorPence: p.standardErrorPence,
    });
    running += p.pence;
  }
  steps.push({
    step: steps.length,
    kind: "scenario",
    group: "",
    label: `Scenario: ${nameB}`,
    params: [],
    startPence: 0,
    endPence: d.amountBPence,
    changePence: d.amountBPence,
    standardErrorPence: null,
  });
  return steps;
}
