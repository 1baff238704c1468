import * as aq from "arquero";
import { spawnSync } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PRESETS } from "../scenario/presets.ts";
import { testDataset } from "../../test/fixtures/test-dataset.ts";
import { validateScenario } from "../scenario/validate-scenario.ts";
import { runMonteCarlo } from "../uncertainty/run-monte-carlo.ts";
import { monteCarloRows } from "../uncertainty/summary-table.ts";
import { main } from "./main.ts";

async function run(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const dataset = await testDataset();
const engine = (preset: string, options: Parameters<typeof runMonteCarlo>[2]) => {
  const resolved = validateScenario(PRESETS.get(preset), dataset);
  if (!resolved.ok) throw new Error(preset);
  const result = runMonteCarlo(resolved.value, dataset, options);
  if (!result.ok) throw new Error("mc");
  return result.value;
};

describe("crc-scenarios mc", () => {
  it("prints the engine's Monte Carlo summary as JSON", async () => {
    const { code, stdout, stderr } = await run([
      "mc",
      "the-2017-variation",
      "--draws",
      "60",
      "--seed",
      "7",
      "--correlation",
      "0.5",
      "--shape",
      "triangular",
    ]);
    expect([code, stderr]).toEqual([0, ""]);
    const expected = engine("the-2017-variation", {
      draws: 60,
      seed: 7,
      shape: "triangular",
      correlation: { "volume.shortfall": 0.5 },
    });
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(expected.sampled.find((s) => s.id === "volume.shortfall.2017-18")!.correlation).toBe(
      0.5,
    );
  });

  it("prints tidy CSV (crc,owner,period,line,statistic,value) with --format csv", async () => {
    const { code, stdout } = await run([
      "mc",
      "no-variation",
      "--draws",
      "40",
      "--seed",
      "2",
      "--format",
      "csv",
      "--fan",
      "sodexo",
    ]);
    expect(code).toBe(0);
    expect(stdout.split("\n")[0]).toBe("crc,owner,period,line,statistic,value");
    const rows = aq
      .fromCSV(stdout, { parse: { crc: String, owner: String, period: String } })
      .objects() as Record<string, unknown>[];
    const expected = monteCarloRows(
      engine("no-variation", { draws: 40, seed: 2, fanOf: "sodexo" }),
    );
    expect(rows).toEqual(expected);
    expect(rows.filter((r) => r.period === "2017-18" && r.line === "profit")).toHaveLength(8);
    expect(rows.find((r) => r.period === "2017-18")).toMatchObject({ crc: "ALL", owner: "sodexo" });
  });

  it("names each bad flag and its allowed range on one line each, exit code 2", async () => {
    const { code, stdout, stderr } = await run([
      "mc",
      "the-2017-variation",
      "--draws",
      "0",
      "--seed=4294967296",
      "--format",
      "xml",
      "--shape",
      "beta",
      "--correlation",
      "1.5",
    ]);
    expect([code, stdout]).toEqual([2, ""]);
    expect(stderr).toBe(
      [
        'crc-scenarios mc: --draws: "0" is not a whole number from 1 to 100000',
        'crc-scenarios mc: --seed: "4294967296" is not a whole number from 0 to 4294967295',
        'crc-scenarios mc: --format: "xml" is not one of json, csv, xlsx',
        'crc-scenarios mc: --shape: "beta" is not one of point, uniform, triangular, pert, normal',
        'crc-scenarios mc: --correlation: "1.5" is not a plain decimal number from 0 to 1',
        "",
      ].join("\n"),
    );
    const words = await run([
      "mc",
      "contract-as-let",
      "--draws",
      "many",
      "--seed=-1",
      "--correlation",
      "x",
    ]);
    expect(words.stderr).toBe(
      [
        'crc-scenarios mc: --draws: "many" is not a whole number from 1 to 100000',
        'crc-scenarios mc: --seed: "-1" is not a whole number from 0 to 4294967295',
        'crc-scenarios mc: --correlation: "x" is not a plain decimal number from 0 to 1',
        "",
      ].join("\n"),
    );
    const fan = await run(["mc", "contract-as-let", "--draws", "2", "--fan", "londn"]);
    expect([fan.code, fan.stderr]).toEqual([
      2,
      'crc-scenarios mc: --fan: "londn" is not ALL, a CRC or an owner (did you mean "london"?)\n',
    ]);
    const none = await run(["mc"]);
    expect(none.stderr).toBe(
      "crc-scenarios mc: a preset id, a scenario .json file, a directory or - (JSON Lines) is required\n",
    );
    const flag = await run(["mc", "contract-as-let", "--seed", "-1"]);
    expect(flag.code).toBe(2);
    expect(flag.stderr.split("\n")).toHaveLength(2); // one line
  });

  it("uses a scenario file's uncertainty block, names its problems, and lets flags override it", async () => {
    const dir = await mkdtemp(join(tmpdir(), "mc-"));
    const good = join(dir, "good.json");
    await writeFile(
      good,
      JSON.stringify({
        schemaVersion: 1,
        extends: "the-2017-variation",
        uncertainty: { draws: 25, seed: 11, distributions: { "variation.scale": "uniform" } },
      }),
    );
    const own = await run(["mc", good]);
    expect(own.code).toBe(0);
    const summary = JSON.parse(own.stdout);
    expect([summary.draws, summary.seed]).toEqual([25, 11]);
    expect(summary.sampled.find((s: { id: string }) => s.id === "variation.scale").shape).toBe(
      "uniform",
    );
    const over = JSON.parse((await run(["mc", good, "--seed", "12"])).stdout);
    expect([over.draws, over.seed]).toEqual([25, 12]);

    const bad = join(dir, "bad.json");
    await writeFile(
      bad,
      JSON.stringify({
        schemaVersion: 1,
        uncertainty: {
          seed: -3,
          distributions: { "ffs.toleranceBand": { shape: "pert", low: 0.2, high: 0.1 } },
        },
      }),
    );
    const refused = await run(["mc", bad]);
    expect([refused.code, refused.stderr]).toEqual([
      2,
      "crc-scenarios mc: uncertainty.seed: -3 is not a whole number from 0 to 4294967295\n" +
        "crc-scenarios mc: uncertainty.distributions.ffs.toleranceBand: low 0.2 is above high 0.1; low must not exceed high\n",
    ]);
  });

  it("runs as the package bin from Node", () => {
    const ok = spawnSync(
      "node",
      ["bin/crc-scenarios.js", "mc", "contract-as-let", "--draws", "5"],
      {
        encoding: "utf8",
      },
    );
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).draws).toBe(5);
    const bad = spawnSync(
      "node",
      ["bin/crc-scenarios.js", "mc", "contract-as-let", "--draws", "0"],
      {
        encoding: "utf8",
      },
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe("crc-scenarios mc on bad input (issue #15)", () => {
  it("gives the allowed range for negative numbers written as separate words", async () => {
    const result = await run(["mc", "no-variation", "--draws", "-1", "--seed", "-1"]);
    expect([result.code, result.stderr]).toEqual([
      2,
      'crc-scenarios mc: --draws: "-1" is not a whole number from 1 to 100000\n' +
        'crc-scenarios mc: --seed: "-1" is not a whole number from 0 to 4294967295\n',
    ]);
  });

  it("refuses a 2014 caseload of 0 instead of exiting 0 with null statistics", async () => {
    const dir = await mkdtemp(join(tmpdir(), "crc-mc-"));
    const path = join(dir, "zero.json");
    await writeFile(
      path,
      JSON.stringify({ schemaVersion: 1, parameters: { "size.caseload2014": 0 } }),
    );
    const result = await run(["mc", path, "--draws", "2"]);
    expect([result.code, result.stdout]).toEqual([2, ""]);
    expect(result.stderr).toMatch(/^crc-scenarios mc: parameters\.size\.caseload2014\.value: /);
  });

  it("runs a valid scenario with an uncertainty block whose FTE range reaches 0", async () => {
    const dir = await mkdtemp(join(tmpdir(), "crc-mc-"));
    const path = join(dir, "fte.json");
    await writeFile(
      path,
      JSON.stringify({
        schemaVersion: 1,
        parameters: { "staff.fteJune2017": 139.7 },
        uncertainty: { seed: 1 },
      }),
    );
    const result = await run(["mc", path, "--draws", "20"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^crc-scenarios mc: warning: distributions\.staff\.fteJune2017: /,
    );
    expect(JSON.parse(result.stdout).national.crcProfitPence.mean).toEqual(expect.any(Number));
  });
});

describe("crc-scenarios mc --basis (issue #14)", () => {
  it("draws from the posterior by default and from the prior ranges with --basis prior, and says which", async () => {
    const post = JSON.parse((await run(["mc", "the-2017-variation", "--draws", "200"])).stdout);
    const prior = JSON.parse(
      (await run(["mc", "the-2017-variation", "--draws", "200", "--basis", "prior"])).stdout,
    );
    expect([post.basis, prior.basis]).toEqual(["posterior", "prior"]);
    expect(post.national).toEqual(engine("the-2017-variation", { draws: 200 }).national);
    expect(prior.national).toEqual(
      engine("the-2017-variation", { draws: 200, basis: "prior" }).national,
    );
  });

  it("names a bad --basis with the allowed values", async () => {
    const r = await run(["mc", "the-2017-variation", "--basis", "posterier"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--basis: "posterier" is not one of posterior, prior');
  });
});
