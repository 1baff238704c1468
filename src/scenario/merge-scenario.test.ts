import { describe, expect, it } from "vitest";
import { mergeOverride, mergeScenario } from "./merge-scenario.ts";
import type { Scenario } from "./scenario.ts";

const presets = new Map<string, Scenario>([
  ["base", { schemaVersion: 1, id: "base", parameters: { a: { value: 1, byCrc: { x: 2 } } } }],
  ["child", { schemaVersion: 1, id: "child", extends: "base", parameters: { b: 3 } }],
  ["loop-a", { schemaVersion: 1, id: "loop-a", extends: "loop-b" }],
  ["loop-b", { schemaVersion: 1, id: "loop-b", extends: "loop-a" }],
]);

describe("mergeOverride", () => {
  it("lets a plain value replace the parent's whole entry", () => {
    expect(mergeOverride({ value: 1, byCrc: { x: 2 } }, 5)).toEqual({ value: 5 });
  });

  it("merges an object key by key and its maps entry by entry", () => {
    expect(mergeOverride({ value: 1, byCrc: { x: 2 } }, { byCrc: { y: 3 } })).toEqual({
      value: 1,
      byCrc: { x: 2, y: 3 },
    });
  });
});

describe("mergeScenario", () => {
  it("applies the extends chain, farthest preset first", () => {
    const { merged, issues } = mergeScenario(
      { schemaVersion: 1, extends: "child", parameters: { a: { byCrc: { y: 4 } } } },
      presets,
    );
    expect(issues).toEqual([]);
    expect(merged.lineage).toEqual(["child", "base"]);
    expect(merged.parameters).toEqual({ a: { value: 1, byCrc: { x: 2, y: 4 } }, b: { value: 3 } });
  });

  it("names an unknown preset and lists the real ones", () => {
    const { issues } = mergeScenario({ schemaVersion: 1, extends: "chlid" }, presets);
    expect(issues[0]?.message).toMatch(
      /^"chlid" is not a preset \(did you mean "child"\?\); presets: base, child/,
    );
  });

  it("reports a cycle instead of looping", () => {
    const { issues } = mergeScenario({ schemaVersion: 1, extends: "loop-a" }, presets);
    expect(issues[0]?.message).toMatch(/cycle: loop-a → loop-b → loop-a/);
  });

  it("does not take a user's scenario for the preset whose id it shares (issue #15)", () => {
    // A copy of "child" saved under its id, extending "base": not a cycle, and the preset's
    // own overrides are not applied twice; a preset extending itself still is a cycle.
    const { merged, issues } = mergeScenario(
      { schemaVersion: 1, id: "child", extends: "base", parameters: { c: 4 } },
      presets,
    );
    expect(issues).toEqual([]);
    expect(merged.lineage).toEqual(["base"]);
    expect(merged.parameters).toEqual({ a: { value: 1, byCrc: { x: 2 } }, c: { value: 4 } });
    const selfish = new Map([
      ...presets,
      ["self", { schemaVersion: 1 as const, id: "self", extends: "self" }],
    ]);
    expect(
      mergeScenario({ schemaVersion: 1, extends: "self" }, selfish).issues[0]?.message,
    ).toMatch(/cycle: self → self/);
  });

  it("accepts the-2017-variation's id on a scenario extending no-variation", async () => {
    const { PRESETS } = await import("./presets.ts");
    const { merged, issues } = mergeScenario(
      { schemaVersion: 1, id: "the-2017-variation", extends: "no-variation" },
      PRESETS,
    );
    expect(issues).toEqual([]);
    expect(merged.lineage).toEqual(["no-variation", "the-2017-variation"]);
    expect(merged.id).toBe("the-2017-variation");
  });
});
