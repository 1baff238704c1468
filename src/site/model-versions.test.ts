import { describe, expect, it } from "vitest";
import { compareVersions } from "../versions/compare.ts";
import { loadVersionRecords } from "../versions/load-records.ts";
import type { VersionRecord } from "../versions/record.ts";
import {
  LARGEST_CHANGES,
  compareSemver,
  comparisonAnchor,
  isVersionNumber,
  outputLabel,
  summarizeVersions,
} from "./model-versions.ts";

const record = (version: string, profit: number): VersionRecord => ({
  version,
  date: "2026-01-01",
  reason: `r ${version}`,
  goldens: {},
  presets: {
    p: {
      mojSpendPence: 100,
      crcProfitPence: profit,
      lossMakingCrcs: profit < 0 ? 1 : 0,
      pbrPence: 0,
      crcs: { a: profit, b: 0 },
      owners: { o: profit },
    },
  },
  random: [],
});

describe("compareSemver", () => {
  it("orders by semver precedence, not text", () => {
    const sorted = [
      "0.10.0",
      "0.2.0",
      "1.0.0",
      "1.0.0-rc.1",
      "1.0.0-alpha",
      "0.2.1",
      "1.0.0-rc.10",
    ];
    expect(sorted.sort(compareSemver)).toEqual([
      "0.2.0",
      "0.2.1",
      "0.10.0",
      "1.0.0-alpha",
      "1.0.0-rc.1",
      "1.0.0-rc.10",
      "1.0.0",
    ]);
    expect(compareSemver("1.0.0", "1.0.0+build")).toBe(0);
    expect(() => compareSemver("1.0", "1.0.0")).toThrow(/not a version number: 1.0/);
  });

  it("knows a version number", () => {
    for (const v of ["0.1.0", "10.20.30", "1.0.0-rc.1", "1.0.0+sha.5"])
      expect(isVersionNumber(v)).toBe(true);
    for (const v of ["", "0.1", "v0.1.0", "01.1.0", "0.1.0 ", "0.1.0,0.2.0", "0.1.0-"])
      expect(isVersionNumber(v)).toBe(false);
  });
});

describe("summarizeVersions", () => {
  it("the records in data/: sorted, with each pair's comparison as compareVersions gives it", async () => {
    const all = await loadVersionRecords();
    const data = summarizeVersions(all);
    const order = data.versions.map((v) => v.version);
    expect(order).toEqual([...order].sort(compareSemver));
    expect(order).toContain("0.1.0");
    expect(data.comparisons).toHaveLength(order.length - 1);
    const [first] = data.comparisons;
    expect(first!.anchor).toBe(comparisonAnchor(order[0]!, order[1]!));
    const a = all.find((r) => r.version === order[0])!;
    const b = all.find((r) => r.version === order[1])!;
    const full = compareVersions(a, b);
    expect(Object.fromEntries(first!.buckets.map((x) => [x.bucket, x.outputs]))).toEqual(
      full.buckets,
    );
    expect(first!.moneyOutputs).toBe(full.changes.filter((c) => c.unit === "pence").length);
    expect(first!.signFlips.map((c) => c.output)).toEqual(full.signFlips.map((c) => c.output));
    expect([first!.countsChanged, first!.counts]).toEqual([full.countsChanged, full.counts]);
    expect(first!.largest.length).toBeLessThanOrEqual(LARGEST_CHANGES);
    const sizes = first!.largest.map((c) => Math.abs(c.change));
    expect(sizes).toEqual([...sizes].sort((x, y) => y - x));
    const biggest = Math.max(
      ...full.changes.filter((c) => c.unit === "pence").map((c) => Math.abs(c.change)),
    );
    expect(sizes[0]).toBe(biggest);
    // Each version keeps only the three headline figures of each preset.
    const v = data.versions[0]!;
    expect(v.crcCount).toBe(21);
    expect(Object.keys(v.presets["the-2017-variation"]!).sort()).toEqual([
      "crcProfitPence",
      "lossMakingCrcs",
      "mojSpendPence",
    ]);
    expect(first!.presets.find((p) => p.id === "the-2017-variation")!.then.crcProfitPence).toBe(
      a.presets["the-2017-variation"]!.crcProfitPence,
    );
  });

  it("sorts by semver whatever the file order, and refuses a version recorded twice", () => {
    const data = summarizeVersions([record("0.10.0", -5), record("0.2.0", 7), record("0.9.1", 3)]);
    expect(data.versions.map((v) => v.version)).toEqual(["0.2.0", "0.9.1", "0.10.0"]);
    expect(data.comparisons.map((c) => c.anchor)).toEqual([
      "from-0.2.0-to-0.9.1",
      "from-0.9.1-to-0.10.0",
    ]);
    expect(data.comparisons[1]!.signFlips.map((c) => c.output)).toEqual([
      "p: CRC profit",
      "p: CRC a",
      "p: owner o",
    ]);
    expect(() => summarizeVersions([record("0.2.0", 1), record("0.2.0", 2)])).toThrow(
      /recorded twice/,
    );
    expect(summarizeVersions([record("0.2.0", 1)]).comparisons).toEqual([]);
  });
});

describe("outputLabel", () => {
  it("names presets, CRCs and owners for a reader", () => {
    const names = {
      presets: new Map([["the-2017-variation", "The 2017 variation"]]),
      crcs: new Map([["london", "London"]]),
      owners: new Map([["mtc", "MTC Novo"]]),
    };
    expect(outputLabel("the-2017-variation: CRC london", names)).toBe(
      "The 2017 variation: CRC profit, London",
    );
    expect(outputLabel("the-2017-variation: owner mtc", names)).toBe(
      "The 2017 variation: owner profit, MTC Novo",
    );
    expect(outputLabel("the-2017-variation: CRC profit", names)).toBe(
      "The 2017 variation: all CRCs' profit",
    );
    expect(outputLabel("check scenario 7: MoJ spend", names)).toBe("check scenario 7: MoJ spend");
    expect(outputLabel("odd", names)).toBe("odd");
  });
});
