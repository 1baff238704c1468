import { describe, expect, it } from "vitest";
import { splitFromSearch, splitQuery } from "./split-view.ts";

describe("splitFromSearch", () => {
  it("reads _split, names a bad one and falls back to fair shares by parameter", () => {
    expect(splitFromSearch("?_base=x")).toEqual({ split: "parameter", problems: [] });
    expect(splitFromSearch("?_split=group").split).toBe("group");
    expect(splitFromSearch("_split=one-at-a-time").split).toBe("one-at-a-time");
    expect(splitFromSearch("?_split=banzhaf")).toEqual({
      split: "parameter",
      problems: ['_split: "banzhaf" is not one of parameter, group, one-at-a-time'],
    });
    expect(splitQuery("parameter")).toBe("");
    expect(splitQuery("group")).toBe("&_split=group");
  });
});
