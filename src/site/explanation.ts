import { CONTRACT_MONTHS } from "../engine/timeline.ts";
import type { FigureNode, FigureStep } from "../explain/explain-figure.ts";
import type { FigureRef } from "../explain/figure-ref.ts";
import { formatFigureTree, formatPence } from "../explain/format-tree.ts";
import type { SourcedInput } from "../scenario/explain-with-sources.ts";
import { LINE_WORDS, lineWords } from "./line-words.ts";

/**
 * What the explanation panel (docs/components/explain-panel.js, issue #8) says about a figure,
 * as plain functions: names for figures and their parts, each input's status, value and source,
 * where each rule is described on the Methodology page, and the panel's text for a footnote.
 * The numbers are the engine's (`explainFigure`); nothing here computes money.
 */
export interface Names {
  readonly crcs: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  readonly owners: ReadonlyArray<{ readonly id: string; readonly name: string }>;
}

const MONTH_NAMES = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" ");

/** "ALL" → "All CRCs"; an owner → "Sodexo (all its CRCs)"; a CRC → its name. */
export function whoName(id: string, names: Names): string {
  if (id === "ALL") return "All CRCs";
  const crc = names.crcs.find((c) => c.id === id);
  if (crc) return crc.name;
  const owner = names.owners.find((o) => o.id === id);
  return owner ? `${owner.name} (all its CRCs)` : id;
}

/** "total" → "over the contract"; "2017-09" → "Sep 2017"; years and quarters as they are. */
export function periodName(period: string): string {
  if (period === "total") return "over the contract";
  const month = CONTRACT_MONTHS.find((m) => m.id === period);
  return month ? `${MONTH_NAMES[month.month - 1]} ${month.year}` : period;
}

/** "Wales: profit or loss, 2017-18". */
export function figureTitle(ref: FigureRef, names: Names): string {
  return `${whoName(ref.crc, names)}: ${lineWords(ref.line).inText}, ${periodName(ref.period)}`;
}

/** A part's name within its parent: a line, an owner, a CRC, a period, or a rule's flow. */
export function partLabel(node: FigureNode, parentStep: FigureStep, names: Names): string {
  switch (parentStep) {
    case "lines":
      return lineWords(node.ref.line).inText;
    case "owners":
    case "crcs":
      return whoName(node.ref.crc, names).replace(/ \(all its CRCs\)$/, "");
    case "years":
    case "months":
      return periodName(node.ref.period);
    default:
      return node.rule?.id ?? node.ref.line;
  }
}

/**
 * Where a rule's MODEL.md section (as the engine's `*_RULE.section` names it) is described on
 * the Methodology page (docs/methodology.md, whose headings follow MODEL.md's). MODEL.md
 * "Outputs" (totals, profit) and the roll-up rule are stated under "Money, rounding and signs".
 */
const METHODOLOGY: ReadonlyArray<readonly [string, string]> = [
  ["Time", "Time"],
  ["Income of a CRC in a month", "Income of a CRC in a month"],
  ["Costs of a CRC in a month", "Costs of a CRC in a month"],
  ["Workload and quality", "Workload and quality"],
  ["Outputs", "Money, rounding and signs"],
  ["Money and rounding", "Money, rounding and signs"],
];

/** A heading's anchor as Framework makes it: lower case, punctuation dropped, spaces as "-". */
export function headingAnchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, "")
    .trim()
    .replace(/\s+/g, "-");
}

export function methodologySection(section: string): { heading: string; anchor: string } {
  const quoted = /"([^"]+)"/.exec(section)?.[1];
  const heading = METHODOLOGY.find(([model]) => model === quoted)?.[1] ?? "Methodology";
  return { heading, anchor: heading === "Methodology" ? "" : headingAnchor(heading) };
}

/**
 * Each rule in words (issue #16), shown beside its equation: what a reader needs to follow the
 * sum without reading the engine. Keyed by the rule's id (`*_RULE.id`, a line for a total).
 */
const RULE_WORDS: Readonly<Record<string, string>> = {
  fee_for_service:
    "A twelfth of the CRC's annual price, less the learning-curve discount for each year since the start; the fixed share is paid in full, the variable share in proportion to the volume of work (in full inside the tolerance band, less by the shortfall outside it, capped above).",
  variation:
    "The 2017 variation's uplift: the fee worked out again with the higher fixed share agreed in the variation, minus the fee as let, times the variation's scale.",
  variation_payment:
    "Money paid above the contract before the variation started: the year's national payment times the scale, shared among the CRCs by bid price and spread over the months before the start.",
  guarantee:
    "The income floor: if the CRC's fees, variation and service credits fall short of the guaranteed share of its costs, the Ministry pays the difference; otherwise nothing.",
  pbr: "Payment by results for the cohort paid this month: the CRC's share of the national caseload times the price per point of each reduction in reoffending, after the deduction threshold.",
  service_credits:
    "Service credits (fines) deducted: the national gross amount less the share waived, split among the CRCs by bid price, raised by any workload feedback, a twelfth each month.",
  ict_compensation:
    "ICT compensation: the national total split among the CRCs by bid price, paid in one month.",
  termination:
    "Termination payment on an early end: the set number of months of the annual price, paid in the final month.",
  staff_cost:
    "Staff in post (FTE) times the loaded cost per FTE, raised by pay awards since 2015, a twelfth each month.",
  redundancy_cost:
    "Staff leaving by redundancy this month times a week's pay times the weeks per year of service (up to the cap), less the share met by the Modernisation Fund.",
  non_staff_cost:
    "The bid's cost base (the price less its margin), its fixed part plus its variable part scaled by the volume of work, plus the inherited cost gap not yet saved.",
  fte: "Staff in post: June 2014 staffing moving towards June 2017's, scaled by the staff-cut lever, over the first 28 months.",
  caseload: "People supervised: the 2014 caseload grown by the caseload growth over two years.",
  workload_index: "Caseload per FTE as a share of the 2014 norm.",
  income_total: "Income: the sum of the income lines below.",
  cost_total: "Costs: staff, redundancy and other costs added up.",
  profit: "Profit or loss: income minus costs.",
  "sum of owners": "The total of each owner's CRCs below.",
  "sum of CRCs": "The total of each CRC below.",
  "sum of years": "The total of each financial year below.",
  "sum of months": "The total of each month below.",
};

/** A rule in words, for the text beside its equation. */
export function ruleWords(rule: { readonly id: string }): string {
  return RULE_WORDS[rule.id] ?? `The total of the ${lineWords(rule.id).inText} parts below.`;
}

/** Names of the engine's intermediate inputs (not data rows) in words. */
const INPUT_WORDS: Readonly<Record<string, string>> = {
  discountYears: "Years of learning-curve discount so far",
  crcPence: "This CRC's share of the payment",
  nationalPence: "National payment for the year",
  months: "Months the payment is spread over",
  costTotalPence: "The CRC's costs this month",
  feeIncomePence: "Fees, variation and service credits this month",
  crcCaseload: "This CRC's caseload",
  totalCaseload: "National caseload",
  feedbackPenaltyPts: "Workload feedback on PbR (points)",
  crcWeight: "This CRC's bid price (its weight)",
  totalWeight: "All CRCs' bid prices",
  feedbackUplift: "Workload feedback on service credits",
  fte: "Staff in post (FTE)",
  payIndex: "Pay index (1 = 2015 pay)",
  fteReduction: "Fall in staff this month (FTE)",
  transformationPhase: "Share of the inherited cost gap still to save",
  shortfallShare: "Volume shortfall this year",
};

/**
 * An input's name for a reader: a data row's label (from data/parameters.csv) when it reads a
 * parameter, else the engine intermediate in words; the engine's variable name only if neither.
 */
export function inputLabel(
  input: SourcedInput,
  labelOf: (param: string) => string | undefined,
): string {
  const fromData = input.param === undefined ? undefined : labelOf(input.param);
  return fromData || INPUT_WORDS[input.name] || input.name;
}

export type InputStatus = "sourced" | "derived" | "assumed" | "fitted" | "scenario" | "computed";

/**
 * An input's status: a data row's (sourced / derived / assumed / fitted), "scenario" when this scenario
 * set it, "derived" for a value the engine derives from parameters (the effective shortfall),
 * and "computed" for an intermediate of the rule (FTE that month, the pay index, a total).
 */
export function inputStatus(input: SourcedInput): InputStatus {
  const s = input.source;
  if (s === undefined) return "computed";
  if (s.kind === "scenario") return "scenario";
  if (s.kind === "derived") return "derived";
  return s.status === "sourced" || s.status === "assumed" || s.status === "fitted"
    ? s.status
    : "derived";
}

/** Where an input's value came from, in words, and the row's reason where it has one. */
export function inputSource(
  input: SourcedInput,
  citationOf: (sourceId: string) => string | undefined,
): { readonly source: string; readonly reason: string } {
  const s = input.source;
  if (s === undefined) return { source: "computed by the rule from the inputs above", reason: "" };
  if (s.kind === "scenario") return { source: `set by this scenario (${s.path})`, reason: "" };
  if (s.kind === "derived") return { source: s.note, reason: "" };
  const cited = s.sourceId ? (citationOf(s.sourceId) ?? s.sourceId) : "";
  const where = s.locator ? `${cited ? `${cited}, ` : ""}${s.locator}` : cited;
  return {
    source: where || "no published source: an assumption, with its reason",
    reason: s.reason,
  };
}

const groupThousands = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/** At most 6 significant digits, marked "≈" when that drops any. */
function roundedText(text: string): string {
  const n = Number(text);
  if (!Number.isFinite(n)) return text;
  const short = String(Number(n.toPrecision(6)));
  return short === text || Number(short) === n ? short : `≈ ${short}`;
}

/**
 * An input's value for a reader: money in pounds (engine money is in pence: names ending in
 * "Pence"), shares as per cents, months by name, long decimals rounded (the exact text is shown
 * beside it). `unitOf` gives a parameter's unit from data/parameters.csv.
 */
export function inputValueText(
  input: SourcedInput,
  unitOf: (param: string) => string | undefined,
): string {
  const unit = input.param === undefined ? undefined : unitOf(input.param);
  const v = input.value;
  if (/Pence$/.test(input.name) || unit?.startsWith("GBP")) {
    if (/^-?\d+$/.test(v)) return formatPence(Number(v));
    const n = Number(v);
    return `≈ ${n < 0 ? "−" : ""}£${groupThousands(Math.abs(n / 100).toFixed(2))}`;
  }
  if (unit === "date_month") return CONTRACT_MONTHS[Number(v)]?.id ?? v;
  if (unit === "share") return `${roundedText(String(Number(v) * 100))}%`;
  return roundedText(v);
}

/** The node at `path` (indexes into `parts`, from the root). */
export function nodeAt(root: FigureNode, path: readonly number[]): FigureNode | undefined {
  let node: FigureNode | undefined = root;
  for (const i of path) node = node?.parts[i];
  return node;
}

/**
 * The tree with the node at `path` replaced by its expansion (asked for by its ref). The
 * expansion comes back as a root (sign +1); it keeps the sign it has in its parent.
 */
export function graft(root: FigureNode, path: readonly number[], expanded: FigureNode): FigureNode {
  if (path.length === 0) return { ...expanded, sign: root.sign };
  const [head, ...rest] = path as [number, ...number[]];
  const parts = root.parts.map((p, i) => (i === head ? graft(p, rest, expanded) : p));
  return { ...root, parts };
}

export interface ExplanationTextOptions {
  readonly title: string;
  readonly scenario: string;
  /** The address that reopens this explanation. */
  readonly link: string;
  /** The address that explains a part not expanded here. */
  readonly linkFor: (ref: FigureRef) => string;
}

/** The panel as text for a footnote: the figure, the scenario, the tree as far as it is open, the link. */
export function explanationText(root: FigureNode, o: ExplanationTextOptions): string {
  return [
    `${o.title}: ${formatPence(root.amountPence)}`,
    `Scenario: ${o.scenario}`,
    "",
    formatFigureTree(root, { expandHint: o.linkFor }).trimEnd(),
    "",
    `Computed by crc-scenarios (a model, not published accounts): ${o.link}`,
    "",
  ].join("\n");
}

/**
 * The figure behind a Compare page metric (src/site/compare.ts METRICS): MoJ spend is the
 * nation's income, "CRCs' profit or loss" its profit, and each line its contract total. The
 * count of loss-making CRCs is not a money figure: null.
 */
export function compareMetricFigure(metric: string): FigureRef | null {
  const line =
    metric === "moj_spend"
      ? "income_total"
      : metric === "crc_profit"
        ? "profit"
        : Object.hasOwn(LINE_WORDS, metric)
          ? metric
          : null;
  return line === null ? null : { crc: "ALL", line, period: "total" };
}
