import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Dataset } from "../data/index.ts";
import {
  SHORTFALL_PATH_IDS,
  STAFF_WITHIN_FIXED_IDS,
  WORKLOAD_CAP_IDS,
} from "../engine/constraints.ts";
import type { ProjectionInputs } from "../engine/projection-inputs.ts";
import { fixtureInputs } from "../../test/fixtures/fixture-inputs.ts";
import { testDataset } from "../../test/fixtures/test-dataset.ts";
import type { Issue } from "../issues/issue.ts";
import { CROSS_CHECKED_PARAMETER_IDS } from "../scenario/check-resolved-inputs.ts";
import { validateScenario } from "../scenario/validate-scenario.ts";
import { inputIssues } from "../sensitivity/edit-inputs.ts";
import { attributeDelta } from "./attribute-delta.ts";
import {
  attributionGroups,
  parameterCatalog,
  type AttributionGroup,
} from "./attribution-groups.ts";
import {
  COUPLED_PARAMETERS,
  keepCoupledTogether,
  type AttributionPlayer,
} from "./coupled-parameters.ts";
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
function staffingPair(
  feedback: number,
  alsoInB: Record<string, number> = {},
): { a: ProjectionInputs; b: ProjectionInputs } {
  const fte14 = dataset.parameters.filter((p) => p.id === "staff.fteJune2014" && p.crc !== null);
  const side = (cutScale: number, share: number, also: Record<string, number> = {}) => {
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
          ...also,
        },
      },
      dataset,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    return r.value.inputs;
  };
  return { a: side(1, 0.3), b: side(1.5, 0.5, alsoInB) };
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

describe("keepCoupledTogether joins only the players whose mixes break a rule", () => {
  it("three players hold parameters of the workload set and two conflict: those two are joined, the third stays apart", () => {
    // B also turns the PbR workload feedback on, beside the service credits' that both have on:
    // a mix with either side's PbR feedback meets every rule, so it need not move with the two.
    const pbr = "workload.feedback.pbrPtsPer10Pct";
    const { a, b } = staffingPair(0.1, { [pbr]: 0.1 });
    const rules = (inputs: ProjectionInputs) => inputIssues(inputs, dataset);
    expect(inputIssues(b, dataset)).toEqual([]);
    const params = ["staff.cutScale", "staff.fteJune2017", pbr];
    const players = keepCoupledTogether(attributionGroups(params, "parameter"), a, b, rules);
    expect(players.map((p) => p.id)).toEqual(["staff.cutScale + staff.fteJune2017", pbr]);
    expect(players[0]!.params).toEqual(["staff.cutScale", "staff.fteJune2017"]);
    expect(players[0]!.keptTogether).toMatch(
      /^taking staff\.cutScale from B and staff\.fteJune2017, workload\.feedback\.pbrPtsPer10Pct from A breaks a rule \(.*staffing would fall to -/,
    );
    expect(players[1]!.keptTogether).toBeUndefined();
    const result = attributeDelta(a, b, PROFIT, { rules });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const d = result.value;
    expect(d.parts.map((p) => p.group)).toEqual(["staff.cutScale + staff.fteJune2017", pbr]);
    expect(d.parts.reduce((s, p) => s + p.pence, 0)).toBe(d.deltaPence);
    for (const from of [[], ["staff.cutScale", "staff.fteJune2017"], [pbr], params])
      expect(rules(hybrid(a, b, from))).toEqual([]);
  });

  it("law: every mix of the players passes, and no joined player could be split in two with every mix passing", () => {
    // Rules made up at random over the coupled sets (as the real ones, each reads one set): a mix
    // breaks one when its set's parameters taken from B are a (seeded) unlucky choice. A's and B's
    // values are equal but B's are copies, so a mix's parameters from B are known by identity.
    const coupledIds = COUPLED_PARAMETERS.flatMap((set) => set.ids);
    const others = ["cost.bidMargin", "size.annualPrice"];
    const ids = [...coupledIds, ...others];
    const a = fixtureInputs();
    for (const id of ids) expect(a.values.has(id), id).toBe(true);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1, max: 5 }), { minLength: ids.length, maxLength: ids.length }),
        fc.integer(),
        fc.integer({ min: 0, max: 100 }),
        (owners, seed, percent) => {
          const groups: AttributionGroup[] = [0, 1, 2, 3, 4, 5]
            .map((i) => ({
              id: `p${i}`,
              label: `P${i}`,
              params: ids.filter((_, j) => owners[j] === i).sort(),
            }))
            .filter((g) => g.params.length > 0);
          const changed = new Set(groups.flatMap((g) => g.params));
          const bValues = new Map(a.values);
          for (const id of changed) bValues.set(id, a.values.get(id)!.slice());
          const b: ProjectionInputs = { crcs: a.crcs, values: bValues };
          const rules = (inputs: ProjectionInputs): Issue[] =>
            COUPLED_PARAMETERS.flatMap((set, s) => {
              const held = set.ids.filter((id) => changed.has(id));
              const fromB = held.filter((id) => inputs.values.get(id) === b.values.get(id));
              if (fromB.length === 0 || fromB.length === held.length) return [];
              const unlucky = hashOf(`${seed} ${s} ${fromB.join(",")}`) % 100 < percent;
              return unlucky ? [{ path: set.ids[0]!, message: `set ${s} refuses ${fromB}` }] : [];
            });
          const players = keepCoupledTogether(groups, a, b, rules);
          const passes = (ps: readonly AttributionPlayer[]) => {
            for (let mask = 0; mask < 2 ** ps.length; mask++) {
              const from = ps.filter((_, i) => (mask >>> i) & 1).flatMap((p) => p.params);
              if (rules(hybrid(a, b, from)).length > 0) return false;
            }
            return true;
          };
          expect(passes(players)).toBe(true);
          expect(players.flatMap((p) => p.params).sort()).toEqual([...changed].sort());
          expect(players.map((p) => p.id)).toEqual(players.map((p) => p.id).sort());
          for (const player of players) {
            const members = player.id.split(" + ").map((id) => groups.find((g) => g.id === id)!);
            expect(player.params).toEqual(members.flatMap((g) => g.params).sort());
            if (members.length === 1) {
              expect(player).toBe(members[0]);
              continue;
            }
            expect(player.keptTogether).toMatch(
              /^taking .* from B and .* from A breaks a rule \(set \d refuses /,
            );
            // Each way of splitting it in two (the last member stays in the second part).
            const rest = players.filter((p) => p !== player);
            for (let mask = 1; mask < 2 ** (members.length - 1); mask++) {
              const part = (inFirst: boolean) => {
                const of = members.filter((_, i) => Boolean((mask >>> i) & 1) === inFirst);
                return { id: "", label: "", params: of.flatMap((g) => g.params) };
              };
              expect(passes([...rest, part(true), part(false)])).toBe(false);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** FNV-1a: a fixed, well-spread choice of which mixes a made-up rule refuses. */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

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
