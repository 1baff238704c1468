import type { Summary } from "../scenario/summarize.ts";

import { millions } from "../engine/format-millions.ts";
import { monthName } from "./unit-text.ts";

export { millions };

/**
 * A period as a reader reads it: a financial year stays "2017-18"; a month is named, "February
 * 2016", not "2016-02", which reads like a financial year (issue #16). The two cannot be confused
 * here: a financial year's second part is the next year's last two digits.
 */
export function periodText(period: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (!m) return period;
  return Number(m[2]) === (Number(m[1]) + 1) % 100 ? period : monthName(period);
}

interface ReadingInput {
  readonly summary: Summary;
  /** Display names by CRC id. */
  readonly names: ReadonlyMap<string, string>;
  readonly scenarioTitle: string | null;
  /** The most MoJ expected to pay as let: figure contract.maxPaymentsAsLet (NAO HC 676). */
  readonly maxPaymentsPence: number;
  /** The financial year in which the nation's cumulative position is lowest, and that position. */
  readonly trough?: { readonly period: string; readonly pence: number };
}

/**
 * A one-paragraph, plain-English reading of a projection's headline numbers, for the Overview.
 * Every number in it comes from what it is given; nothing is hard-coded.
 */
export function plainReading({
  summary,
  names,
  scenarioTitle,
  maxPaymentsPence,
  trough,
}: ReadingInput): string {
  const spend = summary.mojSpendPence;
  const share = Math.round((100 * spend) / maxPaymentsPence);
  const profit = summary.crcProfitPence;
  const losers = summary.crcs
    .filter((c) => c.profitPence < 0)
    .sort((a, b) => a.profitPence - b.profitPence);
  const parts: string[] = [];
  parts.push(
    `Under ${scenarioTitle ? `“${scenarioTitle}”` : "this scenario"}, the Ministry pays the 21 CRCs ${millions(spend)} ` +
      `from 2014-15 to 2021-22, ${share}% of the ${millions(maxPaymentsPence)} it expected to pay at most when the contracts were let.`,
  );
  parts.push(
    profit >= 0
      ? `Taken together the CRCs make a profit of ${millions(profit)} over the contract`
      : `Taken together the CRCs lose ${millions(profit)} over the contract`,
  );
  if (losers.length === 0) {
    parts[1] += ", and none of them makes a loss.";
  } else {
    const worst = losers[0]!;
    const range =
      losers.length > 1
        ? `, between ${millions(losers.at(-1)!.profitPence)} and ${millions(worst.profitPence)} each`
        : "";
    parts[1] +=
      `; ${losers.length} of the 21 lose money${range}, ${millions(losers.reduce((s, c) => s + c.profitPence, 0))} in all. ` +
      `The largest loss is ${names.get(worst.crc) ?? worst.crc}'s (${millions(worst.profitPence)}).`;
  }
  if (trough && trough.pence < 0) {
    parts.push(
      `The CRCs' combined position is at its lowest in ${periodText(trough.period)}, at a cumulative loss of ${millions(trough.pence)}.`,
    );
  }
  return parts.join(" ");
}
