import type { Line } from "../engine/lines.ts";

/**
 * How the site names each ledger line (issue #13 item 5): one record, so a line added to the
 * engine without its words fails to compile, and a chart's legend, a sentence and a table of
 * outputs say the same thing ("Termination payment", "termination payment", "Income:
 * termination payment"), where three files had three wordings.
 */
export interface LineWords {
  /** On its own, as a legend, a column or a picker shows it: "Termination payment". */
  readonly label: string;
  /** Inside a sentence: "Wales: termination payment, 2017-18". */
  readonly inText: string;
  /** In a table of outputs, with its side of the ledger: "Income: termination payment". */
  readonly inTable: string;
}

const income = (inText: string): LineWords => ({
  label: inText.charAt(0).toUpperCase() + inText.slice(1),
  inText,
  inTable: `Income: ${inText}`,
});

const cost = (what: string): LineWords => ({
  label: `${what.charAt(0).toUpperCase() + what.slice(1)} costs`,
  inText: `${what} costs`,
  inTable: `Costs: ${what}`,
});

export const LINE_WORDS: Readonly<Record<Line, LineWords>> = {
  fee_for_service: income("fee for service"),
  variation: income("2017 variation"),
  guarantee: income("guarantee"),
  pbr: income("payment by results"),
  service_credits: income("service credits"),
  ict_compensation: income("ICT compensation"),
  termination: income("termination payment"),
  income_total: { label: "Income", inText: "income", inTable: "Income: total" },
  staff_cost: cost("staff"),
  redundancy_cost: cost("redundancy"),
  non_staff_cost: cost("non-staff"),
  cost_total: { label: "Costs", inText: "costs", inTable: "Costs: total" },
  profit: { label: "Profit or loss", inText: "profit or loss", inTable: "Profit or loss" },
  fte: { label: "Staff (FTE)", inText: "staff in post (FTE)", inTable: "Staff in post (FTE)" },
  workload_index: {
    label: "Workload index",
    inText: "workload index",
    inTable: "Workload index (100 = the 2014 norm)",
  },
};

/** A line's words, or the id itself for a name that is not a line (from an address, say). */
export function lineWords(line: string): LineWords {
  return Object.hasOwn(LINE_WORDS, line)
    ? LINE_WORDS[line as Line]
    : { label: line, inText: line, inTable: line };
}

/** `{line: label}` for every line, as charts' legends and pickers look a label up. */
export const LINE_LABELS: Readonly<Record<Line, string>> = Object.fromEntries(
  Object.entries(LINE_WORDS).map(([line, words]) => [line, words.label]),
) as Record<Line, string>;

/** `{line: words in a sentence}` for every line. */
export const LINE_IN_TEXT: Readonly<Record<Line, string>> = Object.fromEntries(
  Object.entries(LINE_WORDS).map(([line, words]) => [line, words.inText]),
) as Record<Line, string>;
