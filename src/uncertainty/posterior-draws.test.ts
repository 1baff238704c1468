import { isDeepStrictEqual } from "node:util";
import { formatIssue } from "../issues/issue.ts";
import { describe, expect, it } from "vitest";
import type { Dataset } from "../data/index.ts";
import { PRESETS } from "../scenario/presets.ts";
import { testDataset } from "../../test/fixtures/test-dataset.ts";
import { validateScenario } from "../scenario/validate-scenario.ts";
import { applyPosteriorDraw, bindPosterior } from "./posterior-draws.ts";
import { drawBuffers, priorDraw } from "./posterior-prior.ts";
import { createRng } from "./prng.ts";
import { prepareMonteCarlo, type MonteCarloOptions } from "./monte-carlo-run.ts";
import { runMonteCarlo } from "./run-monte-carlo.ts";
import { sampleInto, sampleSlots } from "./sampler.ts";

const dataset = await testDataset();
const withoutPosterior: Dataset = { ...dataset, posterior: undefined };
const resolve = (doc: unknown) => {
  const result = validateScenario(doc, dataset);
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join("; "));
  return result.value;
};
const variation = resolve(PRESETS.get("the-2017-variation"));
const summary = (options: MonteCarloOptions, data: Dataset = dataset, scenario = variation) => {
  const result = runMonteCarlo(scenario, data, options);
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join("; "));
  return result.value;
};
const problems = (options: MonteCarloOptions, data: Dataset = dataset) => {
  const result = runMonteCarlo(variation, data, options);
  return result.ok ? [] : result.issues.map(formatIssue);
};

describe("the Monte Carlo on the posterior (issue #14)", () => {
  it("draws from the posterior by default when the data has one, and says so", () => {
    const s = summary({ draws: 200 });
    expect(s.basis).toBe("posterior");
    expect(s.posterior).toMatchObject({
      priorDraws: dataset.posterior!.priorDraws,
      effectiveSampleSize: dataset.posterior!.effectiveSampleSize,
      fromPrior: [],
    });
    expect(summary({ draws: 200 }, withoutPosterior).basis).toBe("prior");
  });

  it("on the prior gives exactly what a run without a posterior gives", () => {
    const { basis, posterior, ...prior } = summary({ draws: 300, basis: "prior" });
    const { basis: b2, posterior: p2, ...plain } = summary({ draws: 300 }, withoutPosterior);
    expect([basis, posterior, b2, p2]).toEqual(["prior", null, "prior", null]);
    expect(prior).toEqual(plain);
  });

  it("refuses an unknown basis, or the posterior when the data has none, naming the field", () => {
    expect(problems({ basis: "posterier" as never })).toEqual([
      'basis: "posterier" is not posterior or prior (did you mean "posterior"?)',
    ]);
    expect(problems({ basis: "posterior" }, withoutPosterior)[0]).toMatch(
      /^basis: the data has no posterior .* npm run calibrate -- --posterior$/,
    );
  });

  it("draws a parameter the scenario sets from the prior around the scenario's value, and names it", () => {
    const own = resolve({
      schemaVersion: 1,
      extends: "the-2017-variation",
      parameters: { "cost.bidMargin": 0.05 },
    });
    expect(summary({ draws: 100 }, dataset, own).posterior!.fromPrior).toEqual(["cost.bidMargin"]);
  });

  it("gives each draw a stored posterior draw's values: φ′ as solved in it, the others as made again", () => {
    const prepared = prepareMonteCarlo(variation, dataset, { draws: 50 });
    if (!prepared.ok) throw new Error("prepare");
    const run = prepared.value;
    const post = run.posterior!;
    const buffers = drawBuffers(run.plan);
    const binding = bindPosterior(post, run.plan, buffers);
    const reference = drawBuffers(post.plan);
    const phis = new Set(post.phi);
    for (let d = 0; d < 20; d++) {
      sampleInto(run.plan, createRng(run.seed, d), buffers);
      applyPosteriorDraw(post, binding, run.plan, buffers, run.seed, d);
      const phi = buffers.inputs.values.get("variation.fixedShare")!;
      expect(phis.has(phi[0]!)).toBe(true);
      // φ′ is stored to 6 decimals, so two stored draws may share it: one of them is this draw.
      const ids = ["cost.bidMargin", "staff.loadedCostPerFte", "volume.shortfall.2016-17"];
      const candidates = post.indices.filter((_, k) => post.phi[k] === phi[0]);
      const matches = candidates.filter((index) => {
        priorDraw(post.plan, post.sample.seed, index, reference);
        return ids.every((id) =>
          isDeepStrictEqual(buffers.inputs.values.get(id), reference.inputs.values.get(id)),
        );
      });
      expect(matches.length).toBeGreaterThan(0);
    }
  });

  it("derives a draw's held values once, from the values it ends with: a staff share the scenario sets is held at the posterior's fixed share, not also at the prior's", () => {
    // cost.staffShare set by the scenario is drawn from the prior around its value; the fixed
    // share comes from the posterior draw. The staff share is held at or below the fixed share
    // the draw projects with, from its own drawn value (a clamp at the prior draw's fixed share
    // first, then at the posterior's, held it lower than either in some draws).
    const own = resolve({
      schemaVersion: 1,
      extends: "the-2017-variation",
      parameters: { "cost.staffShare": 0.74 },
    });
    const prepared = prepareMonteCarlo(own, dataset, { draws: 300 });
    if (!prepared.ok) throw new Error("prepare");
    const run = prepared.value;
    const post = run.posterior!;
    expect(post.fromPrior).toContain("cost.staffShare");
    expect(post.ids).toContain("cost.fixedShare");
    const buffers = drawBuffers(run.plan);
    const binding = bindPosterior(post, run.plan, buffers);
    const raw = drawBuffers(run.plan);
    const values = buffers.inputs.values;
    let held = 0;
    for (let d = 0; d < run.draws; d++) {
      sampleSlots(run.plan, createRng(run.seed, d), raw, null);
      sampleSlots(run.plan, createRng(run.seed, d), buffers, binding.replaced);
      applyPosteriorDraw(post, binding, run.plan, buffers, run.seed, d);
      const drawn = raw.inputs.values.get("cost.staffShare")!;
      const fixed = values.get("cost.fixedShare")!;
      const staff = values.get("cost.staffShare")!;
      for (let k = 0; k < staff.length; k++) {
        expect(staff[k]).toBe(Math.min(drawn[k]!, fixed[k]!));
        if (drawn[k]! > fixed[k]!) held++;
      }
    }
    expect(held).toBeGreaterThan(0);
  });

  it("is narrower than the prior where the record constrains: the national result and the loss count over the contract", () => {
    const post = summary({ draws: 2000, basis: "posterior" });
    const prior = summary({ draws: 2000, basis: "prior" });
    const spread = (s: { p5: number; p95: number }) => s.p95 - s.p5;
    expect(spread(post.lossMakingCrcs.stats)).toBeLessThan(spread(prior.lossMakingCrcs.stats));
    expect(spread(post.national.crcProfitPence)).toBeLessThan(
      spread(prior.national.crcProfitPence) / 2,
    );
  });
});
