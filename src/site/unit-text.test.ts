import { describe, expect, it } from "vitest";
import { formatEndText, formatInUnit, formatRange, monthName, unitWord } from "./unit-text.ts";

describe("formatInUnit", () => {
  it("writes money as £ with thousands, never as raw digits", () => {
    expect(formatInUnit(42000000, "GBP")).toBe("£42,000,000");
    expect(formatInUnit("32000", "GBP_per_year")).toBe("£32,000 a year");
    expect(formatInUnit(-3.5, "GBP")).toBe("−£3.50");
  });

  it("writes shares as per cents with a true minus sign", () => {
    expect(formatInUnit(0.2, "share")).toBe("20%");
    expect(formatInUnit(-0.05, "share")).toBe("−5%");
    expect(formatInUnit(0.065, "share")).toBe("6.5%");
  });

  it("names counted units once, singular for one, joined by a no-break space", () => {
    expect(formatInUnit(6, "months")).toBe("6\u00a0months");
    expect(formatInUnit(1, "years")).toBe("1\u00a0year");
    expect(formatInUnit(2.5, "points")).toBe("2.5\u00a0points");
    expect(formatInUnit(1.1, "ratio")).toBe("×1.1");
  });

  it("writes a month as its name and year, not a financial-year-like code", () => {
    expect(formatInUnit("2016-02", "date_month")).toBe("February 2016");
    expect(monthName("2022-03")).toBe("March 2022");
    expect(monthName("2017-18")).toBe("2017-18");
  });
});

describe("formatEndText", () => {
  it("formats a tornado end and its by-CRC spread in the unit", () => {
    expect(formatEndText("0.7", "share")).toBe("70%");
    expect(formatEndText("0.06 to 0.16 (by CRC and year)", "share")).toBe(
      "6% to 16% (by CRC and year)",
    );
    expect(formatEndText("7023571 to 64382735 (by CRC)", "GBP_per_year")).toBe(
      "£7,023,571 a year to £64,382,735 a year (by CRC)",
    );
    expect(formatRange(-0.5, 0.9, "share")).toBe("−50% to 90%");
  });

  it("has a word for each unit a label shows", () => {
    expect(unitWord("GBP")).toBe("£");
    expect(unitWord("points")).toBe("percentage points");
    expect(unitWord("date_month")).toBe("");
  });
});
