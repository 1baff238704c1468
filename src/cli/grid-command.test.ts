import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { main } from "./main.ts";

async function run(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe("crc-scenarios grid", () => {
  it("prints N × N tidy CSV rows over two parameters", async () => {
    const { code, stdout, stderr } = await run([
      "grid",
      "no-variation",
      "--x",
      "volume.shortfall.shift",
      "--y",
      "ffs.fixedShare",
      "--steps",
      "3",
      "--x-range=-0.1:0.15",
    ]);
    expect([code, stderr]).toEqual([0, ""]);
    const rows = aq.fromCSV(stdout).objects() as Record<string, unknown>[];
    expect(rows).toHaveLength(9);
    expect(Object.keys(rows[0]!)).toEqual([
      "x_parameter",
      "x",
      "y_parameter",
      "y",
      "output",
      "value_pence",
    ]);
    expect(rows.map((r) => r.x)).toEqual([-0.1, -0.1, -0.1, 0.025, 0.025, 0.025, 0.15, 0.15, 0.15]);
    expect(rows.map((r) => r.y)).toEqual([0, 0.5, 1, 0, 0.5, 1, 0, 0.5, 1]);
    // at a fixed share of 0, a deeper shortfall is less profit; with volume below prediction, a
    // larger fixed share is more
    expect(rows[6]!.value_pence as number).toBeLessThan(rows[0]!.value_pence as number);
    expect(rows[2]!.value_pence as number).toBeGreaterThan(rows[0]!.value_pence as number);
  });

  it("writes the axes and rows as JSON, for a CRC's figure", async () => {
    const { code, stdout } = await run([
      "grid",
      "the-2017-variation",
      "--x",
      "ffs.toleranceBand",
      "--y",
      "variation.scale",
      "--steps",
      "2",
      "--output",
      "crc:wales",
      "--format",
      "json",
    ]);
    expect(code).toBe(0);
    const g = JSON.parse(stdout) as {
      x: { values: number[] };
      y: { id: string };
      rows: unknown[];
      outputLabel: string;
    };
    expect(g.x.values).toEqual([0, 0.1]);
    expect(g.y.id).toBe("variation.scale");
    expect(g.rows).toHaveLength(4);
    expect(g.outputLabel).toBe("profit, crc wales, contract life");
  });

  it("names each bad option and its allowed range on stderr; exit 2", async () => {
    const cases: [string[], string[]][] = [
      [
        ["grid", "no-variation", "--y", "ffs.fixedShare"],
        ["--x is required: a parameter id of data/parameters.csv or volume.shortfall.shift"],
      ],
      [
        ["grid", "no-variation", "--x", "ffs.fixedshare", "--y", "ffs.upsideCap"],
        [
          '--x: unknown parameter "ffs.fixedshare" (did you mean "ffs.fixedShare"?); use volume.shortfall.shift or a parameter id of data/parameters.csv',
        ],
      ],
      [
        ["grid", "no-variation", "--x", "ffs.fixedShare", "--y", "ffs.upsideCap", "--steps", "51"],
        ['--steps: "51" is not a whole number from 2 to 50'],
      ],
      [
        ["grid", "no-variation", "--x", "ffs.fixedShare", "--y", "ffs.upsideCap", "--steps", "ten"],
        ['--steps: "ten" is not a whole number from 2 to 50'],
      ],
      [
        [
          "grid",
          "no-variation",
          "--x",
          "ffs.fixedShare",
          "--y",
          "ffs.upsideCap",
          "--x-range",
          "0.1:1.2",
        ],
        ["--x-range: 1.2 is outside the allowed range of ffs.fixedShare, 0 to 1"],
      ],
      [
        [
          "grid",
          "no-variation",
          "--x",
          "ffs.fixedShare",
          "--y",
          "ffs.upsideCap",
          "--y-range",
          "0.1-0.2",
        ],
        ['--y-range: "0.1-0.2" is not FROM:TO (e.g. 0.1:0.6)'],
      ],
    ];
    for (const [argv, messages] of cases) {
      const { code, stdout, stderr } = await run(argv);
      expect([code, stdout]).toEqual([2, ""]);
      expect(stderr).toBe(messages.map((m) => `crc-scenarios grid: ${m}\n`).join(""));
    }
  });
});
