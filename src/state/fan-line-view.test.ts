import { describe, expect, it } from "vitest";
import { FAN_LINES, fanLineFromSearch } from "./fan-line-view.ts";

describe("fanLineFromSearch", () => {
  it("reads the fan chart's line from _fan, naming a bad one and using profit", () => {
    for (const line of FAN_LINES)
      expect(fanLineFromSearch(`?v=1&_fan=${line}`)).toEqual({ line, problems: [] });
    expect(fanLineFromSearch("?v=1")).toEqual({ line: "profit", problems: [] });
    const bad = fanLineFromSearch("_fan=fte");
    expect(bad.line).toBe("profit");
    expect(bad.problems).toEqual([
      `_fan: "fte" is not a money line; lines: ${FAN_LINES.join(", ")}`,
    ]);
  });
});
