import type { SourcedInput } from "../scenario/explain-with-sources.ts";
import { keptTogetherText } from "./coupled-parameters.ts";
import type { DeltaExplanation } from "./explain-delta.ts";
import type { FigureNode, FigureStep } from "./explain-figure.ts";
import type { FigureRef } from "./figure-ref.ts";

/** Whole pence as pounds: 123456 → "£1,234.56", −5 → "−£0.05". */
export function formatPence(pence: number): string {
  const abs = Math.abs(pence);
  const pounds = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const text = `£${pounds}.${String(abs % 100).padStart(2, "0")}`;
  return pence < 0 ? `−${text}` : text;
}

function formatSource(input: SourcedInput): string {
  const s = input.source;
  if (s === undefined) return input.param === undefined ? "computed" : "";
  if (s.kind === "scenario") return `scenario: ${s.path}`;
  if (s.kind === "derived") return `derived: ${s.note}`;
  if (s.sourceId === "")
    return `${s.status}${s.reason ? `: ${s.reason}` : ""} (data/parameters.csv line ${s.row})`;
  return `${s.status}: ${s.sourceId}${s.locator ? ` (${s.locator})` : ""}`;
}

function formatInput(input: SourcedInput): string {
  const param =
    input.param === undefined ? "" : ` [${input.param}${input.fy ? ` ${input.fy}` : ""}]`;
  const source = formatSource(input);
  return `${input.name} = ${input.value}${param}${source ? ` — ${source}` : ""}`;
}

/** What tells a part apart from its siblings, by how its parent was broken down. */
function labelOf(node: FigureNode, step: FigureStep | undefined): string {
  const { crc, line, period } = node.ref;
  switch (step) {
    case undefined:
      return `${crc} · ${line} · ${period}`;
    case "lines":
      return line;
    case "owners":
    case "crcs":
      return crc;
    case "years":
    case "months":
      return period;
    default:
      return node.rule?.id ?? line;
  }
}

export interface FormatTreeOptions {
  /** Fold parts worth £0.00 into one line (default true). */
  readonly foldZeros?: boolean;
  /** How to ask for a truncated node (the CLI names its command). */
  readonly expandHint?: (ref: FigureRef) => string;
}

const quote = (s: string) => (/\s/.test(s) ? `"${s}"` : s);

/** "alpha fee_for_service 2017-18": a figure as CLI arguments. */
export function refArguments(ref: FigureRef): string {
  return [ref.crc, ref.line, ref.period].map(quote).join(" ");
}

/**
 * An explanation as an indented text tree: each node's amount and how it is computed, each
 * cell's rule (MODEL.md section, equation) and inputs with their sources. Parts enter their
 * parent with the sign shown (+ or −), so each level adds up to the line above it.
 */
export function formatFigureTree(root: FigureNode, options: FormatTreeOptions = {}): string {
  const fold = options.foldZeros ?? true;
  const hint = options.expandHint ?? refArguments;
  const lines: string[] = [];
  const visit = (node: FigureNode, step: FigureStep | undefined, lead: string, rest: string) => {
    const sign = step === undefined ? "" : node.sign < 0 ? "− " : "+ ";
    // Roll-ups all follow one rule (integer sums of cells); cite sections for the rest.
    const cite = node.rule && !node.rule.id.startsWith("sum of") ? `  {${node.rule.section}}` : "";
    const how = node.rule ? ` = ${node.rule.equation}${cite}` : "";
    const note = node.note ? `  (${node.note})` : "";
    lines.push(
      `${lead}${sign}${labelOf(node, step)}: ${formatPence(node.amountPence)}${how}${note}`,
    );
    const shown = fold ? node.parts.filter((p) => p.amountPence !== 0) : node.parts;
    const zeros = node.parts.length - shown.length;
    const tail = [
      ...node.inputs.map((i) => `· ${formatInput(i)}`),
      ...(node.truncated ? [`… parts not shown: ${hint(node.ref)}`] : []),
      ...(zeros > 0 ? [`… ${zeros} part${zeros === 1 ? "" : "s"} of £0.00`] : []),
    ];
    const children = shown.length + tail.length;
    shown.forEach((part, i) => {
      const last = i === children - 1;
      visit(part, node.step, `${rest}${last ? "└─ " : "├─ "}`, `${rest}${last ? "   " : "│  "}`);
    });
    tail.forEach((t, i) => {
      lines.push(`${rest}${shown.length + i === children - 1 ? "└─ " : "├─ "}${t}`);
    });
  };
  visit(root, undefined, "", "");
  return lines.join("\n") + "\n";
}

/** A delta decomposition as text: the figure in A and B, each parameter's share, the interaction. */
export function formatDelta(d: DeltaExplanation, nameA = "A", nameB = "B"): string {
  const { crc, line, period } = d.ref;
  const out = [
    `${crc} · ${line} · ${period}`,
    `${nameA}: ${formatPence(d.amountAPence)}`,
    `${nameB}: ${formatPence(d.amountBPence)}`,
    `difference (${nameB} − ${nameA}): ${formatPence(d.deltaPence)}`,
    `switching each changed parameter from ${nameA} to ${nameB} ${d.method === "sequential" ? "cumulatively" : "alone"}, in order (${d.order}):`,
    ...d.parts.map(
      (p) =>
        `  ${p.param}: ${formatPence(p.effectPence)}  (${p.from} → ${p.to}; ${p.changedValues} CRC-year value${p.changedValues === 1 ? "" : "s"})${p.keptTogether === undefined ? "" : `\n    ${keptTogetherText(p.keptTogether, nameA, nameB)}`}`,
    ),
    `  interaction (the rest): ${formatPence(d.interactionPence)}`,
  ];
  if (d.parts.length === 0) out.splice(5, 0, "  (no parameter differs)");
  return out.join("\n") + "\n";
}
