import { didYouMean } from "../issues/did-you-mean.ts";
import type { Issue, WarnedResult } from "../issues/issue.ts";
import { quote } from "../issues/describe-value.ts";
import { MONEY_LINES, type MoneyLine } from "../engine/lines.ts";
import { MONTH_COUNT, type Ledger } from "../engine/ledger.ts";
import type { CrcRef } from "../engine/projection-inputs.ts";
import { FINANCIAL_YEARS, FY_INDEX_BY_MONTH } from "../engine/timeline.ts";

/** Whose money: the nation (all 21 CRCs), one CRC, or one owner's CRCs. */
export type OutputScope =
  | { readonly kind: "national" }
  | { readonly kind: "crc"; readonly id: string }
  | { readonly kind: "owner"; readonly id: string };

/**
 * The one number a sensitivity analysis follows: a money line summed over a scope and a period
 * (the whole contract, or one financial year). MoJ spend is `income_total` for the nation
 * (every income line is paid by MoJ; src/engine/README.md "Income").
 */
export interface OutputSpec {
  readonly scope: OutputScope;
  readonly line: MoneyLine;
  /** "contract" (Feb 2015 – Mar 2022), or a financial year such as "2017-18". */
  readonly period: string;
}

/** National contract-life profit: the default output. */
export const NATIONAL_PROFIT: OutputSpec = {
  scope: { kind: "national" },
  line: "profit",
  period: "contract",
};

/** The text forms of an output, as the CLI and a worker request write them. */
export interface OutputText {
  /** "national" (default), "moj" (national income_total), "crc:<id>" or "owner:<id>". */
  readonly output?: string;
  /** A money line (default profit; income_total for "moj"). */
  readonly line?: string;
  /** "contract" (default) or a financial year 2014-15 … 2021-22. */
  readonly period?: string;
}

/**
 * Read an output from its text form, checking the CRC or owner, line and year against the
 * projection's CRCs. Every problem names the field and what is allowed.
 */
export function parseOutputSpec(
  text: OutputText,
  crcs: readonly CrcRef[],
): WarnedResult<OutputSpec> {
  const issues: Issue[] = [];
  const raw = text.output ?? "national";
  let scope: OutputScope = { kind: "national" };
  let impliedLine: MoneyLine | undefined;
  const crcIds = crcs.map((c) => c.id);
  const ownerIds = [...new Set(crcs.map((c) => c.ownerId))];
  const [kind, id, ...extra] = raw.split(":");
  if (raw === "national") scope = { kind: "national" };
  else if (raw === "moj") impliedLine = "income_total";
  else if ((kind === "crc" || kind === "owner") && id !== undefined && extra.length === 0) {
    const known = kind === "crc" ? crcIds : ownerIds;
    if (known.includes(id)) scope = { kind, id };
    else
      issues.push({
        path: "output",
        message: `unknown ${kind} ${quote(id)}${didYouMean(id, known)}; ${kind}s: ${known.join(", ")}`,
      });
  } else {
    issues.push({
      path: "output",
      message: `${quote(raw)} is not an output; use national, moj, crc:<id> or owner:<id>`,
    });
  }
  const lineText = text.line ?? impliedLine ?? "profit";
  if (impliedLine !== undefined && lineText !== impliedLine)
    issues.push({
      path: "line",
      message: `"moj" is MoJ spend (income_total); it cannot be combined with line ${lineText}`,
    });
  if (!(MONEY_LINES as readonly string[]).includes(lineText))
    issues.push({
      path: "line",
      message: `${quote(lineText)} is not a money line${didYouMean(lineText, MONEY_LINES)}; lines: ${MONEY_LINES.join(", ")}`,
    });
  const period = text.period ?? "contract";
  if (period !== "contract" && !FINANCIAL_YEARS.includes(period))
    issues.push({
      path: "period",
      message: `${quote(period)} is not a period; use contract or a financial year ${FINANCIAL_YEARS[0]} to ${FINANCIAL_YEARS[FINANCIAL_YEARS.length - 1]}`,
    });
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { scope, line: lineText as MoneyLine, period }, warnings: [] };
}

/**
 * Check an output given as an object (e.g. from a worker request) the way `parseOutputSpec`
 * checks its text form, so a bad CRC, owner, line or year is an issue, not a throw.
 */
export function checkOutputSpec(
  spec: OutputSpec,
  crcs: readonly CrcRef[],
): WarnedResult<OutputSpec> {
  const scope = spec?.scope;
  if (
    typeof scope !== "object" ||
    scope === null ||
    !["national", "crc", "owner"].includes(scope.kind)
  )
    return {
      ok: false,
      issues: [
        {
          path: "output",
          message: 'scope must be {kind: "national"}, {kind: "crc", id} or {kind: "owner", id}',
        },
      ],
    };
  const output = scope.kind === "national" ? "national" : `${scope.kind}:${String(scope.id)}`;
  return parseOutputSpec({ output, line: String(spec.line), period: String(spec.period) }, crcs);
}

/** A short label, e.g. "profit, national, contract life" or "income_total, crc london, 2017-18". */
export function describeOutput(spec: OutputSpec): string {
  const who = spec.scope.kind === "national" ? "national" : `${spec.scope.kind} ${spec.scope.id}`;
  const what =
    spec.scope.kind === "national" && spec.line === "income_total" ? "MoJ spend" : spec.line;
  const when = spec.period === "contract" ? "contract life" : spec.period;
  return `${what}, ${who}, ${when}`;
}

/**
 * A compiled output: the CRC indices and month range to sum, so the hot loops of a tornado or a
 * grid add up one line without looking anything up.
 */
export interface OutputSelector {
  readonly spec: OutputSpec;
  readonly crcIndices: Int32Array;
  readonly firstMonth: number;
  readonly lastMonth: number;
}

export function selectOutput(spec: OutputSpec, crcs: readonly CrcRef[]): OutputSelector {
  const indices: number[] = [];
  crcs.forEach((crc, c) => {
    const { scope } = spec;
    if (
      scope.kind === "national" ||
      (scope.kind === "crc" && crc.id === scope.id) ||
      (scope.kind === "owner" && crc.ownerId === scope.id)
    )
      indices.push(c);
  });
  if (indices.length === 0) throw new Error(`output ${describeOutput(spec)} selects no CRC`);
  let firstMonth = 0;
  let lastMonth = MONTH_COUNT - 1;
  if (spec.period !== "contract") {
    const y = FINANCIAL_YEARS.indexOf(spec.period);
    if (y < 0) throw new Error(`no financial year ${spec.period}`);
    firstMonth = FY_INDEX_BY_MONTH.indexOf(y);
    lastMonth = FY_INDEX_BY_MONTH.lastIndexOf(y);
  }
  return { spec, crcIndices: Int32Array.from(indices), firstMonth, lastMonth };
}

/**
 * The output's value in whole pence: an integer sum of the ledger's cells (each a whole number
 * of pence), so it is exact in float64 and equal for the exact and float ledgers when their
 * cells are.
 */
export function outputPence(ledger: Ledger, selector: OutputSelector): number {
  const cells = ledger.money[selector.spec.line];
  let sum = 0;
  for (const c of selector.crcIndices) {
    const base = c * MONTH_COUNT;
    for (let m = selector.firstMonth; m <= selector.lastMonth; m++) sum += cells[base + m]!;
  }
  return sum;
}
