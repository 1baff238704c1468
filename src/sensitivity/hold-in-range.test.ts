import { describe, expect, it } from "vitest";
import { SHORTFALL_ID } from "../engine/parameter-specs.ts";
import { FY_COUNT } from "../engine/projection-inputs.ts";
import { PRESETS } from "../scenario/presets.ts";
import { testDataset } from "../../test/fixtures/test-dataset.ts";
import { validateScenario } from "../scenario/validate-scenario.ts";
import { inputIssues, withColumns } from "./edit-inputs.ts";
import { holdInRange } from "./hold-in-range.ts";

const dataset = await testDataset();
const resolved = validateScenario(PRESETS.get("the-2017-variation"), dataset);
if (!resolved.ok) throw new Error("preset does not validate");
const base = resolved.value.inputs;

describe("holdInRange", () => {
  it("changes nothing and says nothing when the inputs keep the rules", () => {
    const held = holdInRange(base, dataset);
    expect(held.notes).toEqual([]);
    expect(held.inputs.values.get("cost.staffShare")).toBe(base.values.get("cost.staffShare"));
  });

  it("holds the staff share at the fixed share, naming the CRCs", () => {
    const fixed = Float64Array.from(base.values.get("cost.fixedShare")!).fill(0.6);
    const edited = withColumns(base, new Map([["cost.fixedShare", fixed]]));
    expect(inputIssues(edited, dataset)).not.toEqual([]);
    const held = holdInRange(edited, dataset);
    expect(inputIssues(held.inputs, dataset)).toEqual([]);
    expect(held.notes).toEqual([
      expect.stringMatching(/^cost.staffShare held at cost.fixedShare for 21 CRC/),
    ]);
    expect(Math.max(...held.inputs.values.get("cost.staffShare")!)).toBe(0.6);
    // the edited inputs are not changed
    expect(Math.max(...edited.values.get("cost.staffShare")!)).toBe(0.65);
  });

  it("holds a shortfall path that a steep trend takes past the 2017-18 row's maximum", () => {
    const given = Float64Array.from(base.values.get("volume.shortfall.2017-18")!);
    given.fill(0.85, 0, FY_COUNT); // the first CRC only
    const trend = Float64Array.from(base.values.get("volume.shortfallTrend")!).fill(0.05);
    const edited = withColumns(
      base,
      new Map([
        ["volume.shortfall.2017-18", given],
        ["volume.shortfallTrend", trend],
      ]),
    );
    const held = holdInRange(edited, dataset);
    expect(held.notes).toEqual([
      `shortfall after 2017-18 held inside the 2017-18 range for 1 CRC(s): ${base.crcs[0]!.id}`,
    ]);
    expect(held.inputs.values.get(SHORTFALL_ID)![FY_COUNT - 1]).toBe(0.9);
    expect(inputIssues(held.inputs, dataset)).toEqual([]);
  });

  it("holds a swung FTE that would take staffing to 0 FTE at 1 FTE, given the base (issue #15)", () => {
    const fte17 = Float64Array.from(base.values.get("staff.fteJune2017")!).fill(0);
    const edited = withColumns(base, new Map([["staff.fteJune2017", fte17]]));
    expect(inputIssues(edited, dataset)).not.toEqual([]);
    // without the base it cannot tell what was swung: unchanged (the caller reports the issue)
    expect(holdInRange(edited, dataset).notes).toEqual([]);
    const held = holdInRange(edited, dataset, base);
    expect(inputIssues(held.inputs, dataset)).toEqual([]);
    expect(held.notes).toEqual([
      expect.stringMatching(
        /^staffing held at 1 FTE or above \(it would fall to 0 FTE\) for 21 CRC/,
      ),
    ]);
    expect(new Set(held.inputs.values.get("staff.fteJune2017"))).toEqual(new Set([1]));
    expect(edited.values.get("staff.fteJune2017")![0]).toBe(0);
  });

  it("raises staffing to the workload cap's floor where a swing turns the feedback on", () => {
    // FTE in June 2017 of 1 is a valid scenario with the feedback off; swinging the feedback on
    // would break the cap (src/engine/constraints.ts), so staffing is raised to its floor.
    const low = validateScenario(
      { schemaVersion: 1, parameters: { "staff.fteJune2017": 1 } },
      dataset,
    );
    if (!low.ok) throw new Error("scenario");
    const on = Float64Array.from(
      low.value.inputs.values.get("workload.feedback.serviceCreditsPer10Pct")!,
    ).fill(0.1);
    const edited = withColumns(
      low.value.inputs,
      new Map([["workload.feedback.serviceCreditsPer10Pct", on]]),
    );
    expect(inputIssues(edited, dataset)).toHaveLength(21);
    const held = holdInRange(edited, dataset, low.value.inputs);
    expect(inputIssues(held.inputs, dataset)).toEqual([]);
    expect(held.notes).toEqual([
      expect.stringMatching(
        /^staffing raised to keep the workload index at or below 10 \(the feedback is on\) for 21 CRC/,
      ),
    ]);
    // the edited inputs are not changed
    expect(edited.values.get("staff.fteJune2017")![0]).toBe(1);
  });
});
