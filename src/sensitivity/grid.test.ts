import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FY_COUNT } from "../engine/projection-inputs.ts";
import { PRESETS } from "../scenario/presets.ts";
import { projectScenario } from "../scenario/project-scenario.ts";
import { testDataset } from "../../test/fixtures/test-dataset.ts";
import { validateScenario, type ResolvedScenario } from "../scenario/validate-scenario.ts";
import { GRID_STEPS, runGrid, type GridRequest } from "./grid.ts";
import { outputPence, selectOutput, type OutputSpec } from "./output-spec.ts";

const dataset = await testDataset();
const resolvedPresets = new Map<string, ResolvedScenario>();
for (const id of PRESETS.keys()) {
  const r = validateScenario(PRESETS.get(id), dataset);
  if (!r.ok) throw new Error(id);
  resolvedPresets.set(id, r.value);
}
const noVariation = resolvedPresets.get("no-variation")!;

const grid = (request: GridRequest, resolved = noVariation) => {
  const g = runGrid(resolved, dataset, request);
  if (!g.ok) throw new Error(JSON.stringify(g.issues));
  return g.value;
};
const problems = (request: GridRequest) => {
  const g = runGrid(noVariation, dataset, request);
  if (g.ok) throw new Error("expected problems");
  return g.issues;
};

/**
 * A direct engine run written by hand, independently of the knobs: the preset extended with a
 * plain value for a parameter, or each CRC's three given shortfall years shifted.
 */
function direct(preset: string, set: Record<string, number>, output: OutputSpec): number {
  const base = resolvedPresets.get(preset)!;
  const parameters: Record<string, unknown> = {};
  for (const [id, value] of Object.entries(set)) {
    if (id !== "volume.shortfall.shift") {
      parameters[id] = value;
      continue;
    }
    for (const fy of ["2015-16", "2016-17", "2017-18"]) {
      const column = base.inputs.values.get(`volume.shortfall.${fy}`)!;
      parameters[`volume.shortfall.${fy}`] = {
        byCrc: Object.fromEntries(
          base.inputs.crcs.map((crc, c) => [
            crc.id,
            Number((column[c * FY_COUNT]! + value).toFixed(12)),
          ]),
        ),
      };
    }
  }
  const run = projectScenario({ schemaVersion: 1, extends: preset, parameters }, dataset);
  if (!run.ok) throw new Error(JSON.stringify(run.issues));
  return outputPence(run.value.ledger, selectOutput(output, run.value.scenario.inputs.crcs));
}

describe("runGrid", () => {
  it("returns N × M tidy rows, x-major, over the data's span by default", () => {
    const g = grid({
      x: { id: "volume.shortfall.shift" },
      y: { id: "ffs.fixedShare", steps: 3 },
      steps: 4,
    });
    expect(g.x.values).toHaveLength(4);
    expect(g.y.values).toEqual([0, 0.5, 1]);
    expect(g.rows).toHaveLength(12);
    expect(g.rows.slice(0, 3).map((r) => r.x)).toEqual([
      g.x.values[0],
      g.x.values[0],
      g.x.values[0],
    ]);
    expect(g.outputLabel).toBe("profit, national, contract life");
    // Arquero reads the rows as they are
    const wide = aq.from(g.rows).groupby("x").rollup({ n: aq.op.count() }).objects();
    expect(wide).toHaveLength(4);
    expect(GRID_STEPS.default).toBe(11);
    // The scenario's own point, for a chart to mark: no shift, and φ as let.
    expect(g.x.current).toBe(0);
    expect(g.y.current).toBe(0.2);
  });

  it("equals direct engine runs at its corners (shortfall shift × fixed share → national profit)", () => {
    const output: OutputSpec = { scope: { kind: "national" }, line: "profit", period: "contract" };
    const g = grid({
      x: { id: "volume.shortfall.shift", from: -0.1, to: 0.15 },
      y: { id: "ffs.fixedShare", from: 0.1, to: 0.6 },
      steps: 5,
    });
    for (const x of [-0.1, 0.15])
      for (const y of [0.1, 0.6]) {
        const cell = g.rows.find((r) => r.x === x && r.y === y)!;
        expect(cell.valuePence).toBe(
          direct("no-variation", { "volume.shortfall.shift": x, "ffs.fixedShare": y }, output),
        );
      }
  });

  it("equals direct engine runs at random corners and outputs (law)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...resolvedPresets.keys()),
        fc.constantFrom("crc:london", "owner:sodexo", "national"),
        fc.constantFrom("profit", "income_total", "fee_for_service", "cost_total"),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 50, max: 150 }),
        (preset, who, line, bandPct, scalePct) => {
          const [kind, id] = who.split(":");
          const output = {
            scope: kind === "national" ? { kind: "national" } : { kind, id },
            line,
            period: "contract",
          } as OutputSpec;
          const band = bandPct / 100;
          const scale = scalePct / 100;
          const g = grid(
            {
              x: { id: "ffs.toleranceBand", from: band, to: (bandPct + 10) / 100 },
              y: { id: "variation.scale", from: scale, to: (scalePct + 100) / 100 },
              steps: 2,
              output,
            },
            resolvedPresets.get(preset)!,
          );
          const last = g.rows[g.rows.length - 1]!;
          expect(last.valuePence).toBe(
            direct(preset, { "ffs.toleranceBand": last.x, "variation.scale": last.y }, output),
          );
        },
      ),
      { numRuns: 8 },
    );
  });

  it("never lowers fee income as the fixed share rises, when volume is short of prediction (law)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("no-variation", "contract-as-let", "the-2017-variation", "pbr-high"),
        fc.constantFrom("national", "crc:wales", "owner:interserve"),
        (preset, who) => {
          const [kind, id] = who.split(":");
          const output = {
            scope: kind === "national" ? { kind: "national" } : { kind, id },
            line: "fee_for_service",
            period: "contract",
          } as OutputSpec;
          const g = grid(
            {
              x: { id: "volume.shortfall.shift", from: 0, to: 0.15, steps: 4 },
              y: { id: "ffs.fixedShare", from: 0, to: 1, steps: 6 },
              output,
            },
            resolvedPresets.get(preset)!,
          );
          for (const x of g.x.values) {
            const column = g.rows.filter((r) => r.x === x).map((r) => r.valuePence);
            for (let j = 1; j < column.length; j++)
              expect(column[j]!).toBeGreaterThanOrEqual(column[j - 1]!);
          }
        },
      ),
      { numRuns: 6 },
    );
  });

  it("names each bad field of the request and its allowed range", () => {
    expect(problems({ x: {} as never, y: { id: "ffs.upsideCap" } })).toEqual([
      { path: "x", message: expect.stringContaining("a parameter id is required") },
    ]);
    expect(problems({ x: { id: "ffs.fixedshare" }, y: { id: "ffs.upsideCap" } })).toEqual([
      { path: "x", message: expect.stringContaining('did you mean "ffs.fixedShare"') },
    ]);
    expect(
      problems({ x: { id: "ffs.fixedShare", from: 1.5 }, y: { id: "ffs.upsideCap" }, steps: 51 }),
    ).toEqual([
      { path: "x.steps", message: "51 is not a whole number from 2 to 50" },
      { path: "x.from", message: "1.5 is outside the allowed range of ffs.fixedShare, 0 to 1" },
      { path: "y.steps", message: "51 is not a whole number from 2 to 50" },
    ]);
    expect(
      problems({
        x: { id: "ffs.fixedShare", from: 0.6, to: 0.4 },
        y: { id: "ffs.upsideCap", steps: 1 },
      }),
    ).toEqual([
      { path: "x.from", message: "0.6 must be below x.to (0.4) for ffs.fixedShare" },
      { path: "y.steps", message: "1 is not a whole number from 2 to 50" },
    ]);
    expect(
      problems({
        x: { id: "pbr.cashLagMonths", steps: 20 },
        y: { id: "staff.loadedCostPerFte", from: 32000.123 },
      }),
    ).toEqual([
      { path: "x.steps", message: expect.stringContaining("use at most 7 steps") },
      {
        path: "y.from",
        message: "32000.123 has more than 2 decimals; staff.loadedCostPerFte is in GBP_per_year",
      },
    ]);
    expect(
      problems({ x: { id: "volume.shortfall.shift" }, y: { id: "volume.shortfall.2017-18" } }),
    ).toEqual([
      { path: "y", message: expect.stringContaining("both set volume.shortfall.2017-18") },
    ]);
    expect(
      problems({ x: { id: "cost.fixedShare", from: 0.5, to: 0.9 }, y: { id: "ffs.upsideCap" } }),
    ).toEqual([
      {
        path: "grid",
        message: expect.stringMatching(
          /^at cost.fixedShare = 0.5, ffs.upsideCap = 0: .*must not exceed cost.fixedShare; narrow the axes$/,
        ),
      },
    ]);
  });
});
