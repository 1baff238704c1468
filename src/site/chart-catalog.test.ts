import { beforeAll, describe, expect, it } from "vitest";
import { PARAMETER_GROUPS, type Dataset } from "../data/index.ts";
import { rollUp, type TidyRow } from "../engine/roll-up.ts";
import { toCsv } from "../engine/tidy-csv.ts";
import * as aq from "arquero";
import { projectScenario } from "../scenario/project-scenario.ts";
import { testDataset } from "../../test/fixtures/test-dataset.ts";
import { validateScenario, type ResolvedScenario } from "../scenario/validate-scenario.ts";
import { findBreakEven } from "../sensitivity/break-even.ts";
import { runGrid } from "../sensitivity/grid.ts";
import { runTornado } from "../sensitivity/tornado.ts";
import { runMonteCarlo } from "../uncertainty/run-monte-carlo.ts";
import type { MonteCarloSummary } from "../uncertainty/summarize-draws.ts";
import { CHARTS, EMBED_CHART_IDS, chartSpec, dataValueCell } from "./chart-catalog.ts";
import { chartCsv } from "./chart-csv.ts";
import { breakEvenRows, gridExportRows, tornadoExportRows } from "./sensitivity.ts";
import {
  crcLossRows,
  fanRows,
  lossCountRows,
  monteCarloCsv,
  ownerLossRows,
} from "./uncertainty.ts";
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
        expect(c.embed.height).toBeGreaterThanOrEqual(100);
        expect(c.embed.openPath).not.toBe("");
      }
    }
    expect(EMBED_CHART_IDS).toEqual([
      "national-profit",
      "income",
      "crc-profit",
      "owner-profit",
      "staffing",
      "comparison",
      "fan",
      "tornado",
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

describe("sampled and sensitivity charts", () => {
  let resolved: ResolvedScenario;
  let summary: MonteCarloSummary;
  beforeAll(() => {
    const r = validateScenario({ schemaVersion: 1, extends: "volumes-as-they-fell" }, dataset);
    if (!r.ok) throw new Error("scenario");
    resolved = r.value;
    const run = runMonteCarlo(resolved, dataset, { draws: 40, seed: 5 });
    if (!run.ok) throw new Error("run");
    summary = run.value;
  });

  it("writes the fan chart's bands in the engine's whole pence, as the run's summary CSV has them", () => {
    const rows = chartSpec("fan").csv(fanRows(summary, "income_total"));
    expect(rows).toHaveLength(summary.fan.years.length);
    const summaryCsv = aq.fromCSV(monteCarloCsv(summary)).objects() as Array<
      Record<string, string | number>
    >;
    rows.forEach((row, y) => {
      const s = summary.fan.lines.income_total[y]!;
      expect(row).toEqual({
        financial_year: summary.fan.years[y],
        line: "income_total",
        mean_pence: s.mean,
        min_pence: s.min,
        p5_pence: s.p5,
        p25_pence: s.p25,
        p50_pence: s.p50,
        p75_pence: s.p75,
        p95_pence: s.p95,
        max_pence: s.max,
      });
      for (const v of Object.values(s)) expect(Number.isInteger(v)).toBe(true);
      // The CLI's summary CSV (crc, owner, period, line, statistic, value) has the same pence.
      const cell = (statistic: string) =>
        summaryCsv.find(
          (r) =>
            r.crc === "ALL" &&
            r.owner === "ALL" &&
            r.line === "income_total" &&
            r.period === row.financial_year &&
            r.statistic === statistic,
        )!.value;
      expect(cell("p50")).toBe(row.p50_pence);
      expect(cell("mean")).toBe(row.mean_pence);
    });
  });

  it("writes P(loss) per CRC and per owner with the profit statistics in pence", () => {
    const names = new Map(dataset.crcs.map((c) => [c.id, c.name]));
    const crcs = chartSpec("crc-loss-probability").csv(crcLossRows(summary, names));
    expect(crcs).toHaveLength(21);
    for (const row of crcs) {
      const c = summary.crcs.find((x) => x.crc === row.crc)!;
      expect(row.p_loss).toBe(c.pLoss);
      expect(row.profit_p5_pence).toBe(c.profitPence.p5);
      expect(row.profit_max_pence).toBe(c.profitPence.max);
      // A share of the draws: a whole number of them.
      expect(((row.p_loss as number) * summary.draws) % 1).toBeCloseTo(0, 9);
    }
    const owners = chartSpec("owner-loss-probability").csv(
      ownerLossRows(summary, new Map(dataset.owners.map((o) => [o.id, o.name]))),
    );
    expect(owners.map((r) => r.owner).sort()).toEqual(summary.owners.map((o) => o.owner).sort());
    expect(owners[0]).toHaveProperty("owner_name");
    const counts = chartSpec("loss-count").csv(lossCountRows(summary));
    expect(counts.map((r) => r.probability)).toEqual(summary.lossMakingCrcs.probability);
    expect(counts.map((r) => r.loss_making_crcs)).toEqual(counts.map((_, k) => k));
  });

  it("writes every tornado row (not only the drawn top), with the base and both ends in pence", () => {
    const run = runTornado(resolved, dataset);
    if (!run.ok) throw new Error("tornado");
    const rows = chartSpec("tornado").csv(tornadoExportRows(run.value));
    expect(rows).toHaveLength(run.value.rows.length);
    rows.forEach((row, i) => {
      const t = run.value.rows[i]!;
      expect(row).toMatchObject({
        rank: i + 1,
        parameter: t.parameter,
        low_value: dataValueCell(t.lowValue),
        high_value: dataValueCell(t.highValue),
        base_pence: run.value.basePence,
        output_at_low_pence: t.outputAtLowPence,
        output_at_high_pence: t.outputAtHighPence,
        swing_pence: t.outputAtHighPence - t.outputAtLowPence,
      });
    });
  });

  it("keeps a data value's text: plain numbers as numbers (never defused), other text as text", () => {
    expect(dataValueCell("-1")).toBe(-1);
    expect(dataValueCell("0.55")).toBe(0.55);
    expect(dataValueCell("0.10")).toBe("0.10");
    expect(dataValueCell("2015-10")).toBe("2015-10");
    expect(dataValueCell("93.6 to 1134.4 (by CRC)")).toBe("93.6 to 1134.4 (by CRC)");
    const csv = chartCsv([{ low_value: dataValueCell("-0.02") }], {
      title: "t",
      scenarios: [],
      modelVersion: "0",
      generatedAt: new Date(0),
      sources: { listed: [], more: 0, inputs: 0, assumed: 0 },
      url: "http://x/",
      sourcesUrl: "http://x/sources",
    });
    expect(csv.endsWith("low_value\n-0.02\n")).toBe(true);
  });

  it("writes the grid's points with their parameters and the break-evens with the exact engine's pence", () => {
    const grid = runGrid(resolved, dataset, {
      x: { id: "volume.shortfall.shift" },
      y: { id: "ffs.fixedShare" },
      steps: 3,
    });
    if (!grid.ok) throw new Error("grid");
    const cells = chartSpec("grid").csv(gridExportRows(grid.value));
    expect(cells).toEqual(
      grid.value.rows.map((r) => ({
        x_parameter: "volume.shortfall.shift",
        x: r.x,
        y_parameter: "ffs.fixedShare",
        y: r.y,
        output_pence: r.valuePence,
      })),
    );

    const found = findBreakEven(resolved, dataset, { lever: "shortfall", crc: "northumbria" });
    if (!found.ok) throw new Error("break-even");
    const names = new Map(dataset.crcs.map((c) => [c.id, c.name]));
    const owners = new Map(dataset.owners.map((o) => [o.id, o.name]));
    const [row] = chartSpec("break-even").csv(breakEvenRows(found.value, names, owners));
    const r = found.value.results[0]!;
    expect(row).toMatchObject({
      crc: "northumbria",
      current_profit_pence: r.currentProfitPence,
      break_even_value: r.value,
      exact_profit_pence: r.exactProfitPence,
      checked_by_exact_engine: r.checked ? "yes" : "no",
    });
  });
});
