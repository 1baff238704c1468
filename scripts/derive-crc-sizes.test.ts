import { readFileSync } from "node:fs";
import Decimal from "decimal.js";
import fc from "fast-check";
import { csvFormat, csvParse } from "d3";
import { beforeAll, describe, expect, it } from "vitest";
import type { Dataset } from "../src/data/dataset.ts";
import { formatIssue } from "../src/issues/issue.ts";
import { loadDataset } from "../src/data/load-from-disk.ts";
import { PARAMETER_COLUMNS } from "../src/data/columns.ts";
import {
  deriveCrcSizes,
  mergeDerivedRows,
  parseCrcSizeInputs,
  referenceCaseloads,
  type CrcSizeInput,
  type ParameterRowCells,
} from "./derive-crc-sizes.ts";

let ds: Dataset;
let inputs: Map<string, CrcSizeInput>;
beforeAll(async () => {
  const result = await loadDataset("data");
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join("\n"));
  ds = result.value;
  inputs = parseCrcSizeInputs(readFileSync("data/crc-size-inputs.csv", "utf8"));
});

/** The dataset with one figure's value replaced (figures are read by valueText). */
function withFigure(id: string, value: string): Dataset {
  return {
    ...ds,
    figures: ds.figures.map((f) =>
      f.id === id ? { ...f, valueText: value, value: Number(value) } : f,
    ),
  };
}

/** The dataset with several figures' values replaced. */
function withFigures(values: Readonly<Record<string, string>>): Dataset {
  return {
    ...ds,
    figures: ds.figures.map((f) =>
      f.id in values ? { ...f, valueText: values[f.id]!, value: Number(values[f.id]) } : f,
    ),
  };
}

/**
 * The fifteen non-Sodexo CRCs' June 2014 FTE are their price share of the non-Sodexo FTE, each
 * within one FTE (largest-remainder rounding), so price per FTE is uniform among them.
 */
function expectFteFollowsPrice(rows: readonly ParameterRowCells[]): void {
  const others = ds.crcs.filter((c) => c.ownerId !== "sodexo").map((c) => c.id);
  expect(others).toHaveLength(15);
  const sumOver = (id: string) =>
    others.reduce((s, crc) => s.plus(valueOf(rows, id, crc)), new Decimal(0));
  const fteTotal = sumOver("staff.fteJune2014");
  const priceTotal = sumOver("size.annualPrice");
  for (const crc of others) {
    const exact = new Decimal(valueOf(rows, "size.annualPrice", crc))
      .times(fteTotal)
      .dividedBy(priceTotal);
    const fte = new Decimal(valueOf(rows, "staff.fteJune2014", crc));
    expect(fte.minus(exact).abs().lt(1), crc).toBe(true);
  }
}

function totalOf(rows: readonly ParameterRowCells[], id: string): Decimal {
  return rows
    .filter((r) => r.id === id && r.crc !== "")
    .reduce((s, r) => s.plus(r.default), new Decimal(0));
}

function valueOf(rows: readonly ParameterRowCells[], id: string, crc: string): string {
  return rows.find((r) => r.id === id && r.crc === crc)!.default;
}

describe("deriveCrcSizes", () => {
  it("data/parameters.csv holds exactly what the script derives (no hand edits of derived rows)", () => {
    const text = readFileSync("data/parameters.csv", "utf8");
    const existing = csvParse(text) as unknown as ParameterRowCells[];
    const merged = mergeDerivedRows(existing, deriveCrcSizes(ds, inputs));
    expect(csvFormat(merged, [...PARAMETER_COLUMNS]) + "\n").toBe(text);
  });

  it("reference caseloads: London is the midpoint of 25,000-30,000 and Thames Valley the rest of 34,000", () => {
    const ref = referenceCaseloads(ds, inputs);
    expect(ref.byCrc.get("london")!.toString()).toBe("27500");
    expect(ref.byCrc.get("thames-valley")!.toString()).toBe("6500");
  });

  it("reference caseloads: the national total is Sodexo's six / 0.18 and the parts add up to it", () => {
    const ref = referenceCaseloads(ds, inputs);
    const sodexo = ds.crcs
      .filter((c) => c.ownerId === "sodexo")
      .reduce((s, c) => s.plus(ref.byCrc.get(c.id)!), new Decimal(0));
    // (the script works at 40 significant digits, this check at decimal.js's default 20)
    expect(ref.national.minus(sodexo.dividedBy("0.18")).abs().lt("1e-9")).toBe(true);
    const parts = [...ref.byCrc.values()].reduce((s, v) => s.plus(v), new Decimal(0));
    expect(parts.minus(ref.national).abs().lt("1e-9")).toBe(true);
    expect(ref.byCrc.size).toBe(21);
  });

  it("conserves the national annual price whatever the DTV anchor", () => {
    fc.assert(
      fc.property(fc.integer({ min: 5_000_000, max: 40_000_000 }), (dtv) => {
        const rows = deriveCrcSizes(withFigure("price.dtvAnnual", String(dtv)), inputs);
        expect(totalOf(rows, "size.annualPrice").toNumber()).toBe(450_000_000);
        expect(valueOf(rows, "size.annualPrice", "dtv")).toBe(String(dtv));
      }),
      { numRuns: 25, seed: 20150201 },
    );
  });

  it("conserves the national annual price whatever national figure it is reconciled to", () => {
    fc.assert(
      fc.property(fc.integer({ min: 200_000_000, max: 900_000_000 }), (national) => {
        const rows = deriveCrcSizes(
          withFigure("contract.annualValueNational", String(national)),
          inputs,
        );
        expect(totalOf(rows, "size.annualPrice").toNumber()).toBe(national);
      }),
      { numRuns: 25, seed: 20150201 },
    );
  });

  it("conserves the 8,331 national FTE whatever Sodexo's published FTE", () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 600 }), (fte) => {
        const rows = deriveCrcSizes(withFigure("staff.fteQ3.essex", String(fte)), inputs);
        expect(totalOf(rows, "staff.fteJune2014").toNumber()).toBe(8331);
        expect(valueOf(rows, "staff.fteJune2014", "essex")).toBe(String(fte));
      }),
      { numRuns: 25, seed: 20150201 },
    );
  });

  it("splits the non-Sodexo FTE by price: price per FTE is the same (within one FTE) and 8,331 is kept", () => {
    const rows = deriveCrcSizes(ds, inputs);
    expectFteFollowsPrice(rows);
    expect(totalOf(rows, "staff.fteJune2014").toString()).toBe("8331");
  });

  it("keeps FTE following price whatever the DTV and Interserve price anchors", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 5_000_000, max: 40_000_000 }),
        fc.integer({ min: 300_000_000, max: 900_000_000 }),
        (dtv, interserve) => {
          const rows = deriveCrcSizes(
            withFigures({
              "price.dtvAnnual": String(dtv),
              "price.interserveSevenYears": String(interserve),
            }),
            inputs,
          );
          expectFteFollowsPrice(rows);
          expect(totalOf(rows, "staff.fteJune2014").toNumber()).toBe(8331);
        },
      ),
      { numRuns: 25, seed: 20150201 },
    );
  });

  it("Interserve's FTE are its share of price, not of caseload (about 1,559 of 6,591, not 2,062)", () => {
    const rows = deriveCrcSizes(ds, inputs);
    const interserve = ds.crcs.filter((c) => c.ownerId === "interserve").map((c) => c.id);
    const fte = interserve.reduce(
      (s, id) => s.plus(valueOf(rows, "staff.fteJune2014", id)),
      new Decimal(0),
    );
    expect(fte.toNumber()).toBe(1559);
  });

  it("is monotone in a CRC's own caseload anchor: a bigger published Wales caseload gives Wales a bigger price", () => {
    const small = deriveCrcSizes(withFigure("caseload.wales", "8000"), inputs);
    const big = deriveCrcSizes(withFigure("caseload.wales", "10000"), inputs);
    expect(Number(valueOf(big, "size.annualPrice", "wales"))).toBeGreaterThan(
      Number(valueOf(small, "size.annualPrice", "wales")),
    );
  });

  it("spreads shortfalls from the published minimum (most urban) to the maximum (most rural)", () => {
    const rows = deriveCrcSizes(ds, inputs);
    expect(valueOf(rows, "volume.shortfall.2015-16", "london")).toBe("0.06");
    expect(valueOf(rows, "volume.shortfall.2015-16", "ddc")).toBe("0.36");
    expect(valueOf(rows, "volume.shortfall.2017-18", "london")).toBe("0.16");
    expect(valueOf(rows, "volume.shortfall.2017-18", "ddc")).toBe("0.48");
    expect(valueOf(rows, "volume.shortfall.2016-17", "london")).toBe("0.11");
  });

  it("fails loudly when an anchor figure is missing", () => {
    const without = { ...ds, figures: ds.figures.filter((f) => f.id !== "price.dtvAnnual") };
    expect(() => deriveCrcSizes(without, inputs)).toThrow(
      "derive-crc-sizes: figure price.dtvAnnual missing or not numeric in data/figures.csv",
    );
  });
});

describe("mergeDerivedRows", () => {
  const row = (id: string, crc: string, value: string): ParameterRowCells =>
    Object.fromEntries(
      PARAMETER_COLUMNS.map((c) => [
        c,
        c === "id" ? id : c === "crc" ? crc : c === "default" ? value : "",
      ]),
    ) as ParameterRowCells;

  it("replaces derived rows in place, appends new ones, and keeps everyone else's rows in order", () => {
    const existing = [
      row("a.x", "", "1"),
      row("size.p", "dtv", "1"),
      row("appended.byOthers", "", "9"),
    ];
    const merged = mergeDerivedRows(existing, [
      row("size.p", "dtv", "2"),
      row("size.p", "kss", "3"),
    ]);
    expect(merged.map((r) => [r.id, r.crc, r.default])).toEqual([
      ["a.x", "", "1"],
      ["size.p", "dtv", "2"],
      ["appended.byOthers", "", "9"],
      ["size.p", "kss", "3"],
    ]);
  });
});

describe("parseCrcSizeInputs", () => {
  it("names the row and column of a bad rurality rank", () => {
    expect(() =>
      parseCrcSizeInputs("crc,population_millions,rurality_rank,source_id,reason\ndtv,,x,,r\n"),
    ).toThrow("data/crc-size-inputs.csv row 2 column rurality_rank: x");
  });
});
