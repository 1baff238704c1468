import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryInputsFromSpecs } from "../../test/fixtures/arbitrary-inputs.ts";
import { PRESETS } from "../scenario/presets.ts";
import { testDataset } from "../../test/fixtures/test-dataset.ts";
import { validateScenario } from "../scenario/validate-scenario.ts";
import { MONTH_COUNT, type Ledger } from "./ledger.ts";
import { COST_LINES, INCOME_LINES } from "./lines.ts";
import {
  floatSumsProjector,
  type FloatSumsProjector,
  projectFloat,
  projectFloatSums,
  SUMMED_LINES,
} from "./project-float.ts";
import { FY_COUNT, type ProjectionInputs } from "./projection-inputs.ts";
import { FY_INDEX_BY_MONTH } from "./timeline.ts";

// projectFloat itself is checked against the exact ledger in test/properties/float-path.test.ts.
const dataset = await testDataset();
const presetInputs = (id: string) => {
  const result = validateScenario(PRESETS.get(id), dataset);
  if (!result.ok) throw new Error(id);
  return result.value.inputs;
};

/** The ledger's income and cost lines summed by CRC, line and financial year. */
function sumsOfLedger(ledger: Ledger, n: number): Float64Array {
  const sums = new Float64Array(n * SUMMED_LINES.length * FY_COUNT);
  SUMMED_LINES.forEach((line, l) => {
    const cells = ledger.money[line];
    for (let c = 0; c < n; c++)
      for (let m = 0; m < MONTH_COUNT; m++) {
        const at = (c * SUMMED_LINES.length + l) * FY_COUNT + FY_INDEX_BY_MONTH[m]!;
        sums[at] = sums[at]! + cells[c * MONTH_COUNT + m]!;
      }
  });
  return sums;
}

const sumsOf = (inputs: ProjectionInputs, into?: Float64Array) => {
  const sums = into ?? new Float64Array(inputs.crcs.length * SUMMED_LINES.length * FY_COUNT);
  projectFloatSums(inputs, sums);
  return sums;
};

describe("projectFloatSums", () => {
  it("sums the income lines, then the cost lines", () => {
    expect(SUMMED_LINES).toEqual([...INCOME_LINES, ...COST_LINES]);
  });

  it.each([...PRESETS.keys()])("equals the sums of projectFloat's ledger on preset %s", (id) => {
    const inputs = presetInputs(id);
    expect(sumsOf(inputs)).toEqual(sumsOfLedger(projectFloat(inputs), inputs.crcs.length));
  });

  it("equals the sums of projectFloat's ledger on random scenarios, every lever (law)", () => {
    // Early ends, the guarantee, the workload feedback, moved variation starts: the paths
    // projectFloatSums adds up without writing cells. Sums reused from call to call, as in
    // Monte Carlo; every parameter drawn (or not) within its data rows' min–max.
    const n = dataset.crcs.length;
    const sums = new Float64Array(n * SUMMED_LINES.length * FY_COUNT);
    fc.assert(
      fc.property(arbitraryInputsFromSpecs(dataset), (inputs) => {
        expect(sumsOf(inputs, sums)).toEqual(sumsOfLedger(projectFloat(inputs), n));
      }),
      { numRuns: 200 },
    );
  });

  it("bound once to inputs rewritten in place (floatSumsProjector), gives the same sums (law)", () => {
    // As a Monte Carlo binds it: one inputs object whose columns, scalars included, take each
    // random scenario's values in turn.
    let buffer: ProjectionInputs | undefined;
    let projector: FloatSumsProjector | undefined;
    const sums = new Float64Array(dataset.crcs.length * SUMMED_LINES.length * FY_COUNT);
    fc.assert(
      fc.property(arbitraryInputsFromSpecs(dataset), (inputs) => {
        if (buffer === undefined) {
          const columns = [...inputs.values].map(([id, c]) => [id, Float64Array.from(c)] as const);
          buffer = { crcs: inputs.crcs, values: new Map(columns) };
          projector = floatSumsProjector(buffer);
        }
        for (const [id, column] of inputs.values) buffer.values.get(id)!.set(column);
        projector!.project(sums);
        expect(sums).toEqual(sumsOf(inputs));
      }),
      { numRuns: 200 },
    );
  });

  it("gives the same sums whatever was projected before (nothing carries over)", () => {
    const early = presetInputs("early-termination");
    const full = presetInputs("contract-as-let");
    const alone = sumsOf(early);
    sumsOf(full);
    expect(sumsOf(early)).toEqual(alone);
  });

  it("refuses sums of the wrong length, naming the length wanted", () => {
    const inputs = presetInputs("contract-as-let");
    expect(() => projectFloatSums(inputs, new Float64Array(10))).toThrow(
      /10 values, not 1680 \(CRCs × lines × years\)/,
    );
  });
});
