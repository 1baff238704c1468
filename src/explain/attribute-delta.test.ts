import { beforeAll, describe, expect, it } from "vitest";
import type { Dataset } from "../data/index.ts";
import { fixtureInputs } from "../../test/fixtures/fixture-inputs.ts";
import type { ProjectionInputs } from "../engine/projection-inputs.ts";
import { testDataset } from "../../test/fixtures/test-dataset.ts";
import { validateScenario } from "../scenario/validate-scenario.ts";
import { attributeDelta } from "./attribute-delta.ts";
import { attributionGroups, parameterCatalog } from "./attribution-groups.ts";
import { explainDelta } from "./explain-delta.ts";
import { formatAttribution } from "./format-attribution.ts";

let dataset: Dataset;
const inputs = (preset: string): ProjectionInputs => {
  const r = validateScenario({ schemaVersion: 1, extends: preset }, dataset);
  if (!r.ok) throw new Error(preset);
  return r.value.inputs;
};
beforeAll(async () => {
  dataset = await testDataset();
});

const PROFIT = { crc: "ALL", line: "profit", period: "total" };
const SHORTFALLS = [
  "volume.shortfall.2015-16",
  "volume.shortfall.2016-17",
  "volume.shortfall.2017-18",
  "volume.shortfallTrend",
];

describe("attributeDelta: the contract as let against the 2017 variation", () => {
  it("shares the change in national profit exactly among the five changed parameters, with no interaction row", () => {
    const a = inputs("contract-as-let");
    const b = inputs("the-2017-variation");
    const catalog = parameterCatalog(dataset.parameters);
    const result = attributeDelta(a, b, PROFIT, { catalog });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const d = result.value;
    expect(d.exact).toBe(true);
    expect(d.parts.map((p) => p.group)).toEqual(["variation.scale", ...SHORTFALLS]);
    expect(d.parts.reduce((s, p) => s + p.pence, 0)).toBe(d.deltaPence);
    expect(d.projections).toBe(2 ** 5 - 2);
    expect(Object.keys(d)).not.toContain("interactionPence");
    // The variation adds, the shortfalls take away; one at a time, the rest is an
    // "interaction" larger than the change itself.
    expect(d.parts[0]!.pence).toBeGreaterThan(0);
    for (const p of d.parts.slice(1)) expect(p.pence).toBeLessThan(0);
    const oneAtATime = explainDelta(a, b, PROFIT);
    if (!oneAtATime.ok) throw new Error("one at a time");
    expect(oneAtATime.value.deltaPence).toBe(d.deltaPence);
    expect(Math.abs(oneAtATime.value.interactionPence)).toBeGreaterThan(Math.abs(d.deltaPence));
    const text = formatAttribution(d, "contract-as-let", "the-2017-variation");
    expect(text).not.toMatch(/interaction \(/);
    expect(text).toContain("exact: all 32 combinations of the 5 parameters");
    expect(d.parts[0]!.label).toBe("Scale of the 2017 variation");
  });

  it("by group: the variation against the volumes, the same total", () => {
    const result = attributeDelta(inputs("contract-as-let"), inputs("the-2017-variation"), PROFIT, {
      level: "group",
      catalog: parameterCatalog(dataset.parameters),
    });
    if (!result.ok) throw new Error("group");
    const d = result.value;
    expect(d.parts.map((p) => [p.group, p.label, p.params])).toEqual([
      ["variation", "2017 variation and guarantee", ["variation.scale"]],
      ["volumes", "Volumes", SHORTFALLS],
    ]);
    expect(d.parts[0]!.pence + d.parts[1]!.pence).toBe(d.deltaPence);
    expect(d.parts[1]!.changedValues).toBe(4 * 168);
  });

  it("sampled orders land within a few standard errors of the exact shares, and are seeded", () => {
    const a = inputs("contract-as-let");
    const b = inputs("the-2017-variation");
    const exact = attributeDelta(a, b, PROFIT);
    const sampled = attributeDelta(a, b, PROFIT, { maxExactGroups: 0, permutations: 64, seed: 9 });
    if (!exact.ok || !sampled.ok) throw new Error("attribution");
    expect(sampled.value.exact).toBe(false);
    expect(sampled.value.sampling).toEqual({ permutations: 64, seed: 9 });
    expect(sampled.value.parts.reduce((s, p) => s + p.pence, 0)).toBe(exact.value.deltaPence);
    sampled.value.parts.forEach((p, i) => {
      const gap = Math.abs(p.valuePence - exact.value.parts[i]!.valuePence);
      expect(gap).toBeLessThanOrEqual(4 * p.standardErrorPence! + 1);
    });
    expect(attributeDelta(a, b, PROFIT, { maxExactGroups: 0, permutations: 64, seed: 9 })).toEqual(
      sampled,
    );
    expect(formatAttribution(sampled.value)).toContain(
      "estimated from 64 random orders, seed 9; ± one standard error",
    );
  });
});

describe("attributeDelta: problems as values", () => {
  it("names a bad figure and bad options", () => {
    const a = fixtureInputs();
    const bad = attributeDelta(a, a, { crc: "alpha", line: "profits", period: "total" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]!.message).toMatch(/^unknown line "profits"/);
    const options = attributeDelta(a, a, PROFIT, {
      level: "crc" as "group",
      permutations: 2,
      seed: -1,
      maxExactGroups: 21,
    });
    expect(options.ok ? [] : options.issues.map((i) => i.path)).toEqual([
      "level",
      "maxExactGroups",
      "permutations",
      "seed",
    ]);
  });

  it("gives no parts when nothing differs", () => {
    const a = fixtureInputs();
    const result = attributeDelta(a, fixtureInputs(), PROFIT);
    expect(result.ok && result.value.parts).toEqual([]);
    expect(result.ok && result.value.deltaPence).toBe(0);
  });

  it("groups parameters the catalog does not know under their own id", () => {
    expect(attributionGroups(["b.x", "a.y"], "group")).toEqual([
      { id: "a.y", label: "a.y", params: ["a.y"] },
      { id: "b.x", label: "b.x", params: ["b.x"] },
    ]);
  });
});
