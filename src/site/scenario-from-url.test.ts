import { describe, expect, it } from "vitest";
import { formatIssue } from "../issues/issue.ts";
import { DEFAULT_SCENARIO, scenarioFromUrl, withoutTracking } from "./scenario-from-url.ts";

const valid = async () => ({ ok: true as const, value: null });
const invalid = async () => ({
  ok: false as const,
  issues: [{ path: "parameters.ffs.fixedShare.value", message: "1.7 is above the maximum 1" }],
});

describe("scenarioFromUrl", () => {
  it("opens the default when the address carries no scenario", async () => {
    expect(await scenarioFromUrl("?_crc=wales", valid)).toEqual({
      ok: true,
      value: DEFAULT_SCENARIO,
      warnings: [],
    });
  });

  it("opens the address's scenario when it is valid", async () => {
    expect(await scenarioFromUrl("?v=1&extends=pbr-high&ffs.toleranceBand=0.1", valid)).toEqual({
      ok: true,
      value: { schemaVersion: 1, extends: "pbr-high", parameters: { "ffs.toleranceBand": 0.1 } },
      warnings: [],
    });
  });

  it("falls back to the default, saying why, for a malformed address", async () => {
    expect(await scenarioFromUrl("?v=7&x=1", valid)).toEqual({
      ok: true,
      value: DEFAULT_SCENARIO,
      warnings: [{ path: "v", message: '"7" is not a supported version; the only version is 1' }],
    });
  });

  it("falls back to the default, saying why, for an invalid scenario", async () => {
    expect(await scenarioFromUrl("?v=1&ffs.fixedShare=1.7", invalid)).toEqual({
      ok: true,
      value: DEFAULT_SCENARIO,
      warnings: [
        { path: "scenario.parameters.ffs.fixedShare.value", message: "1.7 is above the maximum 1" },
      ],
    });
  });

  it("words a problem with the whole address or scenario at 'address' or 'scenario'", async () => {
    const whole = async () => ({ ok: false as const, issues: [{ path: "", message: "no" }] });
    const opened = await scenarioFromUrl("?v=1&extends=pbr-high", whole);
    expect(opened.value).toBe(DEFAULT_SCENARIO);
    expect(opened.warnings.map(formatIssue)).toEqual(["scenario: no"]);
  });
});

describe("withoutTracking", () => {
  it("drops campaign keys and keeps the scenario's", () => {
    expect(withoutTracking("utm_source=newsletter&utm_medium=email")).toBe("");
    expect(withoutTracking("v=1&extends=no-variation&fbclid=abc&_mv=0.2.0")).toBe(
      "v=1&extends=no-variation&_mv=0.2.0",
    );
    expect(withoutTracking("v=1&ffs.toleranceBand=0.02")).toBe("v=1&ffs.toleranceBand=0.02");
  });

  it("opens the default, with no problem, from a link carrying only tracking keys", async () => {
    const opened = await scenarioFromUrl("?utm_source=x&utm_campaign=y", valid);
    expect(opened).toEqual({ ok: true, value: DEFAULT_SCENARIO, warnings: [] });
  });
});
