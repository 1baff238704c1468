import { describe, expect, it } from "vitest";
import { formatIssue } from "../issues/issue.ts";
import { splitFromSearch, splitQuery } from "./split-view.ts";

describe("splitFromSearch", () => {
  it("reads _split, warns of a bad one at _split and falls back to fair shares by parameter", () => {
    expect(splitFromSearch("?_base=x")).toEqual({ ok: true, value: "parameter", warnings: [] });
    expect(splitFromSearch("?_split=group").value).toBe("group");
    expect(splitFromSearch("_split=one-at-a-time").value).toBe("one-at-a-time");
    const bad = splitFromSearch("?_split=banzhaf");
    expect(bad.value).toBe("parameter");
    expect(bad.warnings.map((w) => w.path)).toEqual(["_split"]);
    expect(bad.warnings.map(formatIssue)).toEqual([
      '_split: "banzhaf" is not one of parameter, group, one-at-a-time',
    ]);
    expect(splitQuery("parameter")).toBe("");
    expect(splitQuery("group")).toBe("&_split=group");
  });
});
