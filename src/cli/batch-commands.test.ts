import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "./main.ts";

async function run(argv: string[], stdin?: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    ...(stdin === undefined ? {} : { stdin }),
  });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), "crc-batch-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const GOOD_A = { schemaVersion: 1, extends: "no-variation", title: "A, plain" };
const BAD = {
  schemaVersion: 1,
  extends: "the-2017-variation",
  parameters: { "ffs.toleranceBand": 7 },
};
const GOOD_C = { schemaVersion: 1, extends: "pbr-low", parameters: { "ffs.toleranceBand": 0.03 } };
writeFileSync(join(dir, "1-a.json"), JSON.stringify(GOOD_A));
writeFileSync(join(dir, "2-bad.json"), JSON.stringify(BAD));
writeFileSync(join(dir, "3-c.json"), JSON.stringify(GOOD_C));
writeFileSync(join(dir, "notes.txt"), "not a scenario");
const jsonLines = [JSON.stringify(GOOD_A), "", "{oops", JSON.stringify(GOOD_C)].join("\n") + "\n";

/** The single-scenario CSV of `run`, each line prefixed with the batch's label cells. */
async function labelled(doc: object, label: string, by = "fy") {
  const file = join(dir, `single-${Math.random()}.json`);
  writeFileSync(file, JSON.stringify(doc));
  const single = await run(["run", file, "--by", by]);
  const hash = (await run(["validate", file])).stdout.match(/hash (\w+)/)![1]!;
  return single.stdout
    .trimEnd()
    .split("\n")
    .slice(1)
    .map((l) => `${label},${hash},${l}`);
}

describe("batch runs (issue #19)", () => {
  it("run over a directory: every good scenario's rows with a scenario column, the bad one named by position and path, exit 2", async () => {
    const { code, stdout, stderr } = await run(["run", dir, "--by", "total"]);
    expect(code).toBe(2);
    const lines = stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("scenario,hash,crc,owner,period,line,amount_pence");
    const expected = [
      ...(await labelled(GOOD_A, '"A, plain"', "total")),
      ...(await labelled(GOOD_C, join(dir, "3-c.json"), "total")),
    ];
    expect(lines.slice(1)).toEqual(expected);
    expect(stderr).toBe(
      `crc-scenarios run: scenario 2 (${join(dir, "2-bad.json")}): parameters.ffs.toleranceBand.value: 7 is above the maximum 0.5\n` +
        "crc-scenarios run: 1 of 3 scenarios failed; the others' output is complete\n",
    );
  });

  it("summary over JSON Lines on stdin: a bad line in the middle is named by its line, the others summarised", async () => {
    const { code, stdout, stderr } = await run(["summary", "-"], [jsonLines]);
    expect(code).toBe(2);
    const list = JSON.parse(stdout) as {
      position: number;
      source: string;
      title: string;
      hash: string;
      crcProfitPence: number;
    }[];
    expect(list.map((s) => [s.position, s.source, s.title])).toEqual([
      [1, "stdin line 1", "A, plain"],
      [3, "stdin line 4", "stdin line 4"],
    ]);
    const single = JSON.parse((await run(["summary", "no-variation"])).stdout) as {
      crcProfitPence: number;
    };
    expect(list[0]!.crcProfitPence).toBe(single.crcProfitPence);
    expect(stderr).toMatch(
      /^crc-scenarios summary: scenario 2 \(stdin line 3\): stdin line 3 is not valid JSON/,
    );
    expect(stderr).toMatch(/1 of 3 scenarios failed/);
  });

  it("summary as tidy CSV, and mc over several arguments, exit 0 when all ran", async () => {
    const csv = await run(["summary", "no-variation", "pbr-low", "--format", "csv"]);
    expect(csv.code).toBe(0);
    const rows = csv.stdout.trimEnd().split("\n");
    expect(rows[0]).toBe("scenario,hash,crc,owner,measure,value");
    expect(rows).toHaveLength(1 + 2 * (5 + 21));
    const mc = await run([
      "mc",
      "no-variation",
      join(dir, "1-a.json"),
      "--draws",
      "5",
      "--format",
      "csv",
    ]);
    expect([mc.code, mc.stderr]).toEqual([0, ""]);
    const mcRows = mc.stdout.trimEnd().split("\n");
    expect(mcRows[0]).toBe("scenario,hash,crc,owner,period,line,statistic,value");
    const labels = new Set(mcRows.slice(1).map((r) => r.split(",")[0]));
    expect([...labels]).toEqual(["No-variation counterfactual", '"A']);
  });

  it("writes a batch to --out, and refuses - twice", async () => {
    const out = join(dir, "out.csv");
    const { code } = await run(["run", "no-variation", "pbr-low", "--by", "total", "--out", out]);
    expect(code).toBe(0);
    expect((await readFile(out, "utf8")).split("\n")[0]).toBe(
      "scenario,hash,crc,owner,period,line,amount_pence",
    );
    const twice = await run(["summary", "-", "-"], [JSON.stringify(GOOD_A)]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/scenario 2 \(-\): standard input \(-\) is given twice/);
  });

  it("reads JSON Lines from the real standard input through the package bin", () => {
    const piped = spawnSync("node", ["bin/crc-scenarios.js", "summary", "-", "--format", "csv"], {
      input: jsonLines,
      encoding: "utf8",
    });
    expect(piped.status).toBe(2);
    expect(piped.stdout.trimEnd().split("\n")).toHaveLength(1 + 2 * (5 + 21));
    expect(piped.stderr).toMatch(/scenario 2 \(stdin line 3\)/);
  });

  it("keeps the single-scenario output of one preset or file as it was (no scenario column)", async () => {
    const { stdout } = await run(["run", "no-variation", "--by", "total"]);
    expect(stdout.split("\n")[0]).toBe("crc,owner,period,line,amount_pence");
  });
});
