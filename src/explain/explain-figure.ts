import type { Result } from "../issues/issue.ts";
import type { RuleRef } from "../engine/explain-cell.ts";
import type { Ledger } from "../engine/ledger.ts";
import { COST_LINES, INCOME_LINES, type MoneyLine } from "../engine/lines.ts";
import { periodMap } from "../engine/periods.ts";
import { CONTRACT_MONTHS } from "../engine/timeline.ts";
import {
  explainWithSources,
  type SourcedExplanation,
  type SourcedInput,
} from "../scenario/explain-with-sources.ts";
import type { ResolvedScenario } from "../scenario/validate-scenario.ts";
import { figureAmount, resolveFigure, type FigureRef, type ResolvedFigure } from "./figure-ref.ts";

/** How a node is broken into its parts, from the top of a tree down to one rule's inputs. */
export type FigureStep = "lines" | "owners" | "crcs" | "years" | "months" | "rule" | "parts";

/**
 * One figure and why it has its value (issue #8). A branch is an integer sum of its parts, each
 * with a sign (+1, or −1 for costs in profit): Σ sign × part = amountPence, to the penny. A leaf
 * is one CRC × month × line, explained by `explainCell` — the rule, its MODEL.md section and
 * equation, and every input with its value and source — which recomputes the pence with the
 * same builders and rules as the projection. Plain data (structured-cloneable).
 */
export interface FigureNode {
  /** The figure this node is; ask `explainFigure` for it to expand a truncated node. */
  readonly ref: FigureRef;
  readonly owner: string;
  readonly amountPence: number;
  /** How this node enters its parent's sum. */
  readonly sign: 1 | -1;
  /** What the parts are: lines of a total, owners, CRCs, years, months, or a rule's parts. */
  readonly step: FigureStep;
  readonly rule: RuleRef | null;
  readonly inputs: readonly SourcedInput[];
  readonly note?: string;
  readonly parts: readonly FigureNode[];
  /** True when the parts were left out (depth limit). */
  readonly truncated: boolean;
}

export interface ExplainFigureOptions {
  /** Levels of parts to include below the root (default: all, down to every rule). */
  readonly depth?: number;
}

const OUTPUTS = 'MODEL.md "Outputs"';
const ROLL_UP = 'src/engine/README.md "Money and rounding" (roll-ups are integer sums of cells)';

interface Breakdown {
  readonly step: FigureStep;
  readonly rule: RuleRef;
  readonly parts: readonly { ref: FigureRef; sign: 1 | -1 }[];
}

/** The one next step down for a figure: lines first, then owners and CRCs, then time. */
function breakdownOf(ledger: Ledger, f: ResolvedFigure): Breakdown | undefined {
  const at = (crc: string, line: string, period: string) => ({ crc, line, period });
  if (f.line === "profit") {
    return {
      step: "lines",
      rule: { id: "profit", section: OUTPUTS, equation: "income_total − cost_total" },
      parts: [
        { ref: at(f.crc, "income_total", f.period), sign: 1 },
        { ref: at(f.crc, "cost_total", f.period), sign: -1 },
      ],
    };
  }
  if (f.line === "income_total" || f.line === "cost_total") {
    const lines: readonly MoneyLine[] = f.line === "income_total" ? INCOME_LINES : COST_LINES;
    return {
      step: "lines",
      rule: { id: f.line, section: OUTPUTS, equation: lines.join(" + ") },
      parts: lines.map((l) => ({ ref: at(f.crc, l, f.period), sign: 1 as const })),
    };
  }
  if (f.scope === "nation") {
    const owners = [...new Set(ledger.crcs.map((c) => c.ownerId))];
    return {
      step: "owners",
      rule: { id: "sum of owners", section: ROLL_UP, equation: owners.join(" + ") },
      parts: owners.map((o) => ({ ref: at(o, f.line, f.period), sign: 1 as const })),
    };
  }
  if (f.scope === "owner") {
    const ids = f.members.map((c) => ledger.crcs[c]!.id);
    return {
      step: "crcs",
      rule: { id: "sum of CRCs", section: ROLL_UP, equation: ids.join(" + ") },
      parts: ids.map((id) => ({ ref: at(id, f.line, f.period), sign: 1 as const })),
    };
  }
  if (f.by === "total") {
    const years = periodMap("fy").labels;
    return {
      step: "years",
      rule: { id: "sum of years", section: ROLL_UP, equation: `${years[0]} + … + ${years.at(-1)}` },
      parts: years.map((y) => ({ ref: at(f.crc, f.line, y), sign: 1 as const })),
    };
  }
  if (f.by === "fy" || f.by === "quarter") {
    const ids = f.months.map((m) => CONTRACT_MONTHS[m]!.id);
    return {
      step: "months",
      rule: { id: "sum of months", section: ROLL_UP, equation: `${ids[0]} + … + ${ids.at(-1)}` },
      parts: ids.map((id) => ({ ref: at(f.crc, f.line, id), sign: 1 as const })),
    };
  }
  return undefined;
}

function fromCell(ref: FigureRef, owner: string, e: SourcedExplanation, sign: 1 | -1): FigureNode {
  const profit = e.rule?.id === "profit";
  return {
    ref,
    owner,
    amountPence: e.amountPence,
    sign,
    step: e.parts.length > 0 ? "parts" : "rule",
    rule: e.rule,
    inputs: e.inputs,
    ...(e.note === undefined ? {} : { note: e.note }),
    parts: e.parts.map((p, i) =>
      fromCell({ ...ref, line: p.line }, owner, p, profit && i === 1 ? -1 : 1),
    ),
    truncated: false,
  };
}

function explainResolved(
  scenario: ResolvedScenario,
  ledger: Ledger,
  f: ResolvedFigure,
  sign: 1 | -1,
  depth: number,
): FigureNode {
  const ref = { crc: f.crc, line: f.line, period: f.period };
  const breakdown = breakdownOf(ledger, f);
  if (breakdown === undefined) {
    // One CRC, one month, one line: the rule itself.
    const e = explainWithSources(scenario, ledger, f.line, f.members[0]!, f.months[0]!);
    return fromCell(ref, f.owner, e, sign);
  }
  const node = {
    ref,
    owner: f.owner,
    amountPence: figureAmount(ledger, f),
    sign,
    step: breakdown.step,
    rule: breakdown.rule,
    inputs: [],
  };
  if (depth <= 0) return { ...node, parts: [], truncated: true };
  const parts = breakdown.parts.map(({ ref: child, sign: s }) => {
    const resolved = resolveFigure(ledger.crcs, child);
    if (!resolved.ok) throw new Error(`explainFigure: bad child ${JSON.stringify(child)}`);
    return explainResolved(scenario, ledger, resolved.value, s, depth - 1);
  });
  return { ...node, parts, truncated: false };
}

/**
 * Explain a figure of a projection — a CRC's, an owner's or the nation's money line in a month,
 * quarter, financial year or the whole contract — as a tree: totals into their lines, the nation
 * into owners, an owner into CRCs, the contract into years, a year or quarter into months, and a
 * CRC-month into its rule and inputs. An unknown CRC, line or period is an issue naming the
 * allowed values.
 */
export function explainFigure(
  scenario: ResolvedScenario,
  ledger: Ledger,
  ref: FigureRef,
  options: ExplainFigureOptions = {},
): Result<FigureNode> {
  const resolved = resolveFigure(ledger.crcs, ref);
  if (!resolved.ok) return resolved;
  return {
    ok: true,
    value: explainResolved(scenario, ledger, resolved.value, 1, options.depth ?? Infinity),
  };
}
