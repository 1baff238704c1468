import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chartCsv, defuseCell } from "./chart-csv.ts";
import { PROVENANCE } from "../../test/fixtures/provenance-fixture.ts";

describe("chartCsv", () => {
  it("puts the provenance in # lines above an Arquero CSV of the rows", () => {
    const text = chartCsv(
      [
        { financial_year: "2015-16", profit_pence: -123456789 },
        { financial_year: "2016-17", profit_pence: 42 },
      ],
      PROVENANCE,
    );
    const lines = text.trimEnd().split("\n");
    const firstData = lines.findIndex((l) => !l.startsWith("#"));
    expect(lines.slice(0, firstData).every((l) => l.startsWith("# "))).toBe(true);
    expect(lines.slice(firstData)).toEqual([
      "financial_year,profit_pence",
      "2015-16,-123456789",
      "2016-17,42",
    ]);
    expect(text.endsWith("\n")).toBe(true);
  });

  it("round-trips integer pence and text through a reader that skips comments", () => {
    const row = fc.record({
      name: fc.string({ maxLength: 20 }),
      pence: fc.maxSafeInteger(),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 20 }), (rows) => {
        const text = chartCsv(rows, PROVENANCE);
        const back = aq
          .fromCSV(text, { comment: "#", parse: { name: String, pence: Number } })
          .objects() as Array<{ name: string; pence: number }>;
        // A CSV reader cannot tell an empty string from a missing value; text that could run as
        // a formula or pass for a comment comes back defused.
        expect(back.map((r) => ({ name: r.name ?? "", pence: r.pence }))).toEqual(
          rows.map((r) => ({ name: defuseCell(r.name), pence: r.pence })),
        );
      }),
    );
  });

  it("refuses rows whose columns differ", () => {
    expect(() => chartCsv([{ a: 1 }, { b: 2 }], PROVENANCE)).toThrow(
      /row 1 has columns b, expected a/,
    );
  });

  it("gives the header alone for no rows", () => {
    expect(
      chartCsv([], PROVENANCE)
        .split("\n")
        .every((l) => l === "" || l.startsWith("#")),
    ).toBe(true);
  });
});

describe("defuseCell", () => {
  it("defuses text a spreadsheet would run as a formula, never numbers", () => {
    expect(defuseCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(defuseCell("+1")).toBe("'+1");
    expect(defuseCell("@x")).toBe("'@x");
    expect(defuseCell("#1")).toBe("'#1");
    expect(defuseCell("-1")).toBe("'-1");
    expect(defuseCell(-1)).toBe(-1);
    expect(defuseCell("Durham Tees Valley")).toBe("Durham Tees Valley");
    expect(defuseCell(null)).toBe(null);
  });
});
