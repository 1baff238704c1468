import { describe, expect, it } from "vitest";
import { parseCsvLine, replaceParameterFields } from "./parameters-csv.ts";

const text = [
  "id,crc,default,reason",
  'a,,1,"says ""hi"", twice"',
  "a,london,2,own row",
  "b,,3,plain",
  "",
].join("\n");

describe("replaceParameterFields", () => {
  it("rewrites only the national row of the id, quoting as needed", () => {
    const out = replaceParameterFields(text, "a", {
      default: "0.61",
      reason: "fitted, see script",
    });
    expect(out.split("\n")).toEqual([
      "id,crc,default,reason",
      'a,,0.61,"fitted, see script"',
      "a,london,2,own row",
      "b,,3,plain",
      "",
    ]);
  });

  it("reads quoted cells with commas and doubled quotes", () => {
    expect(parseCsvLine('a,,1,"says ""hi"", twice"')).toEqual(["a", "", "1", 'says "hi", twice']);
  });

  it("refuses an id with no national row", () => {
    expect(() => replaceParameterFields(text, "zzz", { default: "1" })).toThrow(/found 0/);
  });
});
