import * as aq from "arquero";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { formatIssue } from "../issues/issue.ts";
import type { Dataset } from "../data/index.ts";
import { loadDataset } from "../data/load-from-disk.ts";
import { validateScenario } from "../scenario/validate-scenario.ts";
import { runMonteCarlo } from "../uncertainty/run-monte-carlo.ts";
import type { MonteCarloSummary } from "../uncertainty/summarize-draws.ts";
import {
  DEFAULT_MC_VIEW,
  basisCaption,
  basisSentences,
  posteriorSettingsNote,
  crcLossRows,
  fanRows,
  lossCountRows,
  monteCarloCsv,
  monteCarloViewFromSearch,
  monteCarloViewKeys,
} from "./uncertainty.ts";

let dataset: Dataset;
let summary: MonteCarloSummary;

beforeAll(async () => {
  const loaded = await loadDataset("data");
  if (!loaded.ok) throw new Error("data/ does not validate");
  dataset = loaded.value;
  const resolved = validateScenario({ schemaVersion: 1, extends: "volumes-as-they-fell" }, dataset);
  if (!resolved.ok) throw new Error("scenario");
  const run = runMonteCarlo(resolved.value, dataset, { draws: 40, seed: 3 });
  if (!run.ok) throw new Error("run");
  summary = run.value;
});

describe("Monte Carlo view state in the address", () => {
  it("round-trips any allowed view", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.constantFrom("pert", "triangular", "uniform", "normal", "point"),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom("posterior", "prior"),
        (draws, seed, shape, rho, basis) => {
          const view = { draws, seed, shape, shortfallCorrelation: rho, basis } as const;
          const query = new URLSearchParams(
            Object.entries(monteCarloViewKeys(view)).map(([k, v]) => [`_${k}`, v]),
          ).toString();
          const read = monteCarloViewFromSearch(`?${query}`);
          expect(read.warnings).toEqual([]);
          expect(read.value).toEqual(view);
        },
      ),
    );
  });

  it("names every bad value with its allowed range and keeps the default", () => {
    const read = monteCarloViewFromSearch(
      "?_draws=0&_seed=-4&_shape=lognormal&_rho=1.5&_basis=flat",
    );
    expect(read.value).toEqual(DEFAULT_MC_VIEW);
    expect(read.warnings.map(formatIssue)).toEqual([
      '_draws: "0" is not a whole number from 1 to 100000',
      '_seed: "-4" is not a whole number from 0 to 4294967295',
      '_shape: "lognormal" is not one of point, uniform, triangular, pert, normal (did you mean "normal"?)',
      '_rho: "1.5" is not a number from 0 to 1',
      '_basis: "flat" is not one of posterior, prior',
    ]);
    expect(monteCarloViewFromSearch("?_draws=1e3&_rho=0x1").warnings).toHaveLength(2);
  });

  it("draws from the posterior unless the address says _basis=prior", () => {
    expect(DEFAULT_MC_VIEW.basis).toBe("posterior");
    expect(monteCarloViewFromSearch("?v=1&_basis=prior").value.basis).toBe("prior");
    expect(monteCarloViewKeys(DEFAULT_MC_VIEW).basis).toBe("posterior");
  });

  it("ignores the scenario's own keys", () => {
    expect(monteCarloViewFromSearch("?v=1&extends=pbr-high").warnings).toEqual([]);
  });
});

const summaryPosterior = () => summary.posterior!;

describe("what the draws came from, in words", () => {
  it("names the posterior with its effective sample size and prior draws, or the prior ranges", () => {
    const post = summary.posterior!;
    expect(summary.basis).toBe("posterior");
    const ess = Math.round(post.effectiveSampleSize).toLocaleString("en-GB");
    expect(basisCaption(summary)).toBe(
      `posterior (effective sample size ${ess} of ${post.priorDraws.toLocaleString("en-GB")} prior draws, seed ${post.seed})`,
    );
    const [first] = basisSentences(summary, new Map());
    expect(first).toContain(`an effective sample size of ${ess}`);
    expect(basisCaption({ basis: "prior", posterior: null })).toBe("prior ranges only");
    expect(basisSentences({ basis: "prior", posterior: null }, new Map())).toEqual([
      expect.stringContaining("Drawn from the prior ranges only"),
    ]);
  });

  it("lists the parameters the scenario sets, drawn from the prior, by label", () => {
    const withOwn = { ...summary.posterior!, fromPrior: ["ffs.toleranceBand", "cost.bidMargin"] };
    const labels = new Map(dataset.parameters.map((p) => [p.id, p.label]));
    const s = { basis: "posterior" as const, posterior: withOwn };
    expect(basisCaption(s)).toContain("; 2 drawn from the prior)");
    expect(basisSentences(s, labels)[1]).toBe(
      "This scenario sets 2 sampled parameters or their ranges itself, so they are drawn from the prior range around the scenario's value (the record says nothing about a value the scenario chose): Volume tolerance band (±τ) and Margin built into the bid price.",
    );
  });
});

describe("posteriorSettingsNote", () => {
  it("says a shape or correlation chosen does not move the posterior's draws", () => {
    const post = {
      basis: "posterior" as const,
      posterior: { ...summaryPosterior(), fromPrior: [] as string[] },
    };
    expect(posteriorSettingsNote({ shape: "pert", shortfallCorrelation: 0 }, post)).toBeNull();
    expect(posteriorSettingsNote({ shape: "point", shortfallCorrelation: 0 }, post)).toBeNull();
    expect(posteriorSettingsNote({ shape: "uniform", shortfallCorrelation: 0.5 }, post)).toBe(
      "With the posterior, the uniform shape and a shortfall correlation of 0.5 act on none of the draws here: the posterior's draws keep the PERT shapes and independent CRC shortfalls they were weighed with. Choose the prior ranges to see them act on every parameter.",
    );
    const own = { ...post, posterior: { ...post.posterior, fromPrior: ["ffs.toleranceBand"] } };
    expect(posteriorSettingsNote({ shape: "normal", shortfallCorrelation: 0 }, own)).toContain(
      "acts only on the parameter drawn from the prior",
    );
    expect(
      posteriorSettingsNote(
        { shape: "uniform", shortfallCorrelation: 1 },
        { basis: "prior", posterior: null },
      ),
    ).toBeNull();
  });
});

describe("Monte Carlo tables", () => {
  it("gives the fan of a line in £m with ordered bands", () => {
    const rows = fanRows(summary, "profit");
    expect(rows.map((r) => r.year)).toEqual(summary.fan.years);
    for (const r of rows) {
      expect(r.p5).toBeLessThanOrEqual(r.p25);
      expect(r.p25).toBeLessThanOrEqual(r.p50);
      expect(r.p50).toBeLessThanOrEqual(r.p75);
      expect(r.p75).toBeLessThanOrEqual(r.p95);
    }
    expect(rows[3]!.p50).toBe(summary.fan.lines.profit[3]!.p50 / 1e8);
    // The exact pence ride along for the CSV export.
    expect(rows[3]!.pence).toEqual(summary.fan.lines.profit[3]);
    expect(rows.every((r) => r.line === "profit")).toBe(true);
  });

  it("sorts CRCs by probability of loss and names them", () => {
    const names = new Map(dataset.crcs.map((c) => [c.id, c.name]));
    const rows = crcLossRows(summary, names);
    expect(rows).toHaveLength(21);
    for (let i = 1; i < rows.length; i++)
      expect(rows[i - 1]!.pLoss).toBeGreaterThanOrEqual(rows[i]!.pLoss);
    expect(rows.every((r) => r.name !== r.id)).toBe(true);
  });

  it("gives probabilities of k loss-making CRCs that sum to 1", () => {
    const rows = lossCountRows(summary);
    expect(rows).toHaveLength(22);
    expect(rows.reduce((s, r) => s + r.probability, 0)).toBeCloseTo(1, 12);
  });

  it("writes the summary as tidy CSV that reads back to the same pence", () => {
    const table = aq.fromCSV(monteCarloCsv(summary));
    const rows = table.objects() as {
      crc: string;
      owner: string;
      period: string;
      line: string;
      statistic: string;
      value: number;
    }[];
    const national = rows.find(
      (r) =>
        r.crc === "ALL" &&
        r.owner === "ALL" &&
        r.period === "total" &&
        r.line === "profit" &&
        r.statistic === "p50",
    )!;
    expect(national.value).toBe(summary.national.crcProfitPence.p50);
  });
});
