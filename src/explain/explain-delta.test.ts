import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixtureInputs } from "../../test/fixtures/fixture-inputs.ts";
import { ALL } from "../engine/roll-up.ts";
import { arbitraryFigureRef, arbitraryPair } from "../../test/fixtures/arbitrary-inputs.ts";
import { testDataset } from "../../test/fixtures/test-dataset.ts";
import { DELTA_METHODS, explainDelta } from "./explain-delta.ts";

const dataset = await testDataset();
/** A and B (every parameter drawn within its data rows' min–max), B with up to 6 of another's. */
const pairs = arbitraryPair(dataset, 6);
const arbitraryRef = arbitraryFigureRef(dataset);

describe("explainDelta (issue #8)", () => {
  it("shares a scenario delta exactly among changed parameters and their interaction", () => {
    fc.assert(
      fc.property(
        pairs,
        arbitraryRef,
        fc.constantFrom(...DELTA_METHODS),
        ({ a, b }, ref, method) => {
          const result = explainDelta(a, b, ref, { method });
          if (!result.ok) throw new Error(JSON.stringify(result.issues));
          const d = result.value;
          expect(d.deltaPence).toBe(d.amountBPence - d.amountAPence);
          const sum = d.parts.reduce((s, p) => s + p.effectPence, 0) + d.interactionPence;
          expect(sum).toBe(d.deltaPence);
          expect(Number.isSafeInteger(d.interactionPence)).toBe(true);
          if (method === "sequential") expect(d.interactionPence).toBe(0);
          const params = d.parts.map((p) => p.param);
          expect(params).toEqual([...params].sort());
          expect(structuredClone(d)).toEqual(d);
        },
      ),
      { numRuns: 25 },
    );
  });

  it("gives the whole delta to a parameter changed alone, with no interaction", () => {
    const a = fixtureInputs();
    const b = fixtureInputs({ "volume.shortfall.2017-18": [0.3, 0, 0] });
    const result = explainDelta(a, b, { crc: ALL, line: "fee_for_service", period: "total" });
    if (!result.ok) throw new Error("delta");
    const d = result.value;
    expect(d.deltaPence).toBeLessThan(0);
    expect(d.parts).toEqual([
      {
        param: "volume.shortfall.2017-18",
        params: ["volume.shortfall.2017-18"],
        effectPence: d.deltaPence,
        changedValues: 8,
        from: "0",
        to: "0.3",
      },
    ]);
    expect(d.interactionPence).toBe(0);
    expect(d.order).toBe("parameter ids in alphabetical order");
  });

  it("shows the interaction of two levers that compound", () => {
    const a = fixtureInputs();
    const b = fixtureInputs({ "volume.shortfall.2017-18": 0.3, "ffs.fixedShare": 0.4 });
    const result = explainDelta(a, b, { crc: "alpha", line: "fee_for_service", period: "2018-19" });
    if (!result.ok) throw new Error("delta");
    expect(result.value.parts.map((p) => p.param)).toEqual([
      "ffs.fixedShare",
      "volume.shortfall.2017-18",
    ]);
    expect(result.value.interactionPence).not.toBe(0);
  });

  it("names a bad figure", () => {
    const a = fixtureInputs();
    const result = explainDelta(a, a, { crc: "alpha", line: "profits", period: "total" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]!.message).toMatch(
      /^unknown line "profits" \(did you mean "profit"\?\)/,
    );
  });
});
