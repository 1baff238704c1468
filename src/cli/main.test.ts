import { execFileSync, spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { feeForServiceLine } from "../engine/fee-for-service-line.ts";
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

describe("crc-scenarios ffs", () => {
  it("prints the fee-for-service line by financial year, equal to the engine's", async () => {
    const { code, stdout } = await run(["ffs", "--price", "14000000", "--shortfall", "0.25"]);
    expect(code).toBe(0);
    const line = feeForServiceLine({
      annualPricePence: 1_400_000_000,
      shortfallShare: 0.25,
      fixedShare: 0.2,
      toleranceBand: 0.05,
    });
    const expected = ["fy,amount_pence", ...line.years.map((y) => `${y.fy},${y.pence}`)];
    expect(stdout).toBe([...expected, `total,${line.totalPence}`].join("\n") + "\n");
  });

  it("names each bad argument and its allowed range, exit code 2", async () => {
    const { code, stdout, stderr } = await run(["ffs", "--price", "abc", "--shortfall", "1.7"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      'crc-scenarios ffs: --price: "abc" is not a plain decimal number (allowed 0 to 10000000000)\n' +
        "crc-scenarios ffs: --shortfall: 1.7 is outside the allowed range -1 to 1\n",
    );
  });

  it("rejects unknown options and commands without a stack trace", async () => {
    const a = await run(["ffs", "--prize", "1"]);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/^crc-scenarios ffs: unknown option --prize; options: --price, /);
    const b = await run(["frobnicate"]);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/^crc-scenarios: unknown command "frobnicate"/);
  });

  it("runs as the package bin from Node", () => {
    const stdout = execFileSync(
      "node",
      ["bin/crc-scenarios.js", "ffs", "--price", "12000000", "--shortfall", "0"],
      { encoding: "utf8" },
    );
    expect(stdout).toContain("2015-16,1200000000\n");
    const bad = spawnSync("node", ["bin/crc-scenarios.js", "ffs"], { encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe("crc-scenarios ffs on bad input (issue #15)", () => {
  it("reads plain decimals only: --price 0x10 is not 16", async () => {
    const { code, stderr } = await run(["ffs", "--price", "0x10", "--shortfall", "0.1"]);
    expect([code, stderr]).toEqual([
      2,
      'crc-scenarios ffs: --price: "0x10" is not a plain decimal number (allowed 0 to 10000000000)\n',
    ]);
  });

  it("takes a negative number as a separate word, and refuses a repeated flag", async () => {
    const negative = await run(["ffs", "--price", "1000", "--shortfall", "-0.1"]);
    expect([negative.code, negative.stderr]).toEqual([0, ""]);
    const twice = await run(["ffs", "--price", "1", "--price", "2", "--shortfall", "0"]);
    expect(twice.stderr).toBe("crc-scenarios ffs: --price is given 2 times; give it once\n");
  });

  it("cuts an unknown command's name", async () => {
    const { code, stderr } = await run(["x".repeat(100_000)]);
    expect(code).toBe(2);
    expect(stderr.split("\n")[0]!.length).toBeLessThan(150);
  });
});
