import { describe, expect, it } from "vitest";
import { formatIssue } from "../issues/issue.ts";
import { parseVersionRecord } from "./load-records.ts";
import type { VersionRecord } from "./record.ts";

const good: VersionRecord = {
  version: "0.2.0",
  date: "2026-01-01",
  reason: "r",
  goldens: {},
  presets: {
    p: {
      mojSpendPence: 100,
      crcProfitPence: 1,
      lossMakingCrcs: 0,
      pbrPence: 0,
      crcs: { a: 1, b: 0 },
      owners: { o: 1 },
    },
  },
  random: [{ mojSpendPence: 1, crcProfitPence: 2, lossMakingCrcs: 0 }],
};

/** Each problem of `record` read from `file`, as the build and the check test print it. */
const problems = (record: unknown, file = "data/model-versions/0.2.0.json"): string[] => {
  const parsed = parseVersionRecord(JSON.stringify(record), file);
  return parsed.ok ? [] : parsed.issues.map(formatIssue);
};

describe("parseVersionRecord", () => {
  it("answers a good record as it was written", () => {
    expect(parseVersionRecord(JSON.stringify(good), "data/model-versions/0.2.0.json")).toEqual({
      ok: true,
      value: good,
    });
  });

  it("names the file and the field of every problem (the site reads each CRC's and owner's pence)", () => {
    const f = "data/model-versions/0.2.0.json";
    expect(problems([])).toEqual([`${f}: a list is not an object`]);
    expect(problems({ ...good, reason: " " })).toEqual([
      `${f} [reason]: " " is not a reason (text, not blank)`,
    ]);
    expect(problems({ ...good, presets: { p: null } })).toEqual([
      `${f} [presets.p]: null is not an object`,
    ]);
    const p = good.presets.p!;
    expect(problems({ ...good, presets: { p: { ...p, crcProfitPence: "1" } } })).toEqual([
      `${f} [presets.p.crcProfitPence]: "1" is not a whole number`,
    ]);
    expect(problems({ ...good, presets: { p: { ...p, crcs: { a: 0.5 } } } })).toEqual([
      `${f} [presets.p.crcs.a]: 0.5 is not a whole number of pence`,
    ]);
    expect(problems({ ...good, presets: { p: { ...p, owners: [] } } })).toEqual([
      `${f} [presets.p.owners]: a list is not a map of ids to whole pence`,
    ]);
    expect(problems({ ...good, random: [{}] })).toEqual([
      `${f} [random[0].mojSpendPence]: nothing is not a whole number`,
      `${f} [random[0].crcProfitPence]: nothing is not a whole number`,
      `${f} [random[0].lossMakingCrcs]: nothing is not a whole number`,
    ]);
    expect(problems({ ...good, random: [7] })).toEqual([`${f} [random[0]]: 7 is not an object`]);
    expect(problems({ ...good, random: {} })).toEqual([`${f} [random]: an object is not a list`]);
    expect(problems(good, "data/model-versions/0.3.0.json")).toEqual([
      "data/model-versions/0.3.0.json: the file name must be the version (0.2.0.json)",
    ]);
  });
});
