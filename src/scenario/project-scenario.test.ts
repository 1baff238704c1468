import { formatIssue } from "../issues/issue.ts";
import { describe, expect, it } from "vitest";
import { PRESETS } from "./presets.ts";
import { projectScenario } from "./project-scenario.ts";
import { testDataset } from "../../test/fixtures/test-dataset.ts";
import { isValidatedScenario, validateScenario } from "./validate-scenario.ts";

const dataset = await testDataset();

/**
 * Issue #15, item 7: only what `validateScenario` returned counts as resolved. A document shaped
 * like a resolved scenario (from JSON, a copy, a structured clone) is validated like any other.
 */
describe("projectScenario and resolved scenarios", () => {
  const resolved = (() => {
    const result = validateScenario(PRESETS.get("pbr-high"), dataset);
    if (!result.ok) throw new Error("pbr-high");
    return result.value;
  })();

  it("projects a scenario validateScenario returned without validating it again", () => {
    expect(isValidatedScenario(resolved)).toBe(true);
    const projected = projectScenario(resolved, dataset);
    expect(projected.ok && projected.value.scenario).toBe(resolved);
  });

  it("validates JSON shaped like a resolved scenario: refused, never thrown", () => {
    const forged = JSON.parse(
      '{"inputs": {"crcs": [], "values": {}}, "merged": {"schemaVersion": 1}, "hash": "x"}',
    ) as unknown;
    expect(isValidatedScenario(forged)).toBe(false);
    const result = projectScenario(forged, dataset);
    expect(result.ok ? [] : result.issues.map(formatIssue)).toEqual([
      'inputs: unknown key "inputs"; allowed: schemaVersion, id, title, description, extends, parameters, uncertainty',
      'merged: unknown key "merged"; allowed: schemaVersion, id, title, description, extends, parameters, uncertainty',
      'hash: unknown key "hash"; allowed: schemaVersion, id, title, description, extends, parameters, uncertainty',
      "schemaVersion: is required and must be 1",
    ]);
  });

  it("does not take a copy of a resolved scenario for the real one", () => {
    const copy = { ...resolved };
    expect(isValidatedScenario(copy)).toBe(false);
    expect(isValidatedScenario(structuredClone({ hash: resolved.hash }))).toBe(false);
    expect(projectScenario(copy, dataset).ok).toBe(false);
  });
});
