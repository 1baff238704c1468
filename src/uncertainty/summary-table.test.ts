import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { MONEY_LINES } from "../engine/lines.ts";
import { PRESETS } from "../scenario/presets.ts";
import { testDataset } from "../../test/fixtures/test-dataset.ts";
import { validateScenario } from "../scenario/validate-scenario.ts";
import { runMonteCarlo } from "./run-monte-carlo.ts";
import { monteCarloCsv, monteCarloRows } from "./summary-table.ts";

const dataset = await testDataset();
const resolved = validateScenario(PRESETS.get("no-variation"), dataset);
if (!resolved.ok) throw new Error("preset");
const summaryOf = (fanOf?: string) => {
  const result = runMonteCarlo(resolved.value, dataset, { draws: 30, seed: 4, fanOf });
  if (!result.ok) throw new Error("mc");
  return result.value;
};

describe("monteCarloRows", () => {
  const summary = summaryOf();
  const rows = monteCarloRows(summary);
  const find = (crc: string, owner: string, period: string, line: string, statistic: string) =>
    rows.find(
      (r) =>
        r.crc === crc &&
        r.owner === owner &&
        r.period === period &&
        r.line === line &&
        r.statistic === statistic,
    )?.value;

  it("holds every statistic of the summary once, as a tidy row", () => {
    // 4 national series × 8 statistics + national P(loss) + P(k) for k = 0…21, owners and CRCs
    // (8 statistics + P(loss) each), and the fan: 13 lines × 8 years × 8 statistics.
    // First the basis (1 row) and, for the posterior, the 5 figures it rests on.
    const expected =
      1 +
      (summary.posterior === null ? 0 : 5) +
      4 * 8 +
      1 +
      22 +
      (summary.owners.length + summary.crcs.length) * 9 +
      MONEY_LINES.length * 8 * 8;
    expect(rows).toHaveLength(expected);
    const keys = new Set(
      rows.map((r) => `${r.crc}|${r.owner}|${r.period}|${r.line}|${r.statistic}`),
    );
    expect(keys.size).toBe(rows.length);
  });

  it("puts each figure where the run/roll-up convention says (ALL = totals)", () => {
    expect(find("ALL", "ALL", "total", "profit", "p50")).toBe(summary.national.crcProfitPence.p50);
    expect(find("ALL", "ALL", "total", "income_total", "mean")).toBe(
      summary.national.mojSpendPence.mean,
    );
    expect(find("ALL", "ALL", "total", "losses", "p95")).toBe(summary.national.lossesPence.p95);
    expect(find("ALL", "ALL", "total", "loss_making_crcs", "p_eq_0")).toBe(
      summary.lossMakingCrcs.probability[0],
    );
    const london = summary.crcs.find((c) => c.crc === "london")!;
    expect(find("london", london.owner, "total", "profit", "p_loss")).toBe(london.pLoss);
    expect(find("ALL", "ALL", "2017-18", "staff_cost", "p5")).toBe(
      summary.fan.lines.staff_cost[3]!.p5,
    );
  });

  it("says first what the draws came from: the posterior with its effective sample size, or the prior", () => {
    expect(summary.basis).toBe("posterior");
    expect(rows.slice(0, 6).map((r) => [r.line, r.statistic])).toEqual([
      ["basis", "posterior"],
      ["posterior", "effective_sample_size"],
      ["posterior", "prior_draws"],
      ["posterior", "stored_draws"],
      ["posterior", "seed"],
      ["posterior", "parameters_from_prior"],
    ]);
    expect(find("ALL", "ALL", "total", "posterior", "effective_sample_size")).toBe(
      summary.posterior!.effectiveSampleSize,
    );
    const prior = runMonteCarlo(resolved.value, dataset, { draws: 30, seed: 4, basis: "prior" });
    if (!prior.ok) throw new Error("mc");
    const priorRows = monteCarloRows(prior.value);
    expect(priorRows[0]).toEqual({
      crc: "ALL",
      owner: "ALL",
      period: "total",
      line: "basis",
      statistic: "prior",
      value: 1,
    });
    expect(priorRows.filter((r) => r.line === "posterior")).toEqual([]);
  });

  it("labels a CRC's or an owner's fan with its CRC and owner", () => {
    const crc = monteCarloRows(summaryOf("london")).filter((r) => r.period === "2016-17");
    const london = summary.crcs.find((c) => c.crc === "london")!;
    expect(new Set(crc.map((r) => `${r.crc}/${r.owner}`))).toEqual(
      new Set([`london/${london.owner}`]),
    );
    const owner = monteCarloRows(summaryOf("sodexo")).filter((r) => r.period === "2016-17");
    expect(new Set(owner.map((r) => `${r.crc}/${r.owner}`))).toEqual(new Set(["ALL/sodexo"]));
  });
});

describe("monteCarloCsv", () => {
  it("writes the rows as CSV that reads back to the same rows", () => {
    const summary = summaryOf();
    const csv = monteCarloCsv(summary);
    expect(csv.split("\n")[0]).toBe("crc,owner,period,line,statistic,value");
    const back = aq
      .fromCSV(csv, { parse: { crc: String, owner: String, period: String } })
      .objects();
    expect(back).toEqual(monteCarloRows(summary));
  });
});
