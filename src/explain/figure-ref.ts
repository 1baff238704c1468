import { didYouMean } from "../issues/did-you-mean.ts";
import type { Issue, Result } from "../issues/issue.ts";
import { quote } from "../issues/describe-value.ts";
import { MONTH_COUNT, type Ledger } from "../engine/ledger.ts";
import { MONEY_LINES, type MoneyLine } from "../engine/lines.ts";
import { periodMap, PERIODS, type Period } from "../engine/periods.ts";
import type { CrcRef } from "../engine/projection-inputs.ts";
import { ALL } from "../engine/roll-up.ts";

/**
 * A figure to explain, as the CLI and the site name it: a CRC id, an owner id or `ALL` (the
 * nation); a money line; a period label — a month ("2017-09"), a quarter ("2017-18 Q2"), a
 * financial year ("2017-18") or "total". Plain data: every node of an explanation carries one,
 * so the site can ask for any node to be expanded further.
 */
export interface FigureRef {
  readonly crc: string;
  readonly line: string;
  readonly period: string;
}

/** A checked figure: which CRCs (by ledger index) and months it sums. */
export interface ResolvedFigure {
  readonly crc: string;
  readonly owner: string;
  readonly scope: "crc" | "owner" | "nation";
  readonly line: MoneyLine;
  readonly period: string;
  readonly by: Period;
  readonly members: readonly number[];
  readonly months: readonly number[];
}

function periodOf(label: string): { by: Period; months: number[] } | undefined {
  for (const by of PERIODS) {
    const map = periodMap(by);
    const p = map.labels.indexOf(label);
    if (p < 0) continue;
    const months: number[] = [];
    map.ofMonth.forEach((q, m) => {
      if (q === p) months.push(m);
    });
    return { by, months };
  }
  return undefined;
}

function range(labels: readonly string[]): string {
  return `${labels[0]} … ${labels.at(-1)}`;
}

/** Allowed periods, for error messages. */
export const PERIOD_HELP = `months ${range(periodMap("month").labels)}, quarters "${range(periodMap("quarter").labels)}", financial years ${range(periodMap("fy").labels)}, or total`;

/** Check a figure against the ledger's CRCs and the timeline; every problem names the allowed values. */
export function resolveFigure(crcs: readonly CrcRef[], ref: FigureRef): Result<ResolvedFigure> {
  const issues: Issue[] = [];
  const owners = [...new Set(crcs.map((c) => c.ownerId))];
  const c = crcs.findIndex((x) => x.id === ref.crc);
  let scope: ResolvedFigure["scope"] = "nation";
  let owner = ALL;
  let members: number[] = crcs.map((_, i) => i);
  if (c >= 0) {
    scope = "crc";
    owner = crcs[c]!.ownerId;
    members = [c];
  } else if (owners.includes(ref.crc)) {
    scope = "owner";
    owner = ref.crc;
    members = crcs.flatMap((x, i) => (x.ownerId === ref.crc ? [i] : []));
  } else if (ref.crc !== ALL) {
    const names = [...crcs.map((x) => x.id), ...owners, ALL];
    issues.push({
      path: "crc",
      message: `unknown CRC ${quote(ref.crc)}${didYouMean(ref.crc, names)}; CRCs: ${crcs.map((x) => x.id).join(", ")}; owners: ${owners.join(", ")}; or ${ALL} for the nation`,
    });
  }
  const line = (MONEY_LINES as readonly string[]).includes(ref.line)
    ? (ref.line as MoneyLine)
    : undefined;
  if (line === undefined) {
    const quantity = ref.line === "fte" || ref.line === "workload_index";
    issues.push({
      path: "line",
      message: `${quantity ? "cannot explain" : "unknown"} line ${quote(ref.line)}${quantity ? " (not money)" : didYouMean(ref.line, MONEY_LINES)}; money lines: ${MONEY_LINES.join(", ")}`,
    });
  }
  const period = periodOf(ref.period);
  if (period === undefined) {
    issues.push({
      path: "period",
      message: `unknown period ${quote(ref.period)}; periods: ${PERIOD_HELP}`,
    });
  }
  if (issues.length > 0 || line === undefined || period === undefined) return { ok: false, issues };
  return {
    ok: true,
    value: {
      crc: ref.crc,
      owner,
      scope,
      line,
      period: ref.period,
      by: period.by,
      members,
      months: period.months,
    },
  };
}

/** The figure's value: an integer sum of ledger cells, as every roll-up is. */
export function figureAmount(ledger: Ledger, figure: ResolvedFigure): number {
  const column = ledger.money[figure.line];
  let sum = 0;
  for (const c of figure.members) {
    for (const m of figure.months) sum += column[c * MONTH_COUNT + m]!;
  }
  return sum;
}
