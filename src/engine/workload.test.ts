import { describe, expect, it } from "vitest";
import { caseloadAt, workloadExcess, workloadIndex } from "./workload.ts";

// MODEL.md "Workload and quality": people supervised rose 20% while volumes fell.
describe("caseloadAt", () => {
  const base = { caseload2014: 10_000, growth: 0.2 };
  it("is the 2014 caseload before Apr 2015", () => {
    expect(caseloadAt({ ...base, monthIndex: 0 }).toString()).toBe("10000");
    expect(caseloadAt({ ...base, monthIndex: 2 }).toString()).toBe("10000");
  });
  it("has grown by the full 20% by Apr 2017 (index 26) and stays there", () => {
    expect(caseloadAt({ ...base, monthIndex: 26 }).toString()).toBe("12000");
    expect(caseloadAt({ ...base, monthIndex: 80 }).toString()).toBe("12000");
  });
  it("is half way at index 14", () => {
    expect(caseloadAt({ ...base, monthIndex: 14 }).toString()).toBe("11000");
  });
});

describe("workloadIndex", () => {
  it("is 1 at the norm: 40 people per FTE with a norm of 40", () => {
    expect(workloadIndex({ caseload: 4000, fte: 100, caseloadPerFteNorm: 40 }).toString()).toBe(
      "1",
    );
  });
  it("reads 1.5 when each FTE carries half as many again", () => {
    expect(workloadIndex({ caseload: 6000, fte: 100, caseloadPerFteNorm: 40 }).toString()).toBe(
      "1.5",
    );
  });
  it("refuses zero FTE (the scenario validation prevents it; reaching here is a bug)", () => {
    expect(() => workloadIndex({ caseload: 1, fte: 0, caseloadPerFteNorm: 40 })).toThrow(/FTE/);
  });
});

describe("workloadExcess", () => {
  it("is the part above the norm", () => {
    expect(workloadExcess(1.6).toString()).toBe("0.6");
  });
  it("is zero at or below the norm", () => {
    expect(workloadExcess(0.8).toString()).toBe("0");
  });
});
