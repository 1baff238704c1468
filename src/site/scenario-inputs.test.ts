import { beforeAll, describe, expect, it } from "vitest";
import type { Dataset } from "../data/index.ts";
import { mergeScenario } from "../scenario/merge-scenario.ts";
import { PRESETS } from "../scenario/presets.ts";
import type { Scenario } from "../scenario/scenario.ts";
import { testDataset } from "../../test/fixtures/test-dataset.ts";
import { LEVER_GROUPS } from "./levers.ts";
import { NOT_SET, inputsComparison, scenarioInputRows } from "./scenario-inputs.ts";

let dataset: Dataset;
beforeAll(async () => {
  dataset = await testDataset();
});
const merged = (s: Scenario) => mergeScenario(s, PRESETS).merged;

describe("scenarioInputRows", () => {
  it("lists every lever with the data's value when the scenario sets nothing", () => {
    const rows = scenarioInputRows(dataset, merged({ schemaVersion: 1 }));
    const leverIds = LEVER_GROUPS.flatMap((g) => g.ids).filter((id) =>
      dataset.parameters.some((p) => p.id === id),
    );
    expect(rows.map((r) => r.key)).toEqual(leverIds);
    expect(rows.every((r) => r.setBy === "data")).toBe(true);
    const tolerance = rows.find((r) => r.key === "ffs.toleranceBand")!;
    const data = dataset.parameters.find((p) => p.id === "ffs.toleranceBand" && p.crc === null)!;
    expect(tolerance.value).toBe(String(data.defaultValue));
    // The yearly shortfalls have per-CRC data rows and no national value.
    expect(rows.find((r) => r.key === "volume.shortfall.2017-18")!.value).toBe(
      "each CRC's own value (data)",
    );
  });

  it("shows the scenario's own values, and its scoped values as extra rows with names", () => {
    const rows = scenarioInputRows(
      dataset,
      merged({
        schemaVersion: 1,
        extends: "the-2017-variation",
        parameters: {
          "ffs.toleranceBand": 0.02,
          "volume.shortfall.2017-18": { byCrc: { london: 0.3 } },
          "staff.payAward": { byYear: { "2019-20": 0.01 } },
        },
      }),
    );
    expect(rows.find((r) => r.key === "ffs.toleranceBand")).toMatchObject({
      value: "0.02",
      setBy: "scenario",
    });
    const london = rows.find((r) => r.key === "volume.shortfall.2017-18 (CRC london)")!;
    expect(london.value).toBe("0.3");
    expect(london.label).toMatch(/, London$/);
    expect(rows.find((r) => r.key === "staff.payAward (year 2019-20)")!.value).toBe("0.01");
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });
});

describe("inputsComparison", () => {
  it("puts each scenario's value side by side and marks the rows that differ", () => {
    const rows = inputsComparison(dataset, [
      merged({ schemaVersion: 1, extends: "contract-as-let" }),
      merged({
        schemaVersion: 1,
        extends: "contract-as-let",
        parameters: {
          "ffs.toleranceBand": 0.02,
          "volume.shortfall.2017-18": { byCrc: { london: 0.3 } },
        },
      }),
    ]);
    const tol = rows.find((r) => r.key === "ffs.toleranceBand")!;
    expect(tol.values[1]).toBe("0.02");
    expect(tol.differs).toBe(true);
    expect(rows.find((r) => r.key === "volume.shortfall.2017-18 (CRC london)")!.values).toEqual([
      NOT_SET,
      "0.3",
    ]);
    expect(rows.find((r) => r.key === "staff.cutScale")!.differs).toBe(false);
  });
});
