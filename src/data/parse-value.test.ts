import { describe, expect, it } from "vitest";
import { failure } from "../issues/issue.ts";
import { compareValues, parseValue } from "./parse-value.ts";

describe("parseValue", () => {
  it("converts pounds to integer pence exactly", () => {
    expect(parseValue("23100000", "GBP")).toEqual({
      ok: true,
      value: { value: 23100000, text: "23100000", pence: 2310000000 },
    });
    expect(parseValue("0.29", "GBP")).toMatchObject({ ok: true, value: { pence: 29 } });
    expect(parseValue("85714285.71", "GBP_per_year")).toMatchObject({
      value: { pence: 8571428571 },
    });
  });

  it("keeps the exact decimal text of a share and gives no pence", () => {
    expect(parseValue("0.77", "share")).toEqual({
      ok: true,
      value: { value: 0.77, text: "0.77", pence: null },
    });
  });

  it("accepts a month as YYYY-MM and nothing else", () => {
    expect(parseValue("2017-08", "date_month")).toMatchObject({
      ok: true,
      value: { value: "2017-08" },
    });
    for (const bad of ["2017-8", "2017-13", "Aug 2017", "2017-08-01"]) {
      expect(parseValue(bad, "date_month"), bad).toEqual(
        failure("", "malformed month: expected YYYY-MM (e.g. 2017-08)"),
      );
    }
  });

  it("rejects exponents, separators, signs and spaces as malformed numbers", () => {
    for (const bad of ["1e6", "1,000", "£5", "+1", " 1", "1.", ".5", "01", "", "NaN"]) {
      expect(parseValue(bad, "count"), bad).toEqual(
        failure(
          "",
          "malformed number: expected a plain decimal such as 0.2 or 14000000 (a whole number)",
        ),
      );
    }
  });

  it("rejects a fractional whole-number unit", () => {
    expect(parseValue("2.5", "people")).toEqual(
      failure("", "malformed number: people must be a whole number"),
    );
  });

  it("rejects values outside what the unit allows", () => {
    expect(parseValue("1.5", "share")).toEqual(
      failure("", "out of range for unit share: must be at most 1"),
    );
    expect(parseValue("-1", "FTE")).toEqual(
      failure("", "out of range for unit FTE: must be at least 0"),
    );
  });

  it("rejects fractions of a penny and sums too large for safe integer pence", () => {
    expect(parseValue("1.001", "GBP")).toEqual(
      failure("", "malformed number: money (GBP) has at most 2 decimals"),
    );
    expect(parseValue("100000000000000", "GBP")).toEqual(
      failure("", "out of range: 100000000000000 pounds is too large to hold in pence"),
    );
  });
});

describe("compareValues", () => {
  it("orders numbers exactly and months as months", () => {
    expect(compareValues("0.1", "0.10", "share")).toBe(0);
    expect(compareValues("9", "10", "count")).toBe(-1);
    expect(compareValues("2017-08", "2017-10", "date_month")).toBe(-1);
    expect(compareValues("2022-03", "2015-02", "date_month")).toBe(1);
  });
});
