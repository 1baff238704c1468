import { beforeAll, describe, expect, it } from "vitest";
import type { Dataset } from "../data/index.ts";
import {
  SHORTFALL_PATH_IDS,
  STAFF_WITHIN_FIXED_IDS,
  WORKLOAD_CAP_IDS,
} from "../engine/constraints.ts";
import type { ProjectionInputs } from "../engine/projection-inputs.ts";
import { testDataset } from "../../test/fixtures/test-dataset.ts";
import { CROSS_CHECKED_PARAMETER_IDS } from "../scenario/check-resolved-inputs.ts";
import { validateScenario } from "../scenario/validate-scenario.ts";
import { inputIssues } from "../sensitivity/edit-inputs.ts";
import { attributeDelta } from "./attribute-delta.ts";
import { parameterCatalog } from "./attribution-groups.ts";
import { COUPLED_PARAMETERS } from "./coupled-parameters.ts";
import { DELTA_METHODS, explainDelta, hybrid } from "./explain-delta.ts";

let dataset: Dataset;
beforeAll(async () => {
  dataset = await testDataset();
});

/**
 * A and B each valid, but A's FTE in June 2017 with B's staff cut scale is not: A cuts every
 * CRC to 0.3 × its 2014 staff at scale 1, B to 0.5 × at scale 1.5 (0.25 × in the end), and
 * 0.3 × at scale 1.5 goes to 1 + 1.5 × (0.3 − 1) = −0.05 × the 2014 staff. With the workload
 * feedback on, the exact engine's workload index divides by that FTE and throws.
 */
function staffingPair(feedback: number): { a: ProjectionInputs; b: ProjectionInputs } {
  const fte14 = dataset.parameters.filter((p) => p.id === "staff.fteJune2014" && p.crc !== null);
  const side = (cutScale: number, share: number) => {
    const byCrc = Object.fromEntries(
      fte14.map((p) => [p.crc, Math.round(Number(p.values.default) * share * 1000) / 1000]),
    );
    const r = validateScenario(
      {
        schemaVersion: 1,
        parameters: {
          "staff.cutScale": cutScale,
          "staff.fteJune2017": { byCrc },
          "workload.feedback.serviceCreditsPer10Pct": feedback,
        },
      },
      dataset,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    return r.value.inputs;
  };
  return { a: side(1, 0.3), b: side(1.5, 0.5) };
}

const PROFIT = { crc: "ALL", line: "profit", period: "total" };

describe("attribution of a difference between scenarios whose mixes break a rule", () => {
  it("the example's mix is one the model refuses (the reason for keeping them together)", () => {
    const { a, b } = staffingPair(0.1);
    expect(inputIssues(a, dataset)).toEqual([]);
    expect(inputIssues(b, dataset)).toEqual([]);
    const mix = inputIssues(hybrid(a, b, ["staff.cutScale"]), dataset);
    expect(mix[0]!.message).toMatch(/staffing would fall to -\d/);
  });

  for (const method of DELTA_METHODS)
    it(`explainDelta (${method}) does not throw: the cut scale and FTE in 2017 move together`, () => {
      const { a, b } = staffingPair(0.1);
      const result = explainDelta(a, b, PROFIT, {
        method,
        rules: (inputs) => inputIssues(inputs, dataset),
      });
      if (!result.ok) throw new Error(JSON.stringify(result.issues));
      const d = result.value;
      expect(d.parts.map((p) => p.param)).toEqual(["staff.cutScale + staff.fteJune2017"]);
      expect(d.parts[0]!.params).toEqual(["staff.cutScale", "staff.fteJune2017"]);
      expect(d.parts[0]!.keptTogether).toMatch(
        /^taking staff\.cutScale from B .* staffing would fall to -/,
      );
      expect(d.parts[0]!.effectPence).toBe(d.deltaPence);
      expect(d.interactionPence).toBe(0);
    });

  for (const feedback of [0, 0.1])
    for (const level of ["parameter", "group"] as const)
      it(`attributeDelta (${level}, feedback ${feedback}) values no mix the model refuses and adds up exactly`, () => {
        const { a, b } = staffingPair(feedback);
        const result = attributeDelta(a, b, PROFIT, {
          level,
          catalog: parameterCatalog(dataset.parameters),
        });
        if (!result.ok) throw new Error(JSON.stringify(result.issues));
        const d = result.value;
        expect(d.parts).toHaveLength(1);
        expect(d.parts[0]!.params).toEqual(["staff.cutScale", "staff.fteJune2017"]);
        expect(d.parts[0]!.pence).toBe(d.deltaPence);
        if (level === "parameter") {
          expect(d.parts[0]!.group).toBe("staff.cutScale + staff.fteJune2017");
          expect(d.parts[0]!.keptTogether).toMatch(/staffing would fall to -/);
        } else expect(d.parts[0]!.group).toBe("staffing");
        expect(d.projections).toBe(0);
      });
});

describe("COUPLED_PARAMETERS", () => {
  it("are constraints.ts's lists of each rule's parameters, not written again (issue #13)", () => {
    const lists = [STAFF_WITHIN_FIXED_IDS, WORKLOAD_CAP_IDS, SHORTFALL_PATH_IDS];
    expect(COUPLED_PARAMETERS).toHaveLength(lists.length);
    COUPLED_PARAMETERS.forEach((set, i) => expect(set.ids).toBe(lists[i]));
  });

  it("hold every parameter the scenario checks read across parameters, but for rules of one", () => {
    const coupled = new Set(COUPLED_PARAMETERS.flatMap((set) => set.ids));
    const ofOne = ["size.annualPrice", "cost.bidMargin", "staff.onCostRate"];
    for (const id of CROSS_CHECKED_PARAMETER_IDS)
      if (!ofOne.includes(id)) expect(coupled, id).toContain(id);
  });
});
