import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { main } from "./main.ts";

async function run(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe("crc-scenarios breakeven", () => {
  it("prints one CSV row per CRC, each found value confirmed by the exact engine", async () => {
    const { code, stdout, stderr } = await run(["breakeven", "no-variation"]);
    expect([code, stderr]).toEqual([0, ""]);
    const rows = aq.fromCSV(stdout).objects() as Record<string, unknown>[];
    expect(rows).toHaveLength(21);
    for (const r of rows) {
      expect(r.lever).toBe("shortfall");
      expect(r.checked).toBe(true);
      if (r.status === "found") {
        expect(Math.abs(r.exact_profit_pence as number)).toBeLessThanOrEqual(
          r.tolerance_pence as number,
        );
        expect((r.below_profit_pence as number) < 0).not.toBe((r.above_profit_pence as number) < 0);
      } else {
        expect(r.status).toBe("none");
        expect(r.message).toMatch(/no break-even within the allowed range/);
      }
    }
    expect(rows.some((r) => r.status === "found")).toBe(true);
  });

  it("answers for one CRC and lever, as JSON", async () => {
    const { code, stdout } = await run([
      "breakeven",
      "no-variation",
      "--crc",
      "london",
      "--lever",
      "fixedShare",
      "--format",
      "json",
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as {
      parameter: string;
      results: { crc: string; status: string; atMin: { value: number } }[];
    };
    expect(report.parameter).toBe("ffs.fixedShare");
    expect(report.results.map((r) => [r.crc, r.status, r.atMin.value])).toEqual([
      ["london", "none", 0],
    ]);
  });

  it("names every bad option on stderr; exit 2", async () => {
    const { code, stdout, stderr } = await run([
      "breakeven",
      "no-variation",
      "--lever",
      "scale",
      "--crc",
      "londn",
    ]);
    expect([code, stdout]).toEqual([2, ""]);
    const lines = stderr.trimEnd().split("\n");
    expect(lines[0]).toBe(
      'crc-scenarios breakeven: --lever: "scale" is not one of shortfall, fixedShare, variationScale',
    );
    expect(lines[1]).toMatch(
      /^crc-scenarios breakeven: --crc: unknown CRC "londn" \(did you mean "london"\?\)/,
    );
    const format = await run(["breakeven", "no-variation", "--format", "tsv"]);
    expect([format.code, format.stderr]).toEqual([
      2,
      'crc-scenarios breakeven: --format: "tsv" is not one of csv, json (did you mean "csv"?)\n',
    ]);
  });
});
