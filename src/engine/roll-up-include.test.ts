import { describe, expect, it } from "vitest";
import { loadDataset } from "../data/load-from-disk.ts";
import { projectScenario } from "../scenario/project-scenario.ts";
import { ALL, rollUp } from "./roll-up.ts";

describe("rollUp with a group filter", () => {
  it("returns exactly the unfiltered rows of the groups it keeps", async () => {
    const loaded = await loadDataset("data");
    if (!loaded.ok) throw new Error("data/ does not validate");
    const projected = projectScenario(
      { schemaVersion: 1, extends: "the-2017-variation" },
      loaded.value,
    );
    if (!projected.ok) throw new Error("projection failed");
    const { ledger } = projected.value;
    const all = rollUp(ledger, "month");
    expect(rollUp(ledger, "month", (c, o) => c === ALL && o === ALL)).toEqual(
      all.filter((r) => r.crc === ALL && r.owner === ALL),
    );
    expect(rollUp(ledger, "month", (c) => c === "wales")).toEqual(
      all.filter((r) => r.crc === "wales"),
    );
  });
});
