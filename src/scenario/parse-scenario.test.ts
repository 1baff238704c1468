import { describe, expect, it } from "vitest";
import { parseScenario } from "./parse-scenario.ts";

describe("parseScenario", () => {
  it("accepts a minimal scenario", () => {
    expect(parseScenario({ schemaVersion: 1 }).issues).toEqual([]);
  });

  it("refuses unknown keys, suggesting the likely one (a typo must not be ignored)", () => {
    const { issues } = parseScenario({ schemaVersion: 1, paramters: {} });
    expect(issues).toEqual([
      {
        path: "paramters",
        message:
          'unknown key "paramters" (did you mean "parameters"?); allowed: schemaVersion, id, title, description, extends, parameters, uncertainty',
      },
    ]);
  });

  it("requires the schema version and names the supported one", () => {
    expect(parseScenario({}).issues[0]).toEqual({
      path: "schemaVersion",
      message: "is required and must be 1",
    });
    expect(parseScenario({ schemaVersion: 2 }).issues[0]?.message).toBe(
      "2 is not a supported version; the only version is 1",
    );
  });

  it("refuses a document that is not an object", () => {
    expect(parseScenario([1, 2]).issues).toEqual([
      { path: "", message: "a scenario must be a JSON object, got a list" },
    ]);
  });

  it("checks each override's form and reports every problem with its path", () => {
    const { issues, scenario } = parseScenario({
      schemaVersion: 1,
      id: "Bad Id",
      parameters: {
        "ffs.toleranceBand": 0.02,
        "staff.payAward": { byYaer: { "2019-20": 0.01 } },
        "pbr.binaryReductionPts": { byCrc: { london: true } },
        "cost.bidMargin": [0.1],
      },
    });
    expect(issues.map((i) => i.path)).toEqual([
      "id",
      "parameters.staff.payAward.byYaer",
      "parameters.pbr.binaryReductionPts.byCrc.london",
      "parameters.cost.bidMargin",
    ]);
    expect(issues[1]?.message).toMatch(/unknown key "byYaer" \(did you mean "byYear"\?\)/);
    expect(scenario.parameters).toEqual({ "ffs.toleranceBand": 0.02 });
  });
});
