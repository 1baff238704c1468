import { describe, expect, it } from "vitest";
import { squiggleCompactModel } from "../../bench/squiggle-compact.ts";
import { PRESETS } from "../../src/scenario/presets.ts";
import { testDataset } from "../fixtures/test-dataset.ts";
import type { UncertaintySettings } from "../../src/scenario/uncertainty-settings.ts";
import { validateScenario } from "../../src/scenario/validate-scenario.ts";
import { planSampling, type SamplingPlan } from "../../src/uncertainty/plan-sampling.ts";

const dataset = await testDataset();

function plan(doc: unknown, settings: UncertaintySettings): SamplingPlan {
  const resolved = validateScenario(doc, dataset);
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.issues));
  const planned = planSampling(resolved.value.inputs, dataset, settings);
  if (!planned.ok) throw new Error(JSON.stringify(planned.issues));
  return planned.value;
}

// The benchmark's Squiggle peer (issue #6). That it is the engine's model (the point shape to
// the penny, draws within sampling error) is checked by `npm run bench`
// (bench/squiggle-agreement.ts, ~8 s, moved out of `npm test` by issue #13); here only the
// generator's cheap promises.
describe("bench/squiggle-compact.ts: the whole model in Squiggle, written compactly", () => {
  it("is a small program: the scenario as data, not a statement per cell", () => {
    const source = squiggleCompactModel(plan(PRESETS.get("the-2017-variation"), {}));
    expect(source.length).toBeLessThan(20_000);
  });

  it("refuses what it does not write (a correlation between 0 and 1, the normal shape)", () => {
    const doc = PRESETS.get("the-2017-variation");
    expect(() =>
      squiggleCompactModel(plan(doc, { correlation: { "staff.fteJune2017": 0.5 } })),
    ).toThrow(/correlation 0.5 of staff.fteJune2017 is not written/);
    expect(() => squiggleCompactModel(plan(doc, { shape: "normal" }))).toThrow(
      /the normal shape is not written/,
    );
  });
});
