import { allocatePence } from "./allocate-pence.ts";
import type { Params } from "./projection-inputs.ts";

export const ICT_COMPENSATION_RULE = {
  id: "ict_compensation",
  section: 'MODEL.md "Income of a CRC in a month" §4',
  equation: "national total split pro rata to bid price (largest remainder), paid in one month",
} as const;

/**
 * Each CRC's share of the ICT gateway compensation (£23.1m to 17 CRCs: PAC HC 484 para 17).
 * Which 17 CRCs were paid is not published, so the total is split across all CRCs pro rata to
 * bid price: the national total is exact, each CRC's share is an estimate.
 */
export function ictCompensationShares(p: Params): number[] {
  const prices = p.inputs.crcs.map((_, c) => p.num("size.annualPrice", c));
  return allocatePence(p.num("ict.compensationTotal", 0), prices);
}
