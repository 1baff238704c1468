import { beforeAll, describe, expect, it } from "vitest";
import { PARAMETER_GROUPS, type Dataset } from "../data/index.ts";
import { rollUp, type TidyRow } from "../engine/roll-up.ts";
import { toCsv } from "../engine/tidy-csv.ts";
import { projectScenario } from "../scenario/project-scenario.ts";
import { testDataset } from "../scenario/test-dataset.ts";
import { CHARTS, EMBED_CHART_IDS, chartSpec } from "./chart-catalog.ts";
import { crcProfits, incomeByYear, nationByYear, ownerProfits, staffingSeries } from "./views.ts";

let dataset: Dataset;
let p: { fy: TidyRow[]; total: TidyRow[]; nationMonths: TidyRow[] };
beforeAll(async () => {
  dataset = await testDataset();
  const projected = projectScenario({ schemaVersion: 1, extends: "the-2017-variation" }, dataset);
  if (!projected.ok) throw new Error("projection failed");
  const { ledger } = projected.value;
  p = {
    fy: rollUp(ledger, "fy"),
    total: rollUp(ledger, "total"),
    nationMonths: rollUp(ledger, "month", (c, o) => c === "ALL" && o === "ALL"),
  };
});

describe("CHARTS", () => {
  it("has unique ids, known parameter groups and a usable embed height for embeds", () => {
    expect(new Set(CHARTS.map((c) => c.id)).size).toBe(CHARTS.length);
    for (const c of CHARTS) {
      for (const g of c.groups) expect(PARAMETER_GROUPS).toContain(g);
      if (c.embed !== null) {
        expect(c.embedHeight).toBeGreaterThanOrEqual(100);
        expect(c.openPath).not.toBe("");
      }
    }
    expect(EMBED_CHART_IDS).toEqual([
      "national-profit",
      "income",
      "crc-profit",
      "owner-profit",
      "staffing",
      "comparison",
    ]);
  });

  it("chartSpec names the known charts when asked for an unknown one", () => {
    expect(() => chartSpec("pie")).toThrow(/unknown chart "pie"; charts: national-profit, income/);
  });

  it("turns a chart's rows into CSV rows with the engine's exact pence", () => {
    const profit = chartSpec("national-profit").csv(nationByYear(p, "profit"));
    const expected = p.fy.filter(
      (r) => r.crc === "ALL" && r.owner === "ALL" && r.line === "profit",
    );
    expect(profit).toEqual(
      expected.map((r) => ({ financial_year: r.period, profit_pence: r.amount })),
    );

    const income = chartSpec("income").csv(incomeByYear(p));
    expect(income[0]).toEqual({
      financial_year: expect.any(String),
      line: expect.any(String),
      amount_pence: expect.any(Number),
    });

    const crcs = chartSpec("crc-profit").csv(crcProfits(p, dataset));
    expect(crcs).toHaveLength(21);
    const sumProfit = crcs.reduce((a, r) => a + (r.profit_pence as number), 0);
    expect(sumProfit).toBe(
      p.total.find((r) => r.crc === "ALL" && r.owner === "ALL" && r.line === "profit")!.amount,
    );
    expect(chartSpec("owner-profit").csv(ownerProfits(p, dataset))[0]).toHaveProperty("owner_name");
  });

  it("writes staffing with the CLI's digits (fte 2 decimals, workload index 1)", () => {
    const rows = chartSpec("staffing").csv(staffingSeries(p));
    const cli = toCsv(p.nationMonths).split("\n");
    for (const r of rows.slice(0, 30)) {
      expect(cli).toContain(`ALL,ALL,${r.month},fte,${r.fte}`);
      if (r.workload_index !== null)
        expect(cli).toContain(`ALL,ALL,${r.month},workload_index,${r.workload_index}`);
    }
  });
});
