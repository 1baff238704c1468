import { execFileSync, spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { main } from "./main.ts";

async function run(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { code, stdout, stderr };
}

describe("crc-scenarios", () => {
  it("names each bad argument and its allowed range, exit code 2", async () => {
    const { code, stdout, stderr } = await run([
      "mc",
      "the-2017-variation",
      "--draws",
      "abc",
      "--correlation",
      "1.7",
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      'crc-scenarios mc: --draws: "abc" is not a whole number from 1 to 100000\n' +
        'crc-scenarios mc: --correlation: "1.7" is not a plain decimal number from 0 to 1\n',
    );
  });

  it("rejects unknown options and commands without a stack trace", async () => {
    const a = await run(["mc", "--prize", "1"]);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/^crc-scenarios mc: unknown option --prize; options: --draws, /);
    const b = await run(["frobnicate"]);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/^crc-scenarios: unknown command "frobnicate"/);
    // the fee-for-service calculator `ffs` was removed (issue #13): it disagreed with the engine
    const c = await run(["ffs", "--price", "12000000", "--shortfall", "0"]);
    expect([c.code, c.stderr.split("\n")[0]]).toEqual([2, 'crc-scenarios: unknown command "ffs"']);
  });

  it("runs as the package bin from Node", () => {
    const stdout = execFileSync("node", ["bin/crc-scenarios.js", "presets"], { encoding: "utf8" });
    expect(stdout).toContain("the-2017-variation");
    const bad = spawnSync("node", ["bin/crc-scenarios.js", "mc"], { encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe("crc-scenarios on bad input (issue #15)", () => {
  it("reads plain decimals only: --correlation 0x1 is not 1", async () => {
    const { code, stderr } = await run(["mc", "the-2017-variation", "--correlation", "0x1"]);
    expect([code, stderr]).toEqual([
      2,
      'crc-scenarios mc: --correlation: "0x1" is not a plain decimal number from 0 to 1\n',
    ]);
  });

  it("takes a negative number as a separate word, and refuses a repeated flag", async () => {
    const negative = await run(["mc", "the-2017-variation", "--correlation", "-0.1"]);
    expect([negative.code, negative.stderr]).toEqual([
      2,
      'crc-scenarios mc: --correlation: "-0.1" is not a plain decimal number from 0 to 1\n',
    ]);
    const twice = await run(["mc", "the-2017-variation", "--draws", "1", "--draws", "2"]);
    expect(twice.stderr).toBe("crc-scenarios mc: --draws is given 2 times; give it once\n");
  });

  it("cuts an unknown command's name", async () => {
    const { code, stderr } = await run(["x".repeat(100_000)]);
    expect(code).toBe(2);
    expect(stderr.split("\n")[0]!.length).toBeLessThan(150);
  });
});
