import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { onStaffPath, staffFallsFrom, staffFallsIn, staffPathLastIn } from "./applicability.ts";
import { STAFF_PATH_LATEST_END_INDEX } from "./staffing.ts";

describe("applicability", () => {
  it("the months of a range on the staffing path, and those in which staff fall, are the ranges staffPathLastIn and staffFallsFrom give (law)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 1, max: STAFF_PATH_LATEST_END_INDEX }),
        (from, length, cutsEnd) => {
          const to = from + length;
          const pathLast = staffPathLastIn(to, cutsEnd);
          const fallsFrom = staffFallsFrom(from);
          for (let m = from; m <= to; m++) {
            expect(onStaffPath(m, cutsEnd)).toBe(m <= pathLast);
            expect(staffFallsIn(m, cutsEnd)).toBe(m >= fallsFrom && m <= pathLast);
          }
        },
      ),
    );
  });
});
