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
});
