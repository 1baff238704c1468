import { describe, expect, it } from "vitest";
import { compareVersions, formatComparison, moneyBucket } from "./compare.ts";
import type { PresetFigures, VersionRecord } from "./record.ts";

const preset = (profit: number, crcs: Record<string, number>, losing = 0): PresetFigures => ({
  mojSpendPence: 300_000_000_000,
  crcProfitPence: profit,
  lossMakingCrcs: losing,
  pbrPence: 5_000_000_000,
  crcs,
  owners: { north: profit },
});
const record = (version: string, presets: Record<string, PresetFigures>): VersionRecord => ({
  version,
  date: "2026-01-01",
  reason: `reason ${version}`,
  goldens: {},
  presets,
  random: [{ mojSpendPence: 1, crcProfitPence: 2, lossMakingCrcs: 3 }],
});

describe("compareVersions", () => {
  it("buckets a money change by its size: none, under £1m, under £10m, £10m or more", () => {
    expect(moneyBucket(0)).toBe("none");
    expect(moneyBucket(1)).toBe("under £1m");
    expect(moneyBucket(-99_999_999)).toBe("under £1m");
    expect(moneyBucket(100_000_000)).toBe("under £10m");
    expect(moneyBucket(-999_999_999)).toBe("under £10m");
    expect(moneyBucket(1_000_000_000)).toBe("£10m or more");
  });

  it("counts every output of constructed versions in the right bucket and calls out sign flips", () => {
    const a = record("1.0.0", {
      p: preset(500_000_000, { x: 100, y: 2_000_000_000, z: -50_000_000 }, 1),
      gone: preset(0, {}),
    });
    const b = record("1.1.0", {
      p: preset(-500_000_000, { x: 100, y: 2_050_000_000, z: 60_000_000 }, 2),
      added: preset(0, {}),
    });
    const cmp = compareVersions(a, b);
    const byOutput = new Map(cmp.changes.map((c) => [c.output, c]));
    // CRC profit −£10m: a sign flip of £10m or more; x unchanged; y +£0.5m; z −£0.5m → +£0.6m.
    expect(byOutput.get("p: CRC profit")).toMatchObject({ bucket: "£10m or more", signFlip: true });
    expect(byOutput.get("p: CRC x")).toMatchObject({ bucket: "none", signFlip: false, change: 0 });
    expect(byOutput.get("p: CRC y")).toMatchObject({ bucket: "under £1m", signFlip: false });
    expect(byOutput.get("p: CRC z")).toMatchObject({ bucket: "under £10m", signFlip: true });
    expect(byOutput.get("p: loss-making CRCs")).toMatchObject({ bucket: "changed", change: 1 });
    expect(cmp.signFlips.map((c) => c.output).sort()).toEqual([
      "p: CRC profit",
      "p: CRC z",
      "p: owner north",
    ]);
    // p's MoJ spend, PbR, CRC x and the check scenario's two money outputs are unchanged.
    expect(cmp.buckets).toEqual({
      none: 5,
      "under £1m": 1,
      "under £10m": 1,
      "£10m or more": 2,
    });
    expect([cmp.countsChanged, cmp.counts]).toEqual([1, 2]);
    expect([...cmp.unmatched].sort()).toEqual(["preset added", "preset gone"]);
    const text = formatComparison(cmp);
    expect(text).toContain("Model 1.0.0 (2026-01-01) → 1.1.0 (2026-01-01): reason 1.1.0");
    expect(text).toContain("p: CRC profit: £5.0m → −£5.0m");
  });
});
