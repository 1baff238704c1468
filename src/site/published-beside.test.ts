import { describe, expect, it } from "vitest";
import { testDataset } from "../../test/fixtures/test-dataset.ts";
import { publishedBeside } from "./published-beside.ts";

const dataset = await testDataset();

describe("publishedBeside", () => {
  it("quotes the published loss figures from data/figures.csv beside the model's, from 2016-17", () => {
    const notes = publishedBeside(
      { from2016: { crcProfitPence: -9_430_000_000, lossMakingCrcs: 13 } },
      dataset.figures,
    );
    expect(notes.profit).toBe(
      "2016-17 to 2021-22: −\u2060£94.3m. Published for those years: the CRCs forecast a £443.0m loss " +
        "before the 2017 variation (NAO HC 676), so about £101.0m after its £342.0m.",
    );
    expect(notes.losses).toBe(
      "2016-17 to 2021-22: 13 of 21. Published: 14 of 21 still forecast losses after the " +
        "£342.0m, £2.3m to £43.0m each (PAC HC 897, Mar 2018).",
    );
  });

  it("names a missing figure rather than showing a wrong one", () => {
    expect(() =>
      publishedBeside({ from2016: { crcProfitPence: 0, lossMakingCrcs: 0 } }, []),
    ).toThrow(/no figure losses.forecastBeforeVariation/);
  });
});
