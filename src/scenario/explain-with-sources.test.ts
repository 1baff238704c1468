import { describe, expect, it } from "vitest";
import { monthIndexOf } from "../engine/timeline.ts";
import { explainWithSources } from "./explain-with-sources.ts";
import { projectScenario } from "./project-scenario.ts";
import { testDataset } from "../../test/fixtures/test-dataset.ts";

const dataset = await testDataset();

describe("explainWithSources", () => {
  it("says which data row or scenario path each parameter came from, as plain data", () => {
    const result = projectScenario(
      {
        schemaVersion: 1,
        extends: "the-2017-variation",
        parameters: { "ffs.toleranceBand": { byCrc: { london: 0.02 } } },
      },
      dataset,
    );
    if (!result.ok) throw new Error("scenario");
    const { scenario, ledger } = result.value;
    const london = scenario.inputs.crcs.findIndex((c) => c.id === "london");
    const e = explainWithSources(
      scenario,
      ledger,
      "fee_for_service",
      london,
      monthIndexOf("2017-09"),
    );
    const byName = Object.fromEntries(e.inputs.map((i) => [i.name, i]));
    expect(byName.toleranceBand?.source).toEqual({
      kind: "scenario",
      path: "parameters.ffs.toleranceBand.byCrc.london",
    });
    expect(byName.fixedShare?.source).toMatchObject({
      kind: "data",
      status: "sourced",
      sourceId: "nao-hc676-2017-12-19",
    });
    expect(byName.shortfallShare?.source).toMatchObject({ kind: "derived" });
    expect(e.amountPence).toBe(ledger.money.fee_for_service[london * 86 + monthIndexOf("2017-09")]);
    expect(structuredClone(e)).toEqual(e);
  });
});
