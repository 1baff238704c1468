import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RuleRef } from "../engine/explain-cell.ts";
import { FEE_FOR_SERVICE_RULE, feeForService } from "../engine/fee-for-service.ts";
import { GUARANTEE_RULE, guaranteeTopUp } from "../engine/guarantee.ts";
import { MONEY_LINES } from "../engine/lines.ts";
import { toPence, type Money } from "../engine/money.ts";
import { NON_STAFF_COST_RULE, nonStaffCost } from "../engine/non-staff-cost.ts";
import { periodMap } from "../engine/periods.ts";
import { PBR_RULE, pbrCohortPayment } from "../engine/pbr.ts";
import { projectExact } from "../engine/project-exact.ts";
import { REDUNDANCY_RULE, redundancyCost } from "../engine/redundancy.ts";
import { SERVICE_CREDITS_RULE, serviceCredits } from "../engine/service-credits.ts";
import { STAFF_COST_RULE, staffCost } from "../engine/staff-cost.ts";
import { TERMINATION_RULE, terminationPayment } from "../engine/termination.ts";
import { VARIATION_RULE, variationUplift } from "../engine/variation.ts";
import { arbitraryInputsFromSpecs } from "../../test/fixtures/arbitrary-inputs.ts";
import { testDataset } from "../../test/fixtures/test-dataset.ts";
import { explainFigure, type FigureNode } from "./explain-figure.ts";
import { fixtureScenario } from "../../test/fixtures/fixture-scenario.ts";

const dataset = await testDataset();
/** Every parameter the engine reads, drawn (or not) within its data rows' min–max. */
const arbitraryInputs = arbitraryInputsFromSpecs(dataset);

// The rules as functions of their named inputs (each takes exact decimal text as is).
type Rule = (inputs: never) => Money;
const RULES = new Map<string, Rule>([
  [FEE_FOR_SERVICE_RULE.id, feeForService],
  [VARIATION_RULE.id, variationUplift],
  [GUARANTEE_RULE.id, guaranteeTopUp],
  [PBR_RULE.id, pbrCohortPayment],
  [SERVICE_CREDITS_RULE.id, serviceCredits],
  [TERMINATION_RULE.id, terminationPayment],
  [STAFF_COST_RULE.id, staffCost],
  [REDUNDANCY_RULE.id, redundancyCost],
  [NON_STAFF_COST_RULE.id, nonStaffCost],
]);

function leaves(node: FigureNode, out: FigureNode[] = []): FigureNode[] {
  if (node.parts.length === 0) out.push(node);
  for (const p of node.parts) leaves(p, out);
  return out;
}

describe("an explanation's own inputs and rule give its pence (issue #8)", () => {
  it("recomputes every rule leaf of a CRC-year from the inputs it lists", () => {
    let recomputed = 0;
    fc.assert(
      fc.property(
        arbitraryInputs,
        fc.constantFrom(...dataset.crcs.map((c) => c.id)),
        fc.constantFrom(...MONEY_LINES),
        fc.constantFrom(...periodMap("fy").labels),
        (inputs, crc, line, period) => {
          const result = explainFigure(fixtureScenario(inputs), projectExact(inputs), {
            crc,
            line,
            period,
          });
          if (!result.ok) throw new Error(JSON.stringify(result.issues));
          for (const leaf of leaves(result.value)) {
            const rule = RULES.get((leaf.rule as RuleRef | null)?.id ?? "");
            if (rule === undefined || leaf.inputs.length === 0) continue;
            const named = Object.fromEntries(leaf.inputs.map((i) => [i.name, i.value]));
            expect([leaf.ref, toPence(rule(named as never))]).toEqual([leaf.ref, leaf.amountPence]);
            recomputed += 1;
          }
        },
      ),
      { numRuns: 30 },
    );
    // Leaves after an early end or with no rule function here are skipped; most are not.
    expect(recomputed).toBeGreaterThan(0);
  });
});
