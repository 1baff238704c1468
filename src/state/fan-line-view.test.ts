import { describe, expect, it } from "vitest";
import { formatIssue } from "../issues/issue.ts";
import { FAN_LINES, fanLineFromSearch } from "./fan-line-view.ts";

describe("fanLineFromSearch", () => {
  it("reads the fan chart's line from _fan, warning of a bad one at _fan and using profit", () => {
    for (const line of FAN_LINES)
      expect(fanLineFromSearch(`?v=1&_fan=${line}`)).toEqual({
        ok: true,
        value: line,
        warnings: [],
      });
    expect(fanLineFromSearch("?v=1")).toEqual({ ok: true, value: "profit", warnings: [] });
    const bad = fanLineFromSearch("_fan=fte");
    expect(bad.value).toBe("profit");
    expect(bad.warnings.map((w) => w.path)).toEqual(["_fan"]);
    expect(bad.warnings.map(formatIssue)).toEqual([
      `_fan: "fte" is not one of ${FAN_LINES.join(", ")}`,
    ]);
  });
});
