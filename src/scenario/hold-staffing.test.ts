import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FTE_FLOOR, holdStaffing, lowestFte, staffingFloor } from "./hold-staffing.ts";

const all = { fte14: true, fte17: true, scale: true };

describe("holdStaffing", () => {
  it("leaves staffing above 0 FTE as it is", () => {
    const s = { fte14: 300, fte17: 150, scale: 1 };
    expect(holdStaffing(s, 1, all)).toBe(s);
  });

  it("raises FTE in 2017 so the path ends at the floor, or lowers the cut scale", () => {
    expect(holdStaffing({ fte14: 300, fte17: 0, scale: 1 }, 1, all)).toEqual({
      fte14: 300,
      fte17: 1,
      scale: 1,
    });
    // FTE in 2017 not sampled: the cut scale moves instead
    expect(
      holdStaffing({ fte14: 300, fte17: 60, scale: 1.5 }, 1, { ...all, fte17: false }),
    ).toEqual({ fte14: 300, fte17: 60, scale: 299 / 240 });
    // nothing movable can hold it: the caller keeps the scenario's values
    expect(
      holdStaffing({ fte14: 300, fte17: 0, scale: 1 }, 1, { ...all, fte17: false, scale: false }),
    ).toBeUndefined();
  });

  it("holds any staffing at or above 0 FTE above 0, moving only what may move (law)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 5000, noNaN: true }),
        fc.double({ min: 0, max: 5000, noNaN: true }),
        fc.double({ min: 0, max: 1.5, noNaN: true }),
        fc.double({ min: 1e-3, max: 1, noNaN: true }),
        (fte14, fte17, scale, floor) => {
          const held = holdStaffing({ fte14, fte17, scale }, floor, all);
          expect(held).toBeDefined();
          expect(lowestFte(held!)).toBeGreaterThan(0);
          if (lowestFte({ fte14, fte17, scale }) > 0) expect(held).toEqual({ fte14, fte17, scale });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("holds at 1 FTE, or at the scenario's own lowest if that is lower", () => {
    expect(staffingFloor({ fte14: 300, fte17: 150, scale: 1 })).toBe(FTE_FLOOR);
    expect(staffingFloor({ fte14: 300, fte17: 0.5, scale: 1 })).toBe(0.5);
  });
});
