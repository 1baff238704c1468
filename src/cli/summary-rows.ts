import { ALL } from "../engine/roll-up.ts";
import type { Summary } from "../scenario/summarize.ts";

/** One headline figure of a summary as a tidy row (`crc`/`owner` = ALL for the nation). */
export interface SummaryRow {
  readonly crc: string;
  readonly owner: string;
  /** `moj_spend_pence`, `crc_profit_pence`, `loss_making_crcs`, their `_from_2016` forms, or `profit_pence` of one CRC. */
  readonly measure: string;
  readonly value: number;
}

/** A summary's figures as rows: the nation's first, then each CRC's contract-life profit. */
export function summaryRows(summary: Summary): SummaryRow[] {
  const nation = (measure: string, value: number): SummaryRow => ({
    crc: ALL,
    owner: ALL,
    measure,
    value,
  });
  return [
    nation("moj_spend_pence", summary.mojSpendPence),
    nation("crc_profit_pence", summary.crcProfitPence),
    nation("loss_making_crcs", summary.lossMakingCrcs),
    nation("crc_profit_pence_from_2016", summary.from2016.crcProfitPence),
    nation("loss_making_crcs_from_2016", summary.from2016.lossMakingCrcs),
    ...summary.crcs.map((c) => ({
      crc: c.crc,
      owner: c.owner,
      measure: "profit_pence",
      value: c.profitPence,
    })),
  ];
}
