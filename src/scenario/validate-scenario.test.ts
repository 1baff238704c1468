import { formatIssue } from "../issues/issue.ts";
import { describe, expect, it } from "vitest";
import { PRESETS } from "./presets.ts";
import { testDataset } from "../../test/fixtures/test-dataset.ts";
import { scenarioHash, validateScenario } from "./validate-scenario.ts";

const dataset = await testDataset();
const problems = (doc: unknown) => {
  const result = validateScenario(doc, dataset);
  return result.ok ? [] : result.issues.map(formatIssue);
};

describe("validateScenario against data/parameters.csv", () => {
  it("accepts every preset in models/ without warnings", () => {
    for (const [id, preset] of PRESETS) {
      const result = validateScenario(preset, dataset);
      expect([id, result.ok, result.ok ? result.warnings : result.issues]).toEqual([id, true, []]);
    }
  });

  it("names the path, the bad value and the allowed range", () => {
    expect(
      problems({
        schemaVersion: 1,
        parameters: { "volume.shortfall.2017-18": { byCrc: { london: 1.7 } } },
      }),
    ).toEqual([
      "parameters.volume.shortfall.2017-18.byCrc.london: 1.7 is above the maximum 0.9 (the range for london)",
    ]);
    expect(problems({ schemaVersion: 1, parameters: { "ffs.toleranceBand": -0.1 } })).toEqual([
      "parameters.ffs.toleranceBand.value: -0.1 is below the minimum 0",
    ]);
  });

  it("says a bad value set for every CRC once, with every CRC's range (issue #16)", () => {
    expect(problems({ schemaVersion: 1, parameters: { "volume.shortfall.2015-16": 5 } })).toEqual([
      "parameters.volume.shortfall.2015-16.value: 5 is above the maximum 0.9 (the range for every CRC: -0.5 to 0.9)",
    ]);
    expect(
      problems({ schemaVersion: 1, parameters: { "volume.shortfall.2015-16": "abc" } }),
    ).toHaveLength(1);
  });

  it("reports every problem at once, from the shape to the data", () => {
    const all = problems({
      schemaVersion: 1,
      colour: "red",
      extends: "the-2017-variation",
      parameters: {
        "ffs.tolerance": 0.1,
        "ict.compensationTotal": { byCrc: { london: 1 } },
        "size.annualPrice": { byYear: { "2019-20": 1 } },
        "pbr.binaryReductionPts": {
          byCrc: { londn: 1 },
          byOwner: { sodexho: 1 },
          byYear: { "2030-31": 1 },
        },
      },
    });
    expect(all).toEqual([
      expect.stringMatching(/^colour: unknown key "colour"/),
      'parameters.ffs.tolerance: unknown parameter "ffs.tolerance" (did you mean "ffs.toleranceBand"?)',
      'parameters.ict.compensationTotal: ict.compensationTotal is a national figure; it cannot vary by CRC or owner (use "value")',
      "parameters.size.annualPrice.byYear: size.annualPrice is read once for the whole contract; it cannot vary by year",
      'parameters.pbr.binaryReductionPts.byCrc.londn: unknown CRC "londn" (did you mean "london"?)',
      'parameters.pbr.binaryReductionPts.byOwner.sodexho: unknown owner "sodexho" (did you mean "sodexo"?)',
      expect.stringMatching(
        /^parameters\.pbr\.binaryReductionPts\.byYear\.2030-31: unknown financial year "2030-31"; years: 2014-15/,
      ),
    ]);
  });

  it("checks months, whole numbers and money in pounds with at most 2 decimals", () => {
    expect(problems({ schemaVersion: 1, parameters: { "variation.start": "Aug 2017" } })).toEqual([
      'parameters.variation.start.value: "Aug 2017": malformed month: expected YYYY-MM (e.g. 2017-08)',
    ]);
    expect(problems({ schemaVersion: 1, parameters: { "termination.endDate": 2019 } })).toEqual([
      'parameters.termination.endDate.value: 2019 is not a month; write "YYYY-MM", from 2015-02 to 2022-03',
    ]);
    expect(problems({ schemaVersion: 1, parameters: { "pbr.cashLagMonths": 24.5 } })).toEqual([
      "parameters.pbr.cashLagMonths.value: 24.5: malformed number: months must be a whole number",
    ]);
    expect(
      problems({ schemaVersion: 1, parameters: { "staff.loadedCostPerFte": 36000.123 } }),
    ).toEqual([
      "parameters.staff.loadedCostPerFte.value: 36000.123: malformed number: money (GBP_per_year) has at most 2 decimals",
    ]);
  });

  it("checks combinations: staff cannot be a larger share of costs than the fixed share", () => {
    expect(problems({ schemaVersion: 1, parameters: { "cost.staffShare": 0.8 } })[0]).toMatch(
      /^parameters\.cost\.staffShare\.value: for northumbria in 2014-15: the staff share 0\.8 is above the fixed share 0\.77/,
    );
  });

  it("warns, without failing, about an override the engine does not read", () => {
    const result = validateScenario(
      { schemaVersion: 1, parameters: { "ict.crcCount": 16 } },
      dataset,
    );
    expect(result.ok && result.warnings.map(formatIssue)).toEqual([
      "parameters.ict.crcCount: has no effect: the engine does not read ict.crcCount (shown for information)",
    ]);
  });

  it("applies the most specific override: byCrc over byOwner over byYear over value", () => {
    const result = validateScenario(
      {
        schemaVersion: 1,
        parameters: {
          "pbr.binaryReductionPts": {
            value: 1,
            byYear: { "2019-20": 2 },
            byOwner: { sodexo: 3 },
            byCrc: { essex: 4 },
          },
        },
      },
      dataset,
    );
    if (!result.ok) throw new Error("expected a valid scenario");
    const { inputs } = result.value;
    const at = (crc: string, fy: number) =>
      inputs.values.get("pbr.binaryReductionPts")![
        inputs.crcs.findIndex((c) => c.id === crc) * 8 + fy
      ];
    expect(at("essex", 5)).toBe(4);
    expect(at("northumbria", 5)).toBe(3);
    expect(at("london", 5)).toBe(2);
    expect(at("london", 4)).toBe(1);
    expect(result.value.origin("pbr.binaryReductionPts", 0, 5)).toEqual({
      kind: "scenario",
      path: "parameters.pbr.binaryReductionPts.byOwner.sodexo",
    });
  });

  it("says which data row a value came from when the scenario does not set it", () => {
    const result = validateScenario({ schemaVersion: 1 }, dataset);
    if (!result.ok) throw new Error("expected a valid scenario");
    const { origin, inputs } = result.value;
    const c = inputs.crcs.findIndex((x) => x.id === "wales");
    // A parameter with a row per CRC: this CRC's row; one with a national row only: that row.
    const perCrc = dataset.parameters.find((p) => p.crc === "wales")!;
    expect(origin(perCrc.id, c, 2)).toEqual({
      kind: "data",
      row: dataset.parameters.find((p) => p.id === perCrc.id && p.crc === "wales"),
    });
    const national = dataset.parameters.find(
      (p) => p.crc === null && !dataset.parameters.some((q) => q.id === p.id && q.crc !== null),
    )!;
    expect(origin(national.id, c, 0)).toEqual({ kind: "data", row: national });
    expect(origin(national.id, inputs.crcs.length, 0)).toBeUndefined();
    expect(origin(national.id, c, 8)).toBeUndefined();
    expect(origin("no.such.parameter", c, 0)).toBeUndefined();
  });
});

describe("scenarioHash", () => {
  const hashOf = (doc: unknown) => {
    const result = validateScenario(doc, dataset);
    if (!result.ok) throw new Error(result.issues.map(formatIssue).join("; "));
    return result.value.hash;
  };

  it("does not depend on key order, titles, or a plain value versus { value }", () => {
    const a = hashOf({
      schemaVersion: 1,
      title: "A",
      parameters: { "ffs.toleranceBand": 0.02, "cost.bidMargin": 0.05 },
    });
    const b = hashOf({
      schemaVersion: 1,
      parameters: { "cost.bidMargin": { value: 0.05 }, "ffs.toleranceBand": 0.02 },
    });
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });

  it("is the same for a preset and the same overrides spelled out", () => {
    const preset = hashOf(PRESETS.get("no-variation"));
    const spelled = hashOf({ schemaVersion: 1, parameters: { "variation.scale": 0 } });
    expect(preset).toBe(spelled);
  });

  it("changes when a value changes", () => {
    expect(hashOf({ schemaVersion: 1, parameters: { "ffs.toleranceBand": 0.02 } })).not.toBe(
      hashOf({ schemaVersion: 1, parameters: { "ffs.toleranceBand": 0.03 } }),
    );
  });

  it("is pinned for the empty scenario (a change here changes every saved hash)", () => {
    // node -e: crypto.createHash("sha256").update('{"parameters":{},"schemaVersion":1}')
    expect(scenarioHash({ schemaVersion: 1, lineage: [], parameters: {} })).toBe(
      "2004c21d4f8a238fa35bdc7488b369f1cbfde487009d630832f6cfc0c6a48bb5",
    );
  });
});

describe("validateScenario: the derived shortfall", () => {
  it("refuses a trend that takes a later year's shortfall outside the range of the given years", () => {
    const result = validateScenario(
      { schemaVersion: 1, parameters: { "volume.shortfallTrend": 0.2 } },
      dataset,
    );
    expect(result.ok ? [] : result.issues.map(formatIssue)[0]).toMatch(
      /^parameters\.volume\.shortfallTrend: for \S+: the trend takes the 20\d\d-\d\d shortfall to [\d.]+, outside -0\.5 to 0\.9$/,
    );
  });
});
