import { describe, expect, it } from "vitest";
import { toPlainProjection } from "./plain-projection.ts";
import { PRESETS } from "./presets.ts";
import { projectScenario } from "./project-scenario.ts";
import { testDataset } from "./test-dataset.ts";

describe("toPlainProjection", () => {
  it("survives structured cloning unchanged (what postMessage does)", async () => {
    const result = projectScenario(PRESETS.get("pbr-high"), await testDataset());
    if (!result.ok) throw new Error("preset");
    const plain = toPlainProjection(result.value, "total");
    const copy = structuredClone(plain);
    expect(copy).toEqual(plain);
    expect(copy.summary.crcs).toHaveLength(21);
    expect(
      copy.rows.find((r) => r.crc === "ALL" && r.owner === "ALL" && r.line === "income_total")
        ?.amount,
    ).toBe(copy.summary.mojSpendPence);
  });
});
