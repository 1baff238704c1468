import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { main } from "./main.ts";

async function run(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe("crc-scenarios tornado", () => {
  it("prints CSV rows, largest swing first, for national profit by default", async () => {
    const { code, stdout, stderr } = await run(["tornado", "the-2017-variation"]);
    expect([code, stderr]).toEqual([0, ""]);
    const rows = aq.fromCSV(stdout).objects() as Record<string, unknown>[];
    expect(Object.keys(rows[0]!)).toEqual([
      "parameter",
      "label",
      "status",
      "source",
      "unit",
      "per_crc",
      "low_value",
      "high_value",
      "output",
      "base_pence",
      "output_at_low_pence",
      "output_at_high_pence",
      "swing_pence",
      "note",
    ]);
    expect(rows[0]!.output).toBe("profit, national, contract life");
    const swings = rows.map((r) => Math.abs(r.swing_pence as number));
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    expect(rows.find((r) => r.parameter === "volume.shortfall")!.per_crc).toBe(true);
  });

  it("follows a CRC's, an owner's or MoJ's figure, for a year, as JSON", async () => {
    const { code, stdout } = await run([
      "tornado",
      "no-variation",
      "--output",
      "owner:sodexo",
      "--line",
      "cost_total",
      "--period",
      "2018-19",
      "--format",
      "json",
    ]);
    expect(code).toBe(0);
    const t = JSON.parse(stdout) as { outputLabel: string; scenarioHash: string; rows: unknown[] };
    expect(t.outputLabel).toBe("cost_total, owner sodexo, 2018-19");
    expect(t.scenarioHash).toMatch(/^[0-9a-f]{64}$/);
    const moj = JSON.parse(
      (await run(["tornado", "no-variation", "--output", "moj", "--format", "json"])).stdout,
    ) as {
      outputLabel: string;
    };
    expect(moj.outputLabel).toBe("MoJ spend, national, contract life");
  });

  it("puts bad arguments on stderr, one line each, naming what is allowed; exit 2", async () => {
    const cases: [string[], RegExp][] = [
      [["tornado"], /^crc-scenarios tornado: a preset id or a scenario .json file is required\n$/],
      [["tornado", "nope"], /"nope" is neither a preset nor a .json file/],
      [
        ["tornado", "no-variation", "--format", "xml"],
        /--format: "xml" is not one of csv, json\n$/,
      ],
      [
        ["tornado", "no-variation", "--output", "crc:londn"],
        /--output: unknown crc "londn" \(did you mean "london"\?\)/,
      ],
      [
        ["tornado", "no-variation", "--period", "2030-31"],
        /--period: "2030-31" is not a period; use contract or a financial year 2014-15 to 2021-22\n$/,
      ],
      [["tornado", "no-variation", "--bogus"], /unknown option --bogus; options: --output, /],
    ];
    for (const [argv, message] of cases) {
      const { code, stdout, stderr } = await run(argv);
      expect([code, stdout]).toEqual([2, ""]);
      expect(stderr).toMatch(message);
      expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    }
  });
});
