import { emptyLedger, type Ledger } from "./ledger.ts";
import { MONEY_LINES } from "./lines.ts";

/**
 * The difference between two scenarios' ledgers, `a − b`, cell by cell (MODEL.md "Outputs":
 * "the difference between any two scenarios"). Money differences are exact integers, so a
 * difference rolls up (rollUp) to the difference of the roll-ups. FTE and caseload are
 * differenced too; the workload index of a difference is not meaningful, and the norm is a's.
 * Both ledgers must cover the same CRCs in the same order.
 */
export function ledgerDifference(a: Ledger, b: Ledger): Ledger {
  if (a.crcs.length !== b.crcs.length || a.crcs.some((c, i) => c.id !== b.crcs[i]!.id)) {
    throw new Error("ledgerDifference: the ledgers cover different CRCs");
  }
  const out = emptyLedger(a.crcs, a.caseloadPerFteNorm);
  for (const line of MONEY_LINES) {
    const x = a.money[line];
    const y = b.money[line];
    const z = out.money[line];
    for (let i = 0; i < x.length; i++) z[i] = x[i]! - y[i]!;
  }
  for (let i = 0; i < a.fte.length; i++) {
    out.fte[i] = a.fte[i]! - b.fte[i]!;
    out.caseload[i] = a.caseload[i]! - b.caseload[i]!;
  }
  return out;
}
