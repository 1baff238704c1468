import { beforeAll, describe, expect, it } from "vitest";
import type { Dataset } from "../data/index.ts";
import { loadDataset } from "../data/load-from-disk.ts";
import { rollUp, type TidyRow } from "../engine/roll-up.ts";
import { projectScenario } from "../scenario/project-scenario.ts";
import {
  focusByYear,
  focusCostsByYear,
  focusIncomeByYear,
  focusStaffing,
  focusTotals,
  ownerCrcs,
} from "./focus.ts";

let dataset: Dataset;
let p: { fy: TidyRow[]; total: TidyRow[]; months: TidyRow[] };

beforeAll(async () => {
  const loaded = await loadDataset("data");
  if (!loaded.ok) throw new Error("data/ does not validate");
  dataset = loaded.value;
  const projected = projectScenario({ schemaVersion: 1, extends: "the-2017-variation" }, dataset);
  if (!projected.ok) throw new Error("projection failed");
  const { ledger } = projected.value;
  p = { fy: rollUp(ledger, "fy"), total: rollUp(ledger, "total"), months: rollUp(ledger, "month") };
});

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe("focus tables", () => {
  it("a CRC's income, costs and profit by year add up to its contract totals", () => {
    const focus = { crc: "wales" };
    const t = focusTotals(p, focus);
    expect(sum(focusIncomeByYear(p, focus).map((r) => r.pence))).toBe(t.income_total);
    expect(sum(focusCostsByYear(p, focus).map((r) => r.pence))).toBe(t.cost_total);
    expect(sum(focusByYear(p, focus, "profit").map((r) => r.pence))).toBe(t.profit);
    expect(t.income_total! - t.cost_total!).toBe(t.profit);
  });

  it("an owner's roll-up is the sum of its CRCs", () => {
    const owner = "sodexo";
    const crcs = ownerCrcs(p, dataset.crcs, owner);
    expect(crcs.map((c) => c.crc)).toEqual(
      dataset.crcs.filter((c) => c.ownerId === owner).map((c) => c.id),
    );
    const t = focusTotals(p, { owner });
    expect(sum(crcs.map((c) => c.profitPence))).toBe(t.profit);
    expect(sum(crcs.map((c) => c.incomePence))).toBe(t.income_total);
    expect(sum(focusByYear(p, { owner }, "profit").map((r) => r.pence))).toBe(t.profit);
  });

  it("staffing comes month by month from the focus's rows", () => {
    const months = p.months.filter((r) => r.crc === "wales");
    const s = focusStaffing(months);
    expect(s.length).toBe(new Set(months.map((r) => r.period)).size);
    expect(s.map((r) => r.month)).toEqual([...s.map((r) => r.month)].sort());
    const fte = months.find((r) => r.line === "fte" && r.period === s[10]!.month)!.amount;
    expect(s[10]!.fte).toBe(fte);
    expect(focusStaffing([])).toEqual([]);
  });
});
