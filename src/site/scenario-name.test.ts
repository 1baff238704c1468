import { describe, expect, it } from "vitest";
import { PRESETS } from "../scenario/presets.ts";
import { countOverrides, scenarioName } from "./scenario-name.ts";

describe("scenarioName", () => {
  it("is a preset's title when the scenario only names the preset", () => {
    const title = PRESETS.get("pbr-high")!.title!;
    expect(scenarioName({ schemaVersion: 1, extends: "pbr-high" }, PRESETS)).toBe(title);
  });
  it("counts the inputs changed from the preset", () => {
    const s = {
      schemaVersion: 1 as const,
      extends: "pbr-high",
      parameters: {
        "ffs.toleranceBand": 0.02,
        "volume.shortfall.2017-18": { byCrc: { london: 0.3, wales: 0.2 } },
      },
    };
    expect(countOverrides(s)).toBe(3);
    expect(scenarioName(s, PRESETS)).toBe(
      `${PRESETS.get("pbr-high")!.title}, with 3 changed inputs`,
    );
  });
  it("prefers the scenario's own title, and names a scenario with no preset", () => {
    expect(scenarioName({ schemaVersion: 1, title: " Mine " }, PRESETS)).toBe("Mine");
    expect(
      scenarioName({ schemaVersion: 1, parameters: { "ffs.toleranceBand": 0.02 } }, PRESETS),
    ).toBe("The data's defaults, with 1 changed input");
  });
  it("falls back to the id of a preset it does not know", () => {
    expect(scenarioName({ schemaVersion: 1, extends: "gone" }, PRESETS)).toBe("gone");
  });
});
