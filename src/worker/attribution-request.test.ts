import { expose, wrap } from "comlink";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Dataset } from "../data/index.ts";
import { attributeDelta } from "../explain/attribute-delta.ts";
import { parameterCatalog } from "../explain/attribution-groups.ts";
import { testDataset } from "../../test/fixtures/test-dataset.ts";
import { validateScenario } from "../scenario/validate-scenario.ts";
import { createEngineApi, type EngineApi } from "./api.ts";
import { checkAttributionRequest } from "./attribution-request.ts";

// The worker's attribution (issue #17) across a real MessageChannel through comlink.
type Port = Parameters<typeof expose>[1];
const channel = new MessageChannel();
expose(createEngineApi(), channel.port1 as unknown as Port);
const remote = wrap<EngineApi>(channel.port2 as unknown as Parameters<typeof wrap>[0]);
let dataset: Dataset;
beforeAll(async () => {
  dataset = await testDataset();
  await remote.init(dataset);
});
afterAll(() => {
  channel.port1.close();
  channel.port2.close();
});

const a = { schemaVersion: 1, extends: "contract-as-let" };
const b = { schemaVersion: 1, extends: "the-2017-variation" };
const figure = { crc: "wales", line: "income_total", period: "2018-19" };

describe("attributeDelta over a MessageChannel (issue #17)", () => {
  it("answers what the core computes, by parameter and by group", async () => {
    for (const level of ["parameter", "group"] as const) {
      const result = await remote.attributeDelta({ a, b, figure, level });
      const sideA = validateScenario(a, dataset);
      const sideB = validateScenario(b, dataset);
      if (!result.ok || !sideA.ok || !sideB.ok) throw new Error(JSON.stringify(result));
      const direct = attributeDelta(sideA.value.inputs, sideB.value.inputs, figure, {
        level,
        catalog: parameterCatalog(dataset.parameters),
      });
      if (!direct.ok) throw new Error("direct");
      expect(result.value.attribution).toEqual(direct.value);
      expect([result.value.hashA, result.value.hashB]).toEqual([
        sideA.value.hash,
        sideB.value.hash,
      ]);
    }
  });

  it("samples orders when asked to (maxExactGroups), as the core does for the same seed", async () => {
    const result = await remote.attributeDelta({
      a,
      b,
      figure,
      maxExactGroups: 1,
      samples: 6,
      seed: 3,
    });
    const sideA = validateScenario(a, dataset);
    const sideB = validateScenario(b, dataset);
    if (!result.ok || !sideA.ok || !sideB.ok) throw new Error(JSON.stringify(result));
    const direct = attributeDelta(sideA.value.inputs, sideB.value.inputs, figure, {
      catalog: parameterCatalog(dataset.parameters),
      maxExactGroups: 1,
      permutations: 6,
      seed: 3,
    });
    expect(result.value.attribution.exact).toBe(false);
    expect(direct.ok && result.value.attribution).toEqual(direct.ok && direct.value);
  });

  it("names every bad field, and a bad scenario or figure under its own path", async () => {
    expect(
      await remote.attributeDelta({
        a,
        figure,
        level: "crc",
        samples: 3,
        seed: 0.5,
        maxExactGroups: 13,
        x: 1,
      }),
    ).toEqual({
      ok: false,
      issues: [
        {
          path: "x",
          message: 'unknown key "x"; allowed: a, b, figure, level, samples, seed, maxExactGroups',
        },
        { path: "b", message: "is required" },
        { path: "level", message: '"crc" is not one of parameter, group' },
        { path: "samples", message: "3 is not a whole number from 4 to 10000" },
        { path: "seed", message: "0.5 is not a whole number from 0 to 4294967295" },
        { path: "maxExactGroups", message: "13 is not a whole number from 0 to 12" },
      ],
    });
    const bad = await remote.attributeDelta({ a, b: { schemaVersion: 7 }, figure });
    expect(bad.ok ? [] : bad.issues.map((i) => i.path)).toEqual(["b.schemaVersion"]);
    const line = await remote.attributeDelta({ a, b, figure: { ...figure, line: "fte" } });
    expect(line.ok ? [] : line.issues.map((i) => i.path)).toEqual(["figure.line"]);
    expect(checkAttributionRequest(null)).toEqual({
      ok: false,
      issues: [{ path: "", message: "null is not a request (an object)" }],
    });
  });
});
