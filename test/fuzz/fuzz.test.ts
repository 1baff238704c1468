import { describe, expect, it } from "vitest";
import { testDataset } from "../fixtures/test-dataset.ts";
import { formatFigures, runFuzz } from "./fuzz.ts";

/**
 * The adversarial suite (issue #15) at about 500 inputs, so CI keeps it; `npm run fuzz` runs it
 * at full size (≥ 10,000 inputs) with a new seed each time.
 */
describe("adversarial inputs", () => {
  it("never throw, never project to a non-whole penny, and are refused by name", async () => {
    const dataset = await testDataset();
    const t0 = performance.now();
    const figures = await runFuzz(dataset, {
      scenarios: 300,
      argumentVectors: 150,
      commandLines: 20,
      seed: 20261207,
      exactEvery: 15,
      monteCarloEvery: 10,
    });
    const report = formatFigures(figures, performance.now() - t0);
    expect(figures.inputsTried, report).toBeGreaterThanOrEqual(500);
    expect(figures.accepted, report).toBeGreaterThan(20);
    expect(figures.exactChecked, report).toBeGreaterThan(0);
    expect([figures.crashes, figures.wrongAccepts, figures.unnamedRefusals], report).toEqual([
      0, 0, 0,
    ]);
  }, 120_000);
});
