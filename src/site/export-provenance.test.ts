import { describe, expect, it } from "vitest";
import {
  captionLines,
  citationText,
  csvCommentLines,
  exportFileName,
  formatGeneratedAt,
  oneLine,
} from "./export-provenance.ts";
import { HASH, PROVENANCE } from "../../test/fixtures/provenance-fixture.ts";

describe("captionLines", () => {
  it("says what the chart is and how to rebuild it", () => {
    expect(captionLines(PROVENANCE)).toEqual([
      "Profit or loss by financial year, all 21 CRCs",
      `Scenario: The 2017 variation (hash ${HASH})`,
      "Model: crc-scenarios 0.1.0, generated 2025-06-01 14:03 UTC. Figures are the model's, not published accounts.",
      "Sources: National Audit Office (2017-12-19); PAC (2016-09-16); and 7 more at http://127.0.0.1:3000/sources. 23 of 60 inputs are assumptions.",
      "Rebuild: http://127.0.0.1:3000/explorer?v=1&extends=the-2017-variation",
    ]);
  });
  it("adds seed and draws for a sampled chart, and roles for a comparison", () => {
    const lines = captionLines({
      ...PROVENANCE,
      seed: 42,
      draws: 1000,
      scenarios: [
        { role: "baseline", name: "As let", hash: "aa" },
        { role: "compared", name: "PbR high", hash: "bb" },
      ],
    });
    expect(lines[1]).toBe("Baseline: As let (hash aa)");
    expect(lines[2]).toBe("Compared: PbR high (hash bb)");
    expect(lines[3]).toMatch(/^Model: crc-scenarios 0\.1\.0, seed 42, 1000 draws, generated /);
  });
  it("says what a sampled chart's draws came from on a line of its own", () => {
    const lines = captionLines({
      ...PROVENANCE,
      seed: 42,
      draws: 1000,
      basis: "posterior (effective sample size 24,315 of 100,000 prior draws, seed 2014)",
    });
    expect(lines[2]).toMatch(/^Model: crc-scenarios 0\.1\.0, seed 42, 1000 draws, generated /);
    expect(lines[3]).toBe(
      "Drawn from the posterior (effective sample size 24,315 of 100,000 prior draws, seed 2014).",
    );
    expect(captionLines({ ...PROVENANCE, basis: "prior ranges only" })).toContain(
      "Drawn from the prior ranges only.",
    );
  });
  it("keeps a hostile scenario name on one line", () => {
    const lines = captionLines({
      ...PROVENANCE,
      scenarios: [{ role: null, name: "a\nb\r\nc\u2028d", hash: "x" }],
    });
    expect(lines[1]).toBe("Scenario: a b c d (hash x)");
  });
});

describe("citationText", () => {
  it("names the view, the scenario with a short hash, the version, the date and the URL", () => {
    expect(citationText(PROVENANCE)).toBe(
      "crc-scenarios 0.1.0, “Profit or loss by financial year, all 21 CRCs”, scenario “The 2017 variation” (hash 3fa2c1d0e9b8). " +
        "Generated 2025-06-01 14:03 UTC. http://127.0.0.1:3000/explorer?v=1&extends=the-2017-variation",
    );
  });
});

describe("csvCommentLines", () => {
  it("puts one fact on each # line, with the full hash, sources and the URL", () => {
    const lines = csvCommentLines({ ...PROVENANCE, seed: 7, draws: 500 });
    expect(lines).toContain(`# scenario: The 2017 variation (hash ${HASH})`);
    expect(lines).toContain("# model version: 0.1.0");
    expect(lines).toContain("# seed: 7");
    expect(lines).toContain("# draws: 500");
    expect(lines).toContain("# generated: 2025-06-01T14:03:59.123Z");
    expect(lines).toContain("# source: nao: NAO, HC 676");
    expect(lines).toContain("# sources: 7 more at http://127.0.0.1:3000/sources");
    expect(lines).toContain("# units: money in whole pence");
    expect(lines.at(-1)).toBe(
      "# rebuild: http://127.0.0.1:3000/explorer?v=1&extends=the-2017-variation",
    );
    for (const l of lines) expect(l).toMatch(/^# [^\n\r]*$/);
  });
  it("says what the draws came from, and the citation too", () => {
    const sampled = { ...PROVENANCE, seed: 7, draws: 500, basis: "prior ranges only" };
    expect(csvCommentLines(sampled)).toContain("# drawn from: prior ranges only");
    expect(citationText(sampled)).toContain(
      ", seed 7, 500 draws, drawn from the prior ranges only. Generated ",
    );
  });
  it("leaves out seed and draws when the chart is not sampled", () => {
    expect(csvCommentLines(PROVENANCE).some((l) => /seed|draws|drawn/.test(l))).toBe(false);
  });
});

describe("helpers", () => {
  it("formatGeneratedAt gives minutes in UTC and refuses an invalid date", () => {
    expect(formatGeneratedAt(new Date("2025-01-02T03:04:05Z"))).toBe("2025-01-02 03:04 UTC");
    expect(() => formatGeneratedAt(new Date("nope"))).toThrow(/not a valid date/);
  });
  it("oneLine removes control characters", () => {
    expect(oneLine(" a\u0000b\tc ")).toBe("a b c");
  });
  it("exportFileName uses the chart id, the hash prefix, and the seed and draws if sampled", () => {
    expect(exportFileName("national-profit", PROVENANCE, "svg")).toBe(
      "crc-scenarios-national-profit-3fa2c1d0e9b8.svg",
    );
    expect(
      exportFileName(
        "../x",
        { ...PROVENANCE, scenarios: [{ role: null, name: "n", hash: "../zz" }] },
        "csv",
      ),
    ).toBe("crc-scenarios-x.csv");
    expect(exportFileName("fan", { ...PROVENANCE, seed: 42, draws: 1000 }, "png")).toBe(
      "crc-scenarios-fan-3fa2c1d0e9b8-seed42-1000draws.png",
    );
  });
});
