import { beforeAll, describe, expect, it } from "vitest";
import type { Dataset } from "./dataset.ts";
import { loadDataset } from "./load-from-disk.ts";
import { figure, param, paramMonth, paramNumber, paramPence, paramRowsByCrc } from "./lookup.ts";

let ds: Dataset;
beforeAll(async () => {
  const result = await loadDataset("data");
  if (!result.ok) throw new Error("data/ does not load");
  ds = result.value;
});

describe("param", () => {
  it("returns the CRC's own row when there is one", () => {
    const p = param(ds, "redundancy.weeksPerYear", "wales");
    expect([p.crc, p.status]).toEqual(["wales", "sourced"]);
  });

  it("falls back to the global row for a CRC without its own", () => {
    const p = param(ds, "redundancy.weeksPerYear", "london");
    expect([p.crc, p.status]).toEqual([null, "assumed"]);
  });

  it("returns the global row when no CRC is named", () => {
    expect(param(ds, "ffs.fixedShare").defaultValue).toBe(0.2);
  });

  it("throws (a bug, not a data issue) for an id with no row", () => {
    expect(() => param(ds, "ffs.noSuchThing")).toThrow(
      "param: no parameter ffs.noSuchThing (neither a per-CRC nor a global row)",
    );
    expect(() => param(ds, "size.annualPrice")).toThrow(
      "param: no parameter size.annualPrice (neither a per-CRC nor a global row)",
    );
  });
});

describe("typed lookups", () => {
  it("paramPence gives money in integer pence", () => {
    expect(paramPence(ds, "ict.compensationTotal")).toBe(2_310_000_000);
    expect(paramPence(ds, "size.annualPrice", "dtv")).toBe(1_400_000_000);
  });

  it("paramNumber, paramMonth refuse the wrong kind of parameter", () => {
    expect(paramNumber(ds, "pbr.cashLagMonths")).toBe(24);
    expect(paramMonth(ds, "variation.start")).toBe("2017-08");
    expect(() => paramNumber(ds, "variation.start")).toThrow("param variation.start is a month");
    expect(() => paramPence(ds, "ffs.fixedShare")).toThrow(
      "param ffs.fixedShare is share, not money",
    );
    expect(() => paramMonth(ds, "ffs.fixedShare")).toThrow("not date_month");
  });

  it("money parameters expose every bound in pence, others none", () => {
    const p = param(ds, "serviceCredits.grossAnnual");
    expect(p.pence).toEqual({
      default: 500_000_000,
      min: 0,
      max: 5_000_000_000,
      low: 100_000_000,
      high: 1_500_000_000,
    });
    expect(param(ds, "ffs.fixedShare").pence).toBeNull();
  });

  it("paramRowsByCrc lists the per-CRC rows only", () => {
    expect(paramRowsByCrc(ds, "redundancy.capWeeks").map((p) => p.crc)).toEqual([
      "bgsw",
      "ddc",
      "wales",
    ]);
  });

  it("figure finds a figure by id and throws for an unknown one", () => {
    expect(figure(ds, "variation.increase").valuePence).toBe(34_200_000_000);
    expect(() => figure(ds, "nope")).toThrow("figure: no figure nope in data/figures.csv");
  });
});
