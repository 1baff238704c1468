import { beforeAll, describe, expect, it } from "vitest";
import type { Dataset } from "../data/index.ts";
import { loadDataset } from "../data/load-from-disk.ts";
import { rollUp } from "../engine/roll-up.ts";
import { projectScenario } from "../scenario/project-scenario.ts";
import {
  crcProfits,
  cumulativeProfit,
  incomeByYear,
  nationByYear,
  ownerProfits,
  staffingSeries,
} from "./views.ts";

let dataset: Dataset;
let p: {
  fy: ReturnType<typeof rollUp>;
  total: ReturnType<typeof rollUp>;
  nationMonths: ReturnType<typeof rollUp>;
};
let summary: { crcProfitPence: number; mojSpendPence: number; lossMakingCrcs: number };

beforeAll(async () => {
  const loaded = await loadDataset("data");
  if (!loaded.ok) throw new Error("data/ does not validate");
  dataset = loaded.value;
  const projected = projectScenario({ schemaVersion: 1, extends: "the-2017-variation" }, dataset);
  if (!projected.ok) throw new Error("projection failed");
  const { ledger } = projected.value;
  p = {
    fy: rollUp(ledger, "fy"),
    total: rollUp(ledger, "total"),
    nationMonths: rollUp(ledger, "month").filter((r) => r.crc === "ALL" && r.owner === "ALL"),
  };
  const { summarize } = await import("../scenario/summarize.ts");
  summary = summarize(ledger, null, "");
});

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe("chart tables", () => {
  it("income by year adds up to MoJ spend exactly", () => {
    const rows = incomeByYear(p);
    expect(new Set(rows.map((r) => r.line)).has("fee_for_service")).toBe(true);
    expect(sum(rows.map((r) => r.pence))).toBe(summary.mojSpendPence);
  });

  it("CRC profits are sorted worst first and add up to the national profit", () => {
    const rows = crcProfits(p, dataset);
    expect(rows).toHaveLength(21);
    expect(rows.map((r) => r.profitPence)).toEqual(
      [...rows.map((r) => r.profitPence)].sort((a, b) => a - b),
    );
    expect(sum(rows.map((r) => r.profitPence))).toBe(summary.crcProfitPence);
    expect(rows.filter((r) => r.profitPence < 0)).toHaveLength(summary.lossMakingCrcs);
    for (const r of rows) expect(r.incomePence - r.costPence).toBe(r.profitPence);
  });

  it("owner profits add up to the national profit", () => {
    const rows = ownerProfits(p, dataset);
    expect(rows).toHaveLength(8);
    expect(sum(rows.map((r) => r.profitPence))).toBe(summary.crcProfitPence);
  });

  it("national profit by year adds up to the contract total", () => {
    expect(sum(nationByYear(p, "profit").map((r) => r.pence))).toBe(summary.crcProfitPence);
  });

  it("staffing has 86 months and the cumulative position ends at the total", () => {
    expect(staffingSeries(p)).toHaveLength(86);
    expect(cumulativeProfit(p.nationMonths).at(-1)?.pence).toBe(summary.crcProfitPence);
  });
});
