import { describe, expect, it } from "vitest";
import { testDataset } from "../../test/fixtures/test-dataset.ts";
import { main } from "./main.ts";

async function run(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const dataset = await testDataset();

describe("crc-scenarios calibrate (issue #14)", () => {
  it("prints the stored posterior's report", async () => {
    const r = await run(["calibrate"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      `${dataset.posterior!.priorDraws.toLocaleString("en-GB")} prior draws, seed ${dataset.posterior!.seed}`,
    );
    expect(r.stdout).toMatch(/Back-test as of 2016-09/);
    expect(r.stdout).toMatch(/Leave one target out/);
  });

  it("gives the report as tidy CSV and as JSON", async () => {
    const csv = await run(["calibrate", "--format", "csv"]);
    expect(csv.stdout.split("\n")[0]).toBe("section,subject,vintage,statistic,value");
    expect(csv.stdout).toContain("backtest,losses.beforeVariation,2016-09,published,-44300000000");
    const json = JSON.parse((await run(["calibrate", "--format", "json"])).stdout);
    expect(json.report.vintages.map((v: { asOf: string }) => v.asOf)).toEqual([
      "2016-09",
      "2017-06",
    ]);
  });

  it("runs a back-test from only the figures public by --as-of, less --without", async () => {
    const r = await run([
      "calibrate",
      "--as-of",
      "2017-06",
      "--without",
      "interserve.unsustainable2016",
      "--draws",
      "1000",
      "--format",
      "json",
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.targets).toEqual([
      "asLet.annualValue",
      "mtcNovo.unsustainable2016",
      "interserveMtcNovo.annualValue",
      "staff.jobsCutByMid2016",
    ]);
    expect(out.priorDraws).toBe(1000);
    expect(out.report.vintages[0].asOf).toBe("2017-06");
  });

  it("names a bad month, an unknown target and a bad format with what is allowed", async () => {
    const r = await run([
      "calibrate",
      "--as-of",
      "2016-13",
      "--without",
      "losses.beforeVariaton",
      "--format",
      "xml",
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--as-of: "2016-13" is not a month YYYY-MM (e.g. 2016-09)');
    expect(r.stderr).toContain(
      '--without: "losses.beforeVariaton" is not a target (did you mean "losses.beforeVariation"?)',
    );
    expect(r.stderr).toContain('--format: "xml" is not one of text, json, csv');
  });
});
