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
      { path: "", message: "a list is not a scenario (a JSON object)" },
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

  it("refuses __proto__, constructor and prototype by name wherever a scenario has keys (issue #15)", () => {
    // JSON.parse makes "__proto__" an own key; copied into a plain object it would be dropped
    // (or replace the prototype), and the scenario would read "valid".
    const doc = JSON.parse(
      `{"schemaVersion": 1, "__proto__": {"x": 1}, "parameters": {
        "__proto__": {"value": 1},
        "constructor": 0.1,
        "ffs.fixedShare": {"byCrc": {"__proto__": 0.3}, "byOwner": {"prototype": 0.3},
                           "byYear": {"constructor": 0.3}}
      }}`,
    ) as unknown;
    const { issues, scenario } = parseScenario(doc);
    const reserved = (key: string) =>
      `"${key}" is not allowed as a key: "__proto__", "constructor", "prototype" are reserved names`;
    expect(issues).toEqual([
      { path: "__proto__", message: reserved("__proto__") },
      { path: "parameters.__proto__", message: reserved("__proto__") },
      { path: "parameters.constructor", message: reserved("constructor") },
      { path: "parameters.ffs.fixedShare.byCrc.__proto__", message: reserved("__proto__") },
      { path: "parameters.ffs.fixedShare.byOwner.prototype", message: reserved("prototype") },
      { path: "parameters.ffs.fixedShare.byYear.constructor", message: reserved("constructor") },
    ]);
    expect(Object.getPrototypeOf(scenario.parameters)).toBe(Object.prototype);
  });

  it("cuts echoed user text: a 200,000-character key is named, not printed whole", () => {
    const key = "k".repeat(200_000);
    const { issues } = parseScenario({ schemaVersion: 1, [key]: 1, parameters: { [key]: 1 } });
    for (const issue of issues) {
      expect(issue.path.length + issue.message.length).toBeLessThan(600);
      expect(issue.message).toContain("(200000 characters)");
    }
    expect(issues.map((i) => i.path)).toEqual([`${"k".repeat(80)}…(200000 characters)`]);
  });

  it("gives one message for a scenario that is a JSON string, not one per character", () => {
    expect(parseScenario("abc").issues).toEqual([
      { path: "", message: '"abc" is not a scenario (a JSON object)' },
    ]);
  });
});
