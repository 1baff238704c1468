import { describe, expect, it } from "vitest";
import {
  CONTRACT_MONTHS,
  FINANCIAL_YEARS,
  financialYearOf,
  fyIndexOf,
  monthIndexOf,
} from "./timeline.ts";

describe("timeline", () => {
  it("runs 86 months from Feb 2015 to Mar 2022", () => {
    expect(CONTRACT_MONTHS).toHaveLength(86);
    expect(CONTRACT_MONTHS[0]?.id).toBe("2015-02");
    expect(CONTRACT_MONTHS.at(-1)?.id).toBe("2022-03");
  });

  it("has eight financial years, the first of two months only", () => {
    expect(FINANCIAL_YEARS).toEqual([
      "2014-15",
      "2015-16",
      "2016-17",
      "2017-18",
      "2018-19",
      "2019-20",
      "2020-21",
      "2021-22",
    ]);
    expect(CONTRACT_MONTHS.filter((m) => m.fy === "2014-15").map((m) => m.id)).toEqual([
      "2015-02",
      "2015-03",
    ]);
    for (const fy of FINANCIAL_YEARS.slice(1)) {
      expect(CONTRACT_MONTHS.filter((m) => m.fy === fy)).toHaveLength(12);
    }
  });

  it("financialYearOf puts April in the new year and March in the old", () => {
    expect(financialYearOf(2017, 4)).toBe("2017-18");
    expect(financialYearOf(2018, 3)).toBe("2017-18");
    expect(financialYearOf(1999, 12)).toBe("1999-00");
  });

  it("labels quarters of the financial year (Q1 = Apr–Jun)", () => {
    const byId = new Map(CONTRACT_MONTHS.map((m) => [m.id, m.quarter]));
    expect(byId.get("2015-02")).toBe("2014-15 Q4");
    expect(byId.get("2015-04")).toBe("2015-16 Q1");
    expect(byId.get("2015-12")).toBe("2015-16 Q3");
    expect(byId.get("2017-08")).toBe("2017-18 Q2");
  });

  it("monthIndexOf finds contract months and rejects others", () => {
    expect(monthIndexOf("2015-02")).toBe(0);
    expect(monthIndexOf("2017-08")).toBe(30);
    expect(monthIndexOf("2022-04")).toBe(-1);
  });
});

describe("fyIndexOf", () => {
  it("puts Feb and Mar 2015 in 2014-15 (index 0) and Apr 2015 in 2015-16", () => {
    expect(fyIndexOf(0)).toBe(0);
    expect(fyIndexOf(1)).toBe(0);
    expect(fyIndexOf(2)).toBe(1);
    expect(fyIndexOf(85)).toBe(7);
  });

  it("refuses a month outside the contract", () => {
    expect(() => fyIndexOf(86)).toThrow(/outside the contract/);
  });
});
