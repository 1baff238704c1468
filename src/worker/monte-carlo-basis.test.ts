import { expose, wrap } from "comlink";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Dataset } from "../data/index.ts";
import { loadDataset } from "../data/load-from-disk.ts";
import { validateScenario } from "../scenario/validate-scenario.ts";
import { runMonteCarlo } from "../uncertainty/run-monte-carlo.ts";
import { createEngineApi, type EngineApi } from "./api.ts";
import { SPLIT_FROM_DRAWS, splitMonteCarlo } from "./split-monte-carlo.ts";

// The Monte Carlo request's `basis` (issue #14) through the worker API, across real
// MessageChannels (two engines, as the page's two workers).
type Port = Parameters<typeof expose>[1];
const channels = [new MessageChannel(), new MessageChannel()];
const [first, second] = channels.map((channel) => {
  expose(createEngineApi(), channel.port1 as unknown as Port);
  return wrap<EngineApi>(channel.port2 as unknown as Parameters<typeof wrap>[0]);
}) as unknown as [EngineApi, EngineApi];
let dataset: Dataset;

beforeAll(async () => {
  const loaded = await loadDataset("data");
  if (!loaded.ok) throw new Error("data/ does not validate");
  dataset = loaded.value;
  await first.init(dataset);
  await second.init(dataset);
});
afterAll(() => {
  for (const c of channels) {
    c.port1.close();
    c.port2.close();
  }
});

const scenario = { schemaVersion: 1, extends: "the-2017-variation" };
const direct = (options: Parameters<typeof runMonteCarlo>[2]) => {
  const resolved = validateScenario(scenario, dataset);
  if (!resolved.ok) throw new Error("scenario failed");
  const run = runMonteCarlo(resolved.value, dataset, options);
  if (!run.ok) throw new Error("direct run failed");
  return run.value;
};

describe("monteCarlo request: basis", () => {
  it("draws from the posterior by default and from the prior ranges when asked, as a direct run does", async () => {
    const byDefault = await first.monteCarlo({ scenario, draws: 40, seed: 3 });
    expect(byDefault).toEqual({ ok: true, value: direct({ draws: 40, seed: 3 }) });
    expect(byDefault.ok && byDefault.value.basis).toBe("posterior");
    const posterior = await first.monteCarlo({ scenario, draws: 40, seed: 3, basis: "posterior" });
    expect(posterior).toEqual(byDefault);
    const prior = await first.monteCarlo({ scenario, draws: 40, seed: 3, basis: "prior" });
    expect(prior).toEqual({ ok: true, value: direct({ draws: 40, seed: 3, basis: "prior" }) });
    expect(prior.ok && prior.value.basis).toBe("prior");
    expect(prior.ok && prior.value.posterior).toBeNull();
    // The reused plan is not the other basis's: the figures differ.
    expect(prior.ok && prior.value.national).not.toEqual(byDefault.ok && byDefault.value.national);
  });

  it("names a bad basis", async () => {
    const bad = await first.monteCarlo({ scenario, draws: 10, seed: 1, basis: "flat" });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.issues.map((i) => i.path)).toEqual(["basis"]);
    expect(bad.issues[0]!.message).toContain("posterior or prior");
  });

  it("splits a run of either basis across two engines and gives the one-piece summary", async () => {
    for (const basis of ["posterior", "prior"]) {
      const request = { scenario, draws: SPLIT_FROM_DRAWS, seed: 5, basis };
      const split = await splitMonteCarlo(request, first, async () => second);
      expect(split).toEqual(await first.monteCarlo(request));
      expect(split.ok && split.value.basis).toBe(basis);
    }
  });
});
