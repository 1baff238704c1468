import type { Ledger } from "../engine/ledger.ts";
import type { Period } from "../engine/periods.ts";
import { rollUp, type TidyRow } from "../engine/roll-up.ts";
import type { Projection } from "./project-scenario.ts";
import type { ScenarioIssue } from "./scenario-issue.ts";
import { summarize, type Summary } from "./summarize.ts";

/**
 * A projection as plain, structured-cloneable data for the worker boundary (no functions, no
 * decimal.js values): money in integer pence (safe integers), the ledger as typed arrays.
 */
export interface PlainProjection {
  readonly hash: string;
  readonly scenarioId: string | null;
  readonly lineage: readonly string[];
  readonly warnings: readonly ScenarioIssue[];
  readonly summary: Summary;
  readonly rows: readonly TidyRow[];
  readonly ledger: Ledger;
}

export function toPlainProjection(projection: Projection, by: Period = "fy"): PlainProjection {
  const { scenario, ledger, warnings } = projection;
  const id = scenario.merged.id ?? null;
  return {
    hash: scenario.hash,
    scenarioId: id,
    lineage: scenario.merged.lineage,
    warnings,
    summary: summarize(ledger, id, scenario.hash),
    rows: rollUp(ledger, by),
    ledger,
  };
}
