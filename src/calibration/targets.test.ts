import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { testDataset } from "../../test/fixtures/test-dataset.ts";
import { scaledResidual } from "./fit.ts";
import { meets, parseTargets, TARGET_COLUMNS } from "./targets.ts";

const dataset = await testDataset();
const text = await readFile("data/targets.csv", "utf8");
const header = TARGET_COLUMNS.join(",");
const row = (cells: Record<string, string>) => {
  const base: Record<string, string> = {
    id: "x.y",
    value: "100",
    unit: "GBP",
    scope: "national",
    period: "p",
    basis: "b",
    definition: "d",
    scenario: "no-variation",
    measure: "income_total",
    tolerance_kind: "relative",
    tolerance: "0.1",
    tolerance_reason: "r",
    role: "check",
    fits: "",
    published: "2017",
    source_id: "bbc-2014-12-05",
    locator: "",
    ...cells,
  };
  return `${header}\n${TARGET_COLUMNS.map((c) => base[c]).join(",")}\n`;
};

describe("data/targets.csv", () => {
  it("parses with no issues, every figure the model must reproduce", () => {
    const { targets, issues } = parseTargets(text, dataset);
    expect(issues).toEqual([]);
    expect(targets.length).toBeGreaterThanOrEqual(18);
    // The composition of the £342m, the £2.5bn and the £2.1bn are all there.
    for (const id of [
      "variation.increase",
      "variation.maxFeeIncrease",
      "varied.maxProjectedFee",
      "fell.feeForService",
    ]) {
      expect(targets.map((t) => t.id)).toContain(id);
    }
  });

  it("names the field and the allowed values for a bad row", () => {
    const bad = (cells: Record<string, string>) => parseTargets(row(cells), dataset).issues;
    expect(bad({ measure: "profit_forever" })[0]).toMatchObject({
      path: "data/targets.csv:2 [measure]",
      message: expect.stringMatching(/^"profit_forever" is not one of income_total_per_year, /),
    });
    expect(bad({ scenario: "pbr-hihg" })[0]).toMatchObject({
      path: "data/targets.csv:2 [scenario]",
      message: expect.stringMatching(
        /^"pbr-hihg" is not one of .* \(did you mean "pbr-high"\?\), or 'a - b'$/,
      ),
    });
    expect(bad({ scenario: "pbr-high - pbr-low - no-variation" })[0]!.message).toMatch(
      /expected a preset id or two, 'a - b'$/,
    );
    expect(bad({ tolerance: "2" })[0]).toMatchObject({ path: "data/targets.csv:2 [tolerance]" });
    expect(bad({ scope: "owner:nobody" })[0]).toMatchObject({ path: "data/targets.csv:2 [scope]" });
    expect(bad({ role: "fitted" })[0]).toMatchObject({ path: "data/targets.csv:2 [fits]" });
    expect(bad({ fits: "ffs.fixedShare" })[0]!.message).toMatch(/blank for a check/);
    expect(bad({ source_id: "nowhere" })[0]).toMatchObject({
      path: "data/targets.csv:2 [source_id]",
    });
    expect(bad({ tolerance_kind: "between", tolerance: "5..1" })[0]).toMatchObject({
      path: "data/targets.csv:2 [tolerance]",
    });
    expect(parseTargets(row({}), dataset).issues).toEqual([]);
  });

  it("reads money in pounds as pence, and owner scopes as their CRCs", () => {
    const { targets } = parseTargets(row({ value: "1.5", scope: "owner:working-links" }), dataset);
    expect(targets[0]!.value).toBe(150);
    expect(targets[0]!.crcs.map((i) => dataset.crcs[i]!.id)).toEqual(["bgsw", "ddc", "wales"]);
  });

  it("a residual is zero inside a range or bound, and scaled by the tolerance outside (law)", () => {
    const t = (cells: Record<string, string>) => parseTargets(row(cells), dataset).targets[0]!;
    const between = t({ tolerance_kind: "between", tolerance: "50..150" });
    expect(scaledResidual(between, 10_000)).toBe(0);
    expect(meets(between, 10_000)).toBe(true);
    expect(scaledResidual(between, 20_000)).toBeCloseTo(1);
    const atLeast = t({ tolerance_kind: "at_least", tolerance: "" });
    expect(scaledResidual(atLeast, 20_000)).toBe(0);
    expect(scaledResidual(atLeast, 9_000)).toBeLessThan(0);
    const relative = t({});
    expect(scaledResidual(relative, 11_000)).toBeCloseTo(1);
    expect(meets(relative, 11_000)).toBe(true);
    expect(meets(relative, 11_001)).toBe(false);
  });
});
