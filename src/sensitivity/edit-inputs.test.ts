import { describe, expect, it } from "vitest";
import { SHORTFALL_ID } from "../engine/parameter-specs.ts";
import { FY_COUNT } from "../engine/projection-inputs.ts";
import { PRESETS } from "../scenario/presets.ts";
import { testDataset } from "../../test/fixtures/test-dataset.ts";
import { validateScenario } from "../scenario/validate-scenario.ts";
import { CROSS_CHECKED_IDS, inputIssues, withColumns } from "./edit-inputs.ts";

const dataset = await testDataset();
const resolve = (doc: unknown) => {
  const r = validateScenario(doc, dataset);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value.inputs;
};
const base = resolve(PRESETS.get("the-2017-variation"));

describe("withColumns", () => {
  it("recomputes the shortfall path as the resolver does, without touching the base", () => {
    const before = Float64Array.from(base.values.get(SHORTFALL_ID)!);
    const given = Float64Array.from(base.values.get("volume.shortfall.2017-18")!).fill(0.3);
    const trend = Float64Array.from(base.values.get("volume.shortfallTrend")!).fill(0.01);
    const edited = withColumns(
      base,
      new Map([
        ["volume.shortfall.2017-18", given],
        ["volume.shortfallTrend", trend],
      ]),
    );
    const viaScenario = resolve({
      schemaVersion: 1,
      extends: "the-2017-variation",
      parameters: { "volume.shortfall.2017-18": 0.3, "volume.shortfallTrend": 0.01 },
    });
    expect([...edited.values.get(SHORTFALL_ID)!]).toEqual([
      ...viaScenario.values.get(SHORTFALL_ID)!,
    ]);
    // 2021-22 is four years after 2017-18: 0.3 + 4 × 0.01, in decimal
    expect(edited.values.get(SHORTFALL_ID)![FY_COUNT - 1]).toBe(0.34);
    expect([...base.values.get(SHORTFALL_ID)!]).toEqual([...before]);
  });

  it("refuses a parameter the inputs do not have (a bug in the caller)", () => {
    expect(() => withColumns(base, new Map([["no.such", new Float64Array(1)]]))).toThrow(
      /lack parameter no.such/,
    );
  });
});

describe("inputIssues", () => {
  it("holds edited inputs to the scenario rules across parameters", () => {
    expect(inputIssues(base, dataset)).toEqual([]);
    const low = Float64Array.from(base.values.get("cost.fixedShare")!).fill(0.5);
    const issues = inputIssues(withColumns(base, new Map([["cost.fixedShare", low]])), dataset);
    expect(issues[0]!.message).toContain("must not exceed cost.fixedShare");
    expect(CROSS_CHECKED_IDS).toContain("cost.staffShare");
  });
});
