import { expose, wrap } from "comlink";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDataset } from "../data/load-from-disk.ts";
import { createEngineApi, type EngineApi } from "./api.ts";
import { SPLIT_FROM_DRAWS, splitMonteCarlo } from "./split-monte-carlo.ts";

// Two engines, each behind its own MessageChannel (structured clone and all), as two workers.
type Port = Parameters<typeof expose>[1];
const channels = [new MessageChannel(), new MessageChannel()];
const [first, second] = channels.map((channel) => {
  const api = createEngineApi();
  expose(api, channel.port1 as unknown as Port);
  return wrap<EngineApi>(channel.port2 as unknown as Parameters<typeof wrap>[0]);
}) as unknown as [EngineApi, EngineApi];
let parts = 0;
const counting: EngineApi = {
  ...second,
  monteCarloPart: (request) => {
    parts++;
    return second.monteCarloPart(request);
  },
};

beforeAll(async () => {
  const loaded = await loadDataset("data");
  if (!loaded.ok) throw new Error("data/ does not validate");
  await first.init(loaded.value);
  await second.init(loaded.value);
});
afterAll(() => {
  for (const c of channels) {
    c.port1.close();
    c.port2.close();
  }
});

describe("splitMonteCarlo over two engines", () => {
  const scenario = { schemaVersion: 1, extends: "the-2017-variation" };

  it("gives one engine's summary, drawing half the run in the other", async () => {
    for (const draws of [SPLIT_FROM_DRAWS, SPLIT_FROM_DRAWS + 1]) {
      const request = { scenario, draws, seed: 9, shape: "triangular" };
      parts = 0;
      const split = await splitMonteCarlo(request, first, async () => counting);
      expect(parts).toBe(1);
      expect(split).toEqual(await first.monteCarlo(request));
    }
  });

  it("answers small and malformed requests in one engine, with its own problems", async () => {
    parts = 0;
    const small = { scenario, draws: SPLIT_FROM_DRAWS - 1, seed: 2 };
    expect(await splitMonteCarlo(small, first, async () => counting)).toEqual(
      await first.monteCarlo(small),
    );
    for (const bad of [
      { scenario, draws: 500, seed: 1, from: 3 },
      { scenario, draws: 1e6, seed: 1 },
      null,
    ]) {
      const answer = await splitMonteCarlo(bad, first, async () => counting);
      expect(answer.ok).toBe(false);
      expect(answer).toEqual(await first.monteCarlo(bad));
    }
    expect(parts).toBe(0);
    // A large request missing a field is split, and both halves name the same problem.
    const noSeed = { scenario, draws: 500 };
    expect(await splitMonteCarlo(noSeed, first, async () => counting)).toEqual(
      await first.monteCarlo(noSeed),
    );
  });

  it("returns a bad scenario's problems as the one-engine run does", async () => {
    const bad = { scenario: { schemaVersion: 1, extends: "nope" }, draws: 800, seed: 1 };
    const answer = await splitMonteCarlo(bad, first, async () => counting);
    expect(answer.ok).toBe(false);
    expect(answer).toEqual(await first.monteCarlo(bad));
  });
});
