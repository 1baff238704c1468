import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { param } from "../data/index.ts";
import { testDataset } from "../../test/fixtures/test-dataset.ts";
import { main } from "./main.ts";

async function run(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const dir = await mkdtemp(join(tmpdir(), "crc-cli-"));
const file = async (name: string, text: string) => {
  const path = join(dir, name);
  await writeFile(path, text, "utf8");
  return path;
};

describe("crc-scenarios run", () => {
  it("writes tidy CSV rows by financial year for a preset, with CRC, owner and national rows", async () => {
    const { code, stdout, stderr } = await run(["run", "contract-as-let"]);
    expect([code, stderr]).toEqual([0, ""]);
    const lines = stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("crc,owner,period,line,amount_pence");
    // as let, volume as predicted: London's fee in 2015-16 (before any learning-curve discount)
    // is its price, £85,843,647 a year
    expect(lines).toContain("london,mtc-novo,2015-16,fee_for_service,8584364700");
    expect(lines.some((l) => l.startsWith("ALL,sodexo,2016-17,profit,"))).toBe(true);
    expect(lines.some((l) => l.startsWith("ALL,ALL,2021-22,income_total,"))).toBe(true);
    // 21 CRCs + 8 owners + nation, 8 years, 13 money lines + fte + workload_index
    expect(lines).toHaveLength(1 + 30 * 8 * 15);
  });

  it("writes JSON rows and contract totals to a file", async () => {
    const out = join(dir, "out.json");
    const { code } = await run([
      "run",
      "the-2017-variation",
      "--format",
      "json",
      "--by",
      "total",
      "--out",
      out,
    ]);
    expect(code).toBe(0);
    const rows = JSON.parse(await readFile(out, "utf8")) as {
      crc: string;
      line: string;
      amount_pence: number;
    }[];
    expect(rows[0]).toEqual({
      crc: "northumbria",
      owner: "sodexo",
      period: "total",
      line: "fee_for_service",
      amount_pence: expect.any(Number),
    });
    expect(rows.filter((r) => r.crc === "ALL" && r.line === "variation")).toHaveLength(9);
  });

  it("runs a scenario file that extends a preset", async () => {
    const path = await file(
      "s.json",
      JSON.stringify({
        schemaVersion: 1,
        extends: "contract-as-let",
        parameters: { "size.annualPrice": { byCrc: { london: 12000000 } } },
      }),
    );
    const { code, stdout } = await run(["run", path, "--by", "total"]);
    expect(code).toBe(0);
    // £1m a month for Feb 2015 to Mar 2016, then each year's price discounted once more by the
    // learning curve (its monthly fee rounded to the penny)
    const d = Number(param(await testDataset(), "price.learningCurveDiscount").defaultValue);
    let expected = 14 * 100_000_000;
    for (let k = 1; k <= 6; k++) expected += 12 * Math.round(100_000_000 * (1 - d) ** k);
    expect(stdout).toContain(`london,mtc-novo,total,fee_for_service,${expected}\n`);
  });

  it("names every bad argument, one per line, exit code 2, no stack trace", async () => {
    const { code, stdout, stderr } = await run([
      "run",
      "contract-as-let",
      "--format",
      "xml",
      "--by",
      "week",
    ]);
    expect([code, stdout]).toEqual([2, ""]);
    expect(stderr).toBe(
      'crc-scenarios run: --format: "xml" is not one of csv, json, xlsx\n' +
        'crc-scenarios run: --by: "week" is not one of month, quarter, fy, total\n',
    );
  });

  it("explains an unknown preset, a missing file and a file that is not JSON", async () => {
    expect((await run(["run", "as-let"])).stderr).toMatch(
      /^crc-scenarios run: "as-let" is neither a preset nor a \.json file; presets: contract-as-let/,
    );
    expect((await run(["run", join(dir, "nope.json")])).stderr).toMatch(
      /cannot read .*nope\.json: no such file\n$/,
    );
    const bad = await file("bad.json", "{ schemaVersion: 1 ");
    const result = await run(["run", bad]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/bad\.json is not valid JSON/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("crc-scenarios validate", () => {
  it("reports every problem on stderr with exit code 2", async () => {
    const path = await file(
      "v.json",
      JSON.stringify({
        schemaVersion: 1,
        colour: 1,
        parameters: { "volume.shortfall.2017-18": { byCrc: { london: 1.7 } } },
      }),
    );
    const { code, stderr } = await run(["validate", path]);
    expect(code).toBe(2);
    expect(stderr.trimEnd().split("\n")).toEqual([
      expect.stringMatching(/^crc-scenarios validate: colour: unknown key "colour"/),
      "crc-scenarios validate: parameters.volume.shortfall.2017-18.byCrc.london: 1.7 is above the maximum 0.9 (the range for london)",
    ]);
  });

  it("prints the hash of a valid scenario", async () => {
    const path = await file(
      "ok.json",
      JSON.stringify({ schemaVersion: 1, parameters: { "variation.scale": 0 } }),
    );
    const { code, stdout } = await run(["validate", path]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^valid: .*ok\.json \(hash [0-9a-f]{64}\)\n$/);
  });
});

describe("crc-scenarios summary and presets", () => {
  it("prints MoJ spend, CRC profit, loss-making CRCs, each CRC's profit and the hash", async () => {
    const { code, stdout } = await run(["summary", "the-2017-variation"]);
    expect(code).toBe(0);
    const summary = JSON.parse(stdout);
    expect(Object.keys(summary)).toEqual([
      "scenario",
      "hash",
      "mojSpendPence",
      "crcProfitPence",
      "lossMakingCrcs",
      "from2016",
      "crcs",
    ]);
    // the published loss figures' basis: 2016-17 to 2021-22, within 14 ± 2 losing CRCs
    expect(Math.abs(summary.from2016.lossMakingCrcs - 14)).toBeLessThanOrEqual(2);
    expect(summary.from2016.crcProfitPence).toBeLessThan(0);
    expect(summary.crcs).toHaveLength(21);
    expect(summary.crcProfitPence).toBe(
      summary.crcs.reduce((s: number, c: { profitPence: number }) => s + c.profitPence, 0),
    );
    expect(summary.lossMakingCrcs).toBe(
      summary.crcs.filter((c: { profitPence: number }) => c.profitPence < 0).length,
    );
  });

  it("lists the presets with their titles", async () => {
    const { code, stdout } = await run(["presets"]);
    expect(code).toBe(0);
    expect(stdout.split("\n")[0]).toBe("contract-as-let\tThe contract as let");
    expect(stdout.trimEnd().split("\n")).toHaveLength(9);
  });
});

describe("no silent wrong answers at the command line (issue #15)", () => {
  it("refuses a 2014 caseload of 0 everywhere in validate, run and summary: no NaN, no stack trace", async () => {
    const zero = await file(
      "zero-caseload.json",
      JSON.stringify({ schemaVersion: 1, parameters: { "size.caseload2014": 0 } }),
    );
    for (const command of ["validate", "run", "summary"]) {
      const result = await run([command, zero]);
      expect([command, result.code, result.stdout]).toEqual([command, 2, ""]);
      expect(result.stderr).toBe(
        `crc-scenarios ${command}: parameters.size.caseload2014.value: the 2014 caseloads add up to 0; payment by results is shared out by caseload, so at least one CRC's size.caseload2014 must be above 0\n`,
      );
    }
  });

  it("accepts a scenario with a preset's id that extends another preset", async () => {
    const same = await file(
      "same-id.json",
      JSON.stringify({ schemaVersion: 1, id: "the-2017-variation", extends: "no-variation" }),
    );
    const result = await run(["validate", same]);
    expect([result.code, result.stderr]).toEqual([0, ""]);
  });

  it("says once that a scenario must be a JSON object, for a JSON string", async () => {
    const text = await file("string.json", JSON.stringify("schemaVersion"));
    const result = await run(["validate", text]);
    expect([result.code, result.stderr]).toEqual([
      2,
      'crc-scenarios validate: "schemaVersion" is not a scenario (a JSON object)\n',
    ]);
  });

  it("does not echo a 200,000-character key whole", async () => {
    const key = "k".repeat(200_000);
    const path = await file("long-key.json", JSON.stringify({ schemaVersion: 1, [key]: 1 }));
    const result = await run(["validate", path]);
    expect(result.code).toBe(2);
    expect(result.stderr.length).toBeLessThan(600);
    expect(result.stderr).toContain("…(200000 characters)");
  });

  it("refuses a FIFO as --out before projecting, and --out with no file name", async () => {
    const pipe = join(dir, "out-pipe.csv");
    const { execFileSync } = await import("node:child_process");
    execFileSync("mkfifo", [pipe]);
    const result = await run(["run", "no-variation", "--out", pipe]);
    expect([result.code, result.stdout]).toEqual([2, ""]);
    expect(result.stderr).toMatch(
      /--out: cannot write .*out-pipe\.csv: it is a FIFO \(named pipe\)/,
    );
    expect((await run(["run", "no-variation", "--out", ""])).stderr).toBe(
      "crc-scenarios run: --out needs a file name\n",
    );
  });

  it("refuses a repeated flag, naming it", async () => {
    const result = await run(["run", "no-variation", "--by", "fy", "--by", "month"]);
    expect([result.code, result.stderr]).toEqual([
      2,
      "crc-scenarios run: --by is given 2 times; give it once\n",
    ]);
  });
});
