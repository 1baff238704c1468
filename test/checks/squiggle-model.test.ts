import { run } from "@quri/squiggle-lang";
import { describe, expect, it } from "vitest";
import { squiggleModel } from "../../bench/squiggle-model.ts";
import { projectFloat } from "../../src/engine/project-float.ts";
import { PRESETS } from "../../src/scenario/presets.ts";
import { testDataset } from "../../src/scenario/test-dataset.ts";
import { validateScenario } from "../../src/scenario/validate-scenario.ts";
import type { UncertaintySettings } from "../../src/scenario/uncertainty-settings.ts";
import { planSampling } from "../../src/uncertainty/plan-sampling.ts";

const dataset = await testDataset();

/** The Squiggle model's result dict for a scenario and sampling settings. */
async function squiggle(doc: unknown, settings: UncertaintySettings, samples = 100) {
  const resolved = validateScenario(doc, dataset);
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.issues));
  const plan = planSampling(resolved.value.inputs, dataset, settings);
  if (!plan.ok) throw new Error(JSON.stringify(plan.issues));
  const out = await run(squiggleModel(plan.value), {
    environment: { sampleCount: samples, xyPointLength: 1000, seed: "1" },
  });
  if (!out.result.ok) throw new Error(out.result.value.toString());
  const stats = (out.result.value.result.asJS() as { value: Record<string, number> }).value;
  let engine = 0;
  for (const x of projectFloat(plan.value.base).money.profit) engine += x;
  return { stats, engine };
}

// The benchmark's Squiggle model (issue #6) must be the engine's model: with every distribution
// at its mode it gives the engine's national contract profit to the penny.
describe("bench/squiggle-model.ts: the whole model in Squiggle", () => {
  it.each([
    ["the-2017-variation", PRESETS.get("the-2017-variation")],
    ["early-termination", PRESETS.get("early-termination")],
    [
      "the guarantee on, with an early end",
      {
        schemaVersion: 1,
        extends: "early-termination",
        parameters: { "guarantee.floorShareOfCost": { value: 0.97 } },
      },
    ],
  ])(
    "point shape: %s gives the engine's profit to the penny",
    async (_, doc) => {
      const { stats, engine } = await squiggle(doc, { shape: "point" });
      expect(stats.mean).toBe(engine);
    },
    60_000,
  );

  it("refuses what it does not write (a correlation between 0 and 1)", async () => {
    await expect(
      squiggle(PRESETS.get("the-2017-variation"), { correlation: { "staff.fteJune2017": 0.5 } }),
    ).rejects.toThrow(/correlation 0.5 of staff.fteJune2017 is not written/);
  });
});
