import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixtureInputs } from "../../test/fixtures/fixture-inputs.ts";
import { MONTH_COUNT, type Ledger } from "../engine/ledger.ts";
import { MONEY_LINES } from "../engine/lines.ts";
import { periodMap, PERIODS } from "../engine/periods.ts";
import { projectExact } from "../engine/project-exact.ts";
import { ALL, rollUp } from "../engine/roll-up.ts";
import { monthIndexOf } from "../engine/timeline.ts";
import { projectScenario } from "../scenario/project-scenario.ts";
import { testDataset } from "../../test/fixtures/test-dataset.ts";
import {
  arbitraryFigureRef,
  arbitraryInputsFromSpecs,
} from "../../test/fixtures/arbitrary-inputs.ts";
import { explainFigure, type FigureNode } from "./explain-figure.ts";
import { fixtureScenario } from "../../test/fixtures/fixture-scenario.ts";

/** Check the sum law at every expanded node; return the leaves (CRC-month cells). */
function checkTree(node: FigureNode, ledger: Ledger, cells: FigureNode[] = []): FigureNode[] {
  if (node.parts.length > 0) {
    const sum = node.parts.reduce((s, p) => s + p.sign * p.amountPence, 0);
    expect([node.ref, sum]).toEqual([node.ref, node.amountPence]);
    for (const p of node.parts) checkTree(p, ledger, cells);
  } else if (!node.truncated && node.step === "rule") cells.push(node);
  return cells;
}

function cellOf(ledger: Ledger, node: FigureNode): number {
  const c = ledger.crcs.findIndex((x) => x.id === node.ref.crc);
  const m = monthIndexOf(node.ref.period);
  return ledger.money[node.ref.line as (typeof MONEY_LINES)[number]][c * MONTH_COUNT + m]!;
}

const dataset = await testDataset();
const arbitraryInputs = arbitraryInputsFromSpecs(dataset);
const arbitraryRef = arbitraryFigureRef(dataset);

describe("explainFigure (issue #8)", () => {
  it("gives parts that sum exactly to every explained figure, over random scenarios", () => {
    fc.assert(
      fc.property(arbitraryInputs, arbitraryRef, (inputs, ref) => {
        const ledger = projectExact(inputs);
        const depth = ref.period === "total" ? 3 : undefined;
        const result = explainFigure(fixtureScenario(inputs), ledger, ref, { depth });
        if (!result.ok) throw new Error(JSON.stringify(result.issues));
        for (const leaf of checkTree(result.value, ledger)) {
          expect([leaf.ref, leaf.amountPence]).toEqual([leaf.ref, cellOf(ledger, leaf)]);
        }
        expect(structuredClone(result.value)).toEqual(result.value);
      }),
      { numRuns: 40 },
    );
  });

  it("explains the roll-up's own figure: the root equals the tidy row", () => {
    fc.assert(
      fc.property(arbitraryInputs, arbitraryRef, (inputs, ref) => {
        const ledger = projectExact(inputs);
        const result = explainFigure(fixtureScenario(inputs), ledger, ref, { depth: 1 });
        if (!result.ok) throw new Error(JSON.stringify(result.issues));
        const by = PERIODS.find((p) => periodMap(p).labels.includes(ref.period))!;
        const owner = inputs.crcs.find((c) => c.id === ref.crc)?.ownerId;
        const row = rollUp(ledger, by).find(
          (r) =>
            r.line === ref.line &&
            r.period === ref.period &&
            (owner === undefined
              ? r.crc === ALL && r.owner === ref.crc
              : r.crc === ref.crc && r.owner === owner),
        );
        expect(result.value.amountPence).toBe(row?.amount);
      }),
      { numRuns: 40 },
    );
  });

  it("recomputes every cell of a preset's CRC-year profit to the ledger's pence, with sources", async () => {
    const projected = projectScenario(
      { schemaVersion: 1, extends: "the-2017-variation" },
      await testDataset(),
    );
    if (!projected.ok) throw new Error("preset");
    const { scenario, ledger } = projected.value;
    const e = explainFigure(scenario, ledger, { crc: "london", line: "profit", period: "2017-18" });
    if (!e.ok) throw new Error("explain");
    const cells = checkTree(e.value, ledger);
    expect(cells.length).toBe(12 * 10);
    for (const leaf of cells) expect(leaf.amountPence).toBe(cellOf(ledger, leaf));
    const ffs = cells.find((n) => n.ref.line === "fee_for_service")!;
    expect(ffs.rule?.section).toMatch(/MODEL\.md/);
    expect(ffs.inputs.some((i) => i.source?.kind === "data")).toBe(true);
  });

  it("names the bad CRC, line and period with the allowed values", () => {
    const inputs = fixtureInputs();
    const result = explainFigure(fixtureScenario(inputs), projectExact(inputs), {
      crc: "atlantis",
      line: "fte",
      period: "2015-01",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path)).toEqual(["crc", "line", "period"]);
    expect(result.issues[0]!.message).toBe(
      'unknown CRC "atlantis"; CRCs: alpha, beta, gamma; owners: north, south; or ALL for the nation',
    );
    expect(result.issues[1]!.message).toMatch(
      /^cannot explain line "fte" \(not money\); money lines: fee_for_service, /,
    );
    expect(result.issues[2]!.message).toMatch(
      /^unknown period "2015-01"; periods: months 2015-02 … 2022-03/,
    );
  });
});
