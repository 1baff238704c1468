import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MONEY_LINES } from "../engine/lines.ts";
import { projectExact } from "../engine/project-exact.ts";
import { FINANCIAL_YEARS } from "../engine/timeline.ts";
import { PRESETS } from "../scenario/presets.ts";
import { testDataset } from "../../test/fixtures/test-dataset.ts";
import { validateScenario, type ResolvedScenario } from "../scenario/validate-scenario.ts";
import { columnOverride } from "./column-override.ts";
import { projectExactWith } from "./exact-rerun.ts";
import { outputPence, selectOutput, type OutputScope, type OutputSpec } from "./output-spec.ts";
import { planSwings } from "./swing-plan.ts";
import { runTornado, swingInputs } from "./tornado.ts";

const dataset = await testDataset();
const presetIds = [...PRESETS.keys()];
const resolvedPresets = new Map<string, ResolvedScenario>();
for (const id of presetIds) {
  const r = validateScenario(PRESETS.get(id), dataset);
  if (!r.ok) throw new Error(id);
  resolvedPresets.set(id, r.value);
}
const crcs = resolvedPresets.get("the-2017-variation")!.inputs.crcs;

const tornadoOf = (preset: string, output?: OutputSpec) => {
  const t = runTornado(resolvedPresets.get(preset)!, dataset, output);
  if (!t.ok) throw new Error(JSON.stringify(t.issues));
  return t.value;
};

const scope: fc.Arbitrary<OutputScope> = fc.oneof(
  fc.constant({ kind: "national" as const }),
  fc.constantFrom(...crcs.map((c) => ({ kind: "crc" as const, id: c.id }))),
  fc.constantFrom(
    ...[...new Set(crcs.map((c) => c.ownerId))].map((id) => ({ kind: "owner" as const, id })),
  ),
);
const output: fc.Arbitrary<OutputSpec> = fc.record({
  scope,
  line: fc.constantFrom(...MONEY_LINES),
  period: fc.constantFrom("contract", ...FINANCIAL_YEARS),
});

describe("runTornado", () => {
  it("follows national contract-life profit by default, from the scenario's own value", () => {
    const t = tornadoOf("the-2017-variation");
    expect(t.outputLabel).toBe("profit, national, contract life");
    const resolved = resolvedPresets.get("the-2017-variation")!;
    const exact = projectExact(resolved.inputs);
    expect(t.basePence).toBe(outputPence(exact, selectOutput(t.output, crcs)));
    expect(t.rows.length).toBeGreaterThan(20);
    expect(t.notes.join(" ")).toContain("all 21 CRCs at once");
  });

  it("sorts rows by |swing|, each swing being output at high minus output at low", () => {
    fc.assert(
      fc.property(fc.constantFrom(...presetIds), output, (preset, spec) => {
        const t = tornadoOf(preset, spec);
        for (const row of t.rows)
          expect(row.swingPence).toBe(row.outputAtHighPence - row.outputAtLowPence);
        for (let i = 1; i < t.rows.length; i++)
          expect(Math.abs(t.rows[i - 1]!.swingPence)).toBeGreaterThanOrEqual(
            Math.abs(t.rows[i]!.swingPence),
          );
      }),
      { numRuns: 15 },
    );
  });

  it("puts the points the model guarantees on the right side (laws)", () => {
    // Directions the rules fix whatever the scenario (src/engine/README.md):
    // fee for service falls as the shortfall rises (v(s) decreasing, φ ≤ 1); gross service
    // credits only deduct; a dearer FTE only adds cost; a better binary outcome never pays less.
    const laws: [string, OutputSpec["line"], 1 | -1][] = [
      ["volume.shortfall", "fee_for_service", -1],
      ["serviceCredits.grossAnnual", "service_credits", -1],
      ["staff.loadedCostPerFte", "cost_total", 1],
      ["staff.loadedCostPerFte", "staff_cost", 1],
      ["pbr.binaryReductionPts", "pbr", 1],
      ["cost.bidMargin", "non_staff_cost", -1],
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...presetIds),
        scope,
        fc.constantFrom("contract", ...FINANCIAL_YEARS),
        fc.constantFrom(...laws),
        (preset, who, period, [parameter, line, sign]) => {
          const t = tornadoOf(preset, { scope: who, line, period });
          const row = t.rows.find((r) => r.parameter === parameter)!;
          expect(row.swingPence * sign).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 25 },
    );
  });

  it("equals the exact engine, through the scenario pipeline, to the penny at sampled points", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...presetIds),
        output,
        fc.nat(),
        fc.constantFrom("low" as const, "high" as const),
        (preset, spec, pick, end) => {
          const resolved = resolvedPresets.get(preset)!;
          const swings = planSwings(resolved.inputs, dataset);
          const swing = swings[pick % swings.length]!;
          // ends held in range (notes) are not scenarios a file can write; none on the presets
          expect(swingInputs(resolved.inputs, swing, end, dataset).notes).toEqual([]);
          const overrides = Object.fromEntries(
            swing.ids.map((id) => [
              id,
              columnOverride(id, swing[end].get(id)!, resolved.inputs.crcs, dataset)!,
            ]),
          );
          const exact = projectExactWith(resolved, dataset, overrides);
          if (!exact.ok) throw new Error(JSON.stringify(exact.issues));
          const row = tornadoOf(preset, spec).rows.find((r) => r.parameter === swing.parameter)!;
          const want = outputPence(exact.value.ledger, selectOutput(spec, resolved.inputs.crcs));
          expect(end === "low" ? row.outputAtLowPence : row.outputAtHighPence).toBe(want);
        },
      ),
      { numRuns: 30 },
    );
  });

  it("returns a bad output as an issue", () => {
    const t = runTornado(resolvedPresets.get("no-variation")!, dataset, {
      scope: { kind: "crc", id: "atlantis" },
      line: "profit",
      period: "contract",
    });
    expect(!t.ok && t.issues[0]!.path).toBe("output");
  });

  it("notes what it held in range at an end, row by row", () => {
    // a scenario whose staff share sits at its fixed share: the fixed share's low end would
    // put the staff share above it, so the staff share is held there (as the Monte Carlo does)
    const doc = {
      schemaVersion: 1,
      extends: "the-2017-variation",
      parameters: { "cost.fixedShare": 0.7, "cost.staffShare": 0.7 },
    };
    const r = validateScenario(doc, dataset);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const t = runTornado(r.value, dataset);
    if (!t.ok) throw new Error(JSON.stringify(t.issues));
    const row = t.value.rows.find((x) => x.parameter === "cost.fixedShare")!;
    expect(row.note).toMatch(/^low: cost.staffShare held at cost.fixedShare for 21 CRC/);
    expect(t.value.rows.find((x) => x.parameter === "ffs.toleranceBand")!.note).toBe("");
  });
});

describe("runTornado on a scenario whose FTE range reaches 0 (issue #15)", () => {
  it("swings it, holding London's staffing above 0, and says so", async () => {
    const data = await testDataset();
    const low = validateScenario(
      { schemaVersion: 1, parameters: { "staff.fteJune2017": 139.7 } },
      data,
    );
    if (!low.ok) throw new Error("scenario");
    const result = runTornado(low.value, data);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const row = result.value.rows.find((r) => r.parameter === "staff.fteJune2017")!;
    expect(row.note).toMatch(/staffing held at 1 FTE or above .* for 1 CRC\(s\): london/);
  });
});
