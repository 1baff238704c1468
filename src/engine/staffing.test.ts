import { describe, expect, it } from "vitest";
import { Money } from "./money.ts";
import { fteAt, fteReductionAt } from "./staffing.ts";

// MODEL.md "Costs" (Staff). Northumbria in the Sodexo table: 316 → 155 FTE, here with the path
// ending in Jun 2017 (index 28), the latest the data allows.
const base = { fteJune2014: 316, fteJune2017: 155, cutScale: 1, cutsCompleteBy: 28 };

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

  it("reaches the June 2017 position in the month the cuts are complete, then stays there", () => {
    // Sodexo's cuts complete by Mar 2016 (index 13): half way at index 6.5, 235.5.
    const early = { ...base, cutsCompleteBy: 13 };
    expect(fteAt({ ...early, monthIndex: 13 }).toString()).toBe("155");
    expect(fteAt({ ...early, monthIndex: 16 }).toString()).toBe("155");
    expect(fteAt({ ...early, monthIndex: 28 }).toString()).toBe("155");
    expect(fteAt({ ...early, monthIndex: 1 }).toString()).toBe(
      new Money(316).minus(new Money(161).dividedBy(13)).toString(),
    );
  });

  it("holds staffing at 2014 when the cuts are scaled to zero", () => {
    expect(fteAt({ ...base, cutScale: 0, monthIndex: 40 }).toString()).toBe("316");
  });
});

describe("fteReductionAt", () => {
  it("is the same fall every month of the ramp: (316 − 155) / 28", () => {
    expect(fteReductionAt({ ...base, monthIndex: 1 }).toString()).toBe(
      new Money(161).dividedBy(28).toString(),
    );
    expect(fteReductionAt({ ...base, monthIndex: 28 }).toString()).toBe(
      new Money(161).dividedBy(28).toString(),
    );
  });

  it("is a larger fall over a shorter ramp: (316 − 155) / 13 to Mar 2016, none after", () => {
    const early = { ...base, cutsCompleteBy: 13 };
    expect(fteReductionAt({ ...early, monthIndex: 13 }).toString()).toBe(
      new Money(161).dividedBy(13).toString(),
    );
    expect(fteReductionAt({ ...early, monthIndex: 14 }).isZero()).toBe(true);
  });

  it("is zero in the first month, after the ramp, and when staffing grows", () => {
    expect(fteReductionAt({ ...base, monthIndex: 0 }).isZero()).toBe(true);
    expect(fteReductionAt({ ...base, monthIndex: 29 }).isZero()).toBe(true);
    expect(fteReductionAt({ ...base, fteJune2017: 400, monthIndex: 5 }).isZero()).toBe(true);
  });

  it("equals the month-on-month fall of fteAt to 30 significant digits, whatever the end (law)", () => {
    for (const cutsCompleteBy of [1, 7, 12, 13, 22, 28]) {
      const path = { ...base, cutsCompleteBy };
      for (let m = 1; m <= 30; m++) {
        const fall = fteAt({ ...path, monthIndex: m - 1 }).minus(fteAt({ ...path, monthIndex: m }));
        expect(fall.toSignificantDigits(30).toString()).toBe(
          fteReductionAt({ ...path, monthIndex: m })
            .toSignificantDigits(30)
            .toString(),
        );
      }
    }
  });
});
