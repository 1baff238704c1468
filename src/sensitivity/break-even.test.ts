import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PRESETS } from "../scenario/presets.ts";
import { projectScenario } from "../scenario/project-scenario.ts";
import { testDataset } from "../../test/fixtures/test-dataset.ts";
import { validateScenario, type ResolvedScenario } from "../scenario/validate-scenario.ts";
import {
  BREAK_EVEN_LEVER_NAMES,
  BREAK_EVEN_TOLERANCE_PENCE,
  bracketedSecant,
  findBreakEven,
  type BreakEvenResult,
} from "./break-even.ts";
import { outputPence, selectOutput } from "./output-spec.ts";

const dataset = await testDataset();
const resolvedPresets = new Map<string, ResolvedScenario>();
for (const id of PRESETS.keys()) {
  const r = validateScenario(PRESETS.get(id), dataset);
  if (!r.ok) throw new Error(id);
  resolvedPresets.set(id, r.value);
}
const crcIds = resolvedPresets.get("no-variation")!.inputs.crcs.map((c) => c.id);

const breakEven = (preset: string, lever: string, crc: string) => {
  const r = findBreakEven(resolvedPresets.get(preset)!, dataset, { lever, crc });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  expect(r.value.results).toHaveLength(1);
  return r.value.results[0]!;
};

/** The CRC's contract profit from a scenario written by hand: the preset plus `setting` for it. */
function directProfit(preset: string, result: BreakEvenResult): number {
  const parameters = Object.fromEntries(
    Object.entries(result.setting).map(([id, v]) => [id, { byCrc: { [result.crc]: v } }]),
  );
  const run = projectScenario({ schemaVersion: 1, extends: preset, parameters }, dataset);
  if (!run.ok) throw new Error(JSON.stringify(run.issues));
  const spec = {
    scope: { kind: "crc", id: result.crc },
    line: "profit",
    period: "contract",
  } as const;
  return outputPence(run.value.ledger, selectOutput(spec, run.value.scenario.inputs.crcs));
}

/** What every answer must satisfy, found or not. */
function expectConfirmed(preset: string, r: BreakEvenResult) {
  expect(r.checked).toBe(true);
  if (r.status === "found") {
    expect(r.below!.value).toBeLessThan(r.value!);
    expect(r.above!.value).toBeGreaterThan(r.value!);
    expect(r.below!.exactProfitPence < 0).not.toBe(r.above!.exactProfitPence < 0);
    expect(Math.abs(r.exactProfitPence!)).toBeLessThanOrEqual(BREAK_EVEN_TOLERANCE_PENCE);
    expect(r.value!).toBeGreaterThanOrEqual(r.allowed.min);
    expect(r.value!).toBeLessThanOrEqual(r.allowed.max);
    expect(directProfit(preset, r)).toBe(r.exactProfitPence);
  } else {
    expect(r.atMin!.exactProfitPence < 0).toBe(r.atMax!.exactProfitPence < 0);
    expect(r.message).toContain("no break-even within the allowed range");
  }
}

describe("findBreakEven", () => {
  it("finds the shortfall shift at which a CRC breaks even, confirmed by the exact engine", () => {
    const r = breakEven("no-variation", "shortfall", "south-yorkshire");
    expect(r.status).toBe("found");
    expect(r.current).toBe(0);
    // South Yorkshire loses a little (£6.7m) in the scenario, so it breaks even at a smaller shortfall
    expect(r.currentProfitPence).toBeLessThan(0);
    expect(r.value!).toBeLessThan(0);
    expect(Object.keys(r.setting)).toEqual([
      "volume.shortfall.2015-16",
      "volume.shortfall.2016-17",
      "volume.shortfall.2017-18",
    ]);
    expectConfirmed("no-variation", r);
  });

  it("says honestly when profit keeps its sign over the whole allowed range", () => {
    const r = breakEven("no-variation", "fixedShare", "london");
    expect(r.status).toBe("none");
    expect([r.value, r.exactProfitPence, r.below, r.above]).toEqual([null, null, null, null]);
    expect(r.atMin!.value).toBe(0);
    expect(r.atMax!.value).toBe(1);
    expect(r.message).toMatch(
      /^london: no break-even within the allowed range 0 to 1: profit is −?£[\d,]+\.\d\d at 0 and −?£[\d,]+\.\d\d at 1$/,
    );
    expectConfirmed("no-variation", r);
  });

  it("gives a confirmed answer or an honest none for any preset, lever and CRC (law)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...resolvedPresets.keys()),
        fc.constantFrom(...BREAK_EVEN_LEVER_NAMES),
        fc.constantFrom(...crcIds),
        (preset, lever, crc) => expectConfirmed(preset, breakEven(preset, lever, crc)),
      ),
      { numRuns: 12 },
    );
  });

  it("finds a variation scale that brings a losing CRC to zero", () => {
    // A scenario where the variation is what saves the CRC: deeper shortfall than the preset.
    const doc = {
      schemaVersion: 1,
      extends: "the-2017-variation",
      parameters: { "volume.shortfall.2017-18": 0.4, "volume.shortfall.2016-17": 0.35 },
    };
    const resolved = validateScenario(doc, dataset);
    if (!resolved.ok) throw new Error(JSON.stringify(resolved.issues));
    const all = findBreakEven(resolved.value, dataset, { lever: "variationScale" });
    if (!all.ok) throw new Error(JSON.stringify(all.issues));
    expect(all.value.results).toHaveLength(21);
    const found = all.value.results.filter((r) => r.status === "found");
    expect(found.length).toBeGreaterThan(0);
    for (const r of found) {
      expect(r.checked).toBe(true);
      expect(Math.abs(r.exactProfitPence!)).toBeLessThanOrEqual(BREAK_EVEN_TOLERANCE_PENCE);
      // more variation money, more profit: below the answer it loses
      expect(r.below!.exactProfitPence).toBeLessThan(0);
      expect(r.above!.exactProfitPence).toBeGreaterThanOrEqual(0);
    }
  });

  it("names a bad lever or CRC and what is allowed", () => {
    const resolved = resolvedPresets.get("no-variation")!;
    const lever = findBreakEven(resolved, dataset, { lever: "fixedshare" });
    expect(!lever.ok && lever.issues[0]).toEqual({
      path: "lever",
      message:
        '"fixedshare" is not one of shortfall, fixedShare, variationScale (did you mean "fixedShare"?)',
    });
    const crc = findBreakEven(resolved, dataset, { crc: "londn" });
    expect(!crc.ok && crc.issues[0]!.message).toMatch(
      /^unknown CRC "londn" \(did you mean "london"\?\); CRCs: /,
    );
  });
});

describe("bracketedSecant", () => {
  it("finds the root of a line in one step and of a steep curve within the width", () => {
    expect(
      bracketedSecant((x) => 1000 * (x - 0.3), { x: 0, p: -300 }, { x: 1, p: 700 }, 1e-12),
    ).toBeCloseTo(0.3, 12);
    const f = (x: number) => Math.round(1e9 * (x ** 3 - 0.2));
    const root = bracketedSecant(f, { x: 0, p: f(0) }, { x: 1, p: f(1) }, 1e-12);
    expect(Math.abs(root - Math.cbrt(0.2))).toBeLessThan(1e-8);
  });
});
