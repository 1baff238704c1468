import { beforeAll, describe, expect, it } from "vitest";
import * as aq from "arquero";
import type { Dataset } from "../data/index.ts";
import { loadDataset } from "../data/load-from-disk.ts";
import { rollUp } from "../engine/roll-up.ts";
import { projectScenario } from "../scenario/project-scenario.ts";
import { summarize } from "../scenario/summarize.ts";
import {
  METRICS,
  compareScenarios,
  comparisonByMetric,
  comparisonCsv,
  crcProfitDeltas,
  type ComparedScenario,
} from "./compare.ts";

let dataset: Dataset;
const projected = new Map<string, ComparedScenario>();

function project(id: string): ComparedScenario {
  const p = projectScenario({ schemaVersion: 1, extends: id }, dataset);
  if (!p.ok) throw new Error(`projection of ${id} failed`);
  const { ledger, scenario } = p.value;
  return {
    id,
    label: id,
    hash: scenario.hash,
    summary: summarize(ledger, null, scenario.hash),
    total: rollUp(ledger, "total"),
  };
}

beforeAll(async () => {
  const loaded = await loadDataset("data");
  if (!loaded.ok) throw new Error("data/ does not validate");
  dataset = loaded.value;
  for (const id of ["contract-as-let", "pbr-low", "pbr-high"]) projected.set(id, project(id));
});

const get = (id: string) => projected.get(id)!;

describe("compareScenarios", () => {
  it("gives the baseline a delta of 0 on every metric", () => {
    const rows = compareScenarios(get("contract-as-let"), [get("pbr-low"), get("pbr-high")]);
    expect(rows).toHaveLength(METRICS.length * 3);
    const base = rows.filter((r) => r.baseline);
    expect(base).toHaveLength(METRICS.length);
    for (const r of base) {
      expect(r.scenario).toBe("contract-as-let");
      expect(r.delta).toBe(0);
      expect(r.pctChange === null || r.pctChange === 0).toBe(true);
    }
  });

  it("deltas are exact differences in pence and % change is relative to the baseline", () => {
    const base = get("contract-as-let");
    const high = get("pbr-high");
    const rows = compareScenarios(base, [high]);
    const profit = rows.find((r) => r.metric === "crc_profit" && r.scenario === "pbr-high")!;
    expect(profit.value).toBe(high.summary.crcProfitPence);
    expect(profit.delta).toBe(high.summary.crcProfitPence - base.summary.crcProfitPence);
    expect(Number.isInteger(profit.delta)).toBe(true);
    expect(profit.pctChange).toBeCloseTo(
      ((high.summary.crcProfitPence - base.summary.crcProfitPence) /
        Math.abs(base.summary.crcProfitPence)) *
        100,
      10,
    );
    const spend = rows.find((r) => r.metric === "moj_spend" && r.scenario === "pbr-high")!;
    expect(spend.delta).toBe(high.summary.mojSpendPence - base.summary.mojSpendPence);
    const pbr = rows.find((r) => r.metric === "pbr" && r.scenario === "pbr-high")!;
    const nationPbr = (s: ComparedScenario) =>
      s.total.find((r) => r.crc === "ALL" && r.owner === "ALL" && r.line === "pbr")!.amount;
    expect(pbr.delta).toBe(nationPbr(high) - nationPbr(base));
    const losses = rows.find((r) => r.metric === "loss_making" && r.scenario === "pbr-high")!;
    expect(losses.delta).toBe(high.summary.lossMakingCrcs - base.summary.lossMakingCrcs);
  });

  it("income lines add up to the income total and to MoJ spend", () => {
    const rows = compareScenarios(get("pbr-low"), []);
    const value = (m: string) => rows.find((r) => r.metric === m)!.value;
    const lines = [
      "fee_for_service",
      "variation",
      "guarantee",
      "pbr",
      "service_credits",
      "ict_compensation",
      "termination",
    ];
    expect(lines.reduce((s, l) => s + value(l), 0)).toBe(value("income_total"));
    expect(value("income_total")).toBe(value("moj_spend"));
    expect(value("income_total") - value("cost_total")).toBe(value("crc_profit"));
  });

  it("is null % change where the baseline is 0", () => {
    const zero: ComparedScenario = {
      id: "z",
      label: "z",
      hash: "h0",
      summary: { mojSpendPence: 0, crcProfitPence: 0, lossMakingCrcs: 0, crcs: [] },
      total: [],
    };
    const one: ComparedScenario = {
      ...zero,
      id: "o",
      summary: { ...zero.summary, crcProfitPence: 5 },
    };
    const r = compareScenarios(zero, [one]).find((x) => x.metric === "crc_profit" && !x.baseline)!;
    expect(r.delta).toBe(5);
    expect(r.pctChange).toBeNull();
  });

  it("gives no % change on a tiny money baseline or across a change of sign (n/a)", () => {
    const at = (crcProfitPence: number, id: string): ComparedScenario => ({
      id,
      label: id,
      hash: `h-${id}`,
      summary: { mojSpendPence: 0, crcProfitPence, lossMakingCrcs: 0, crcs: [] },
      total: [],
    });
    const pct = (basePence: number, valuePence: number) =>
      compareScenarios(at(basePence, "a"), [at(valuePence, "b")]).find(
        (x) => x.metric === "crc_profit" && !x.baseline,
      )!.pctChange;
    expect(pct(650_000_000, 35_100_000_000)).toBeNull(); // £6.5m base: +5,300% says nothing
    expect(pct(-2_000_000_000, 3_000_000_000)).toBeNull(); // a loss turned into a profit
    expect(pct(2_000_000_000, 3_000_000_000)).toBeCloseTo(50, 10);
    expect(pct(-2_000_000_000, -3_000_000_000)).toBeCloseTo(-50, 10);
  });

  it("pivots to one row per metric with the baseline first", () => {
    const wide = comparisonByMetric(compareScenarios(get("pbr-low"), [get("pbr-high")]));
    expect(wide.map((w) => w.metric)).toEqual(METRICS.map((m) => m.metric));
    for (const w of wide) expect(w.cells.map((c) => c.scenario)).toEqual(["pbr-low", "pbr-high"]);
  });
});

describe("crcProfitDeltas", () => {
  it("gives each CRC's profit change in pence, adding up to the national change", () => {
    const base = get("contract-as-let");
    const deltas = crcProfitDeltas(base, [get("pbr-low"), get("pbr-high")]);
    expect(deltas).toHaveLength(42);
    for (const s of ["pbr-low", "pbr-high"]) {
      const mine = deltas.filter((d) => d.scenario === s);
      expect(mine.map((d) => d.crc)).toEqual(base.summary.crcs.map((c) => c.crc));
      const total = mine.reduce((a, d) => a + d.deltaPence, 0);
      expect(total).toBe(get(s).summary.crcProfitPence - base.summary.crcProfitPence);
      for (const d of mine) expect(d.deltaPence).toBe(d.profitPence - d.basePence);
    }
    expect(crcProfitDeltas(base, [])).toEqual([]);
  });
});

describe("comparisonCsv", () => {
  it("names the scenarios and hashes in # lines and parses back to the same numbers", () => {
    const scenarios = [get("contract-as-let"), get("pbr-high")];
    const rows = compareScenarios(scenarios[0]!, scenarios.slice(1));
    const csv = comparisonCsv(rows, scenarios);
    const lines = csv.split("\n");
    expect(lines[1]).toContain(`baseline: contract-as-let`);
    expect(lines[1]).toContain(scenarios[0]!.hash);
    expect(lines[2]).toContain(scenarios[1]!.hash);
    const data = lines.filter((l) => !l.startsWith("#")).join("\n");
    const parsed = aq.fromCSV(data).objects() as Array<Record<string, unknown>>;
    expect(parsed).toHaveLength(rows.length);
    parsed.forEach((p, i) => {
      expect(p.metric).toBe(rows[i]!.metric);
      expect(p.value).toBe(rows[i]!.value);
      expect(p.delta).toBe(rows[i]!.delta);
    });
  });

  it("keeps a hostile label on one comment line", () => {
    const s = { ...get("pbr-low"), label: "evil\nmetric,value\n1,2" };
    const csv = comparisonCsv(compareScenarios(s, []), [s]);
    expect(csv.split("\n").filter((l) => l.startsWith("metric,"))).toHaveLength(1);
  });
});
