import { explainCell, type ExplainedInput, type Explanation } from "../engine/explain-cell.ts";
import type { Ledger } from "../engine/ledger.ts";
import type { MoneyLine } from "../engine/lines.ts";
import { FINANCIAL_YEARS } from "../engine/timeline.ts";
import type { ResolvedScenario } from "./validate-scenario.ts";

/** Where a parameter's value came from, as plain data (it crosses the worker boundary). */
export type InputSource =
  | { readonly kind: "scenario"; readonly path: string }
  | {
      readonly kind: "data";
      readonly status: string;
      readonly sourceId: string;
      readonly locator: string;
      readonly reason: string;
      /** Line of data/parameters.csv. */
      readonly row: number;
    }
  | { readonly kind: "derived"; readonly note: string };

export interface SourcedInput extends ExplainedInput {
  readonly source?: InputSource;
}

export interface SourcedExplanation extends Omit<Explanation, "inputs" | "parts"> {
  readonly inputs: readonly SourcedInput[];
  readonly parts: readonly SourcedExplanation[];
}

/**
 * "Explain this number" with provenance: `explainCell`, plus for every parameter input where
 * its value came from (a data row with its status and source, or the scenario's path). Plain
 * data, safe to send from a worker.
 */
export function explainWithSources(
  scenario: ResolvedScenario,
  ledger: Ledger,
  line: MoneyLine,
  crc: number,
  month: number,
): SourcedExplanation {
  return annotate(scenario, crc, explainCell(scenario.inputs, ledger, line, crc, month));
}

function annotate(scenario: ResolvedScenario, crc: number, e: Explanation): SourcedExplanation {
  return {
    ...e,
    inputs: e.inputs.map((input) => {
      if (input.param === undefined) return input;
      const fy = input.fy === undefined ? 0 : Math.max(0, FINANCIAL_YEARS.indexOf(input.fy));
      const origin = scenario.origin(input.param, crc, fy);
      let source: InputSource;
      if (origin === undefined) {
        source = {
          kind: "derived",
          note:
            input.param === "volume.shortfall"
              ? "from volume.shortfall.<year> and volume.shortfallTrend (src/engine/effective-shortfall.ts)"
              : "computed from other parameters",
        };
      } else if (origin.kind === "scenario") source = origin;
      else {
        const r = origin.row;
        source = {
          kind: "data",
          status: r.status,
          sourceId: r.sourceId,
          locator: r.locator,
          reason: r.reason,
          row: r.row,
        };
      }
      return { ...input, source };
    }),
    parts: e.parts.map((part) => annotate(scenario, crc, part)),
  };
}
