import { describe, expect, it } from "vitest";
import { fteAt } from "./staffing.ts";

// MODEL.md "Costs" (Staff). Northumbria in the Sodexo table: 316 → 155 FTE.
const base = { fteJune2014: 316, fteJune2017: 155, cutScale: 1 };

describe("fteAt", () => {
  it("starts at the June 2014 position in Feb 2015", () => {
    expect(fteAt({ ...base, monthIndex: 0 }).toString()).toBe("316");
  });

  it("reaches the June 2017 position in Jun 2017 (index 28) and stays there", () => {
    expect(fteAt({ ...base, monthIndex: 28 }).toString()).toBe("155");
    expect(fteAt({ ...base, monthIndex: 85 }).toString()).toBe("155");
  });

  it("moves in a straight line between: index 14 is half way, 235.5", () => {
    expect(fteAt({ ...base, monthIndex: 14 }).toString()).toBe("235.5");
  });

  it("holds staffing at 2014 when the cuts are scaled to zero", () => {
    expect(fteAt({ ...base, cutScale: 0, monthIndex: 40 }).toString()).toBe("316");
  });
});
