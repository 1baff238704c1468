import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MONEY_LINES } from "../../src/engine/lines.ts";
import { projectExact } from "../../src/engine/project-exact.ts";
import { projectFloat } from "../../src/engine/project-float.ts";
import { testDataset } from "../fixtures/test-dataset.ts";
import { arbitraryInputsFromSpecs } from "../fixtures/arbitrary-inputs.ts";

/**
 * No accepted scenario leaves the safe money range: every cell and every national total of
 * every line is a whole number of pence a float64 holds exactly (|x| ≤ 2^53 − 1), and the
 * exact ledger, which throws outside that range (money.ts `toPence`), never throws. Inputs are
 * every parameter the engine reads, drawn within its data rows' min–max by CRC and year, often at
 * a range's ends or just above its minimum (0.001 FTE), then filtered by the cross-parameter
 * rules as validation applies them. Before the workload cap (src/engine/constraints.ts) 0.001
 * FTE with the feedback on gave −£50.8 trillion, and with the norm at 1 left the range.
 */
const dataset = await testDataset();

/** The first cell or national total that is not a safe whole number of pence, if any. */
function unsafe(money: Record<string, Float64Array | number[]>): string | undefined {
  for (const line of MONEY_LINES) {
    const cells = money[line]!;
    let total = 0;
    for (let i = 0; i < cells.length; i++) {
      if (!Number.isSafeInteger(cells[i])) return `${line}[${i}] = ${cells[i]}`;
      total += cells[i]!;
    }
    if (!Number.isSafeInteger(total)) return `${line} national total ${total}`;
  }
  return undefined;
}

describe("safe money (law)", () => {
  it("every accepted scenario projects inside the safe money range (float path)", () => {
    fc.assert(
      fc.property(arbitraryInputsFromSpecs(dataset, { ends: true }), (inputs) => {
        expect(unsafe(projectFloat(inputs).money)).toBeUndefined();
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it("every accepted scenario projects on the exact path without leaving it", () => {
    fc.assert(
      fc.property(arbitraryInputsFromSpecs(dataset, { ends: true }), (inputs) => {
        expect(unsafe(projectExact(inputs).money)).toBeUndefined();
      }),
      { numRuns: 8, seed: 13 },
    );
  }, 120_000);
});
