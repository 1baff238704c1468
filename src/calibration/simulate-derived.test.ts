import { describe, expect, it } from "vitest";
import { testDataset } from "../../test/fixtures/test-dataset.ts";
import { loadTargetsFromDisk } from "./load-targets.ts";
import { planDerived } from "./simulate-derived.ts";
import {
  prepareTargetSimulation,
  simulateTargets,
  simulateTargetsProjected,
} from "./simulate-targets.ts";

const dataset = await testDataset();
const targets = await loadTargetsFromDisk(dataset);
const sim = prepareTargetSimulation(dataset, targets);

describe("the prior simulation with one projection a draw (issue #14)", () => {
  it("law: gives every target's value and every parameter bit for bit as projecting every preset does", () => {
    expect(planDerived(sim)).not.toBeNull();
    for (const [seed, from, to] of [
      [2014, 0, 300],
      [7, 5000, 5200],
    ] as const) {
      const derived = simulateTargets(sim, seed, from, to);
      const projected = simulateTargetsProjected(sim, seed, from, to);
      // toEqual on Float64Arrays compares with Object.is: bit for bit, -0 apart from 0.
      expect(derived.values).toEqual(projected.values);
      expect(derived.parameters).toEqual(projected.parameters);
    }
  });

  it("projects every preset when a target reads what a derived preset cannot give", () => {
    // The contract as let gives income only (its costs read the shortfall).
    const asLetProfit = {
      ...targets[0]!,
      id: "x.asLetProfit",
      measure: "profit_from_2016_17" as const,
    };
    const other = prepareTargetSimulation(dataset, [...targets, asLetProfit]);
    expect(planDerived(other)).toBeNull();
    const a = simulateTargets(other, 3, 0, 20);
    expect(a.values).toEqual(simulateTargetsProjected(other, 3, 0, 20).values);
  });
});
