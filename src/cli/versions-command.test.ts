import { describe, expect, it } from "vitest";
import { main } from "./main.ts";

async function run(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe("crc-scenarios versions and compare-versions", () => {
  it("lists every recorded version with its date and reason", async () => {
    const { code, stdout } = await run(["versions"]);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("version\tdate\treason");
    expect(lines[1]).toBe("0.1.0\t2026-11-23\tfirst model (issues #2, #3, #4)");
    expect(lines.some((l) => l.startsWith("0.2.0\t"))).toBe(true);
  });

  it("compares two versions as text and as JSON", async () => {
    const text = await run(["compare-versions", "0.1.0", "0.2.0"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("contract-as-let: CRC profit: £362.8m → −£69.5m");
    expect(text.stdout).toContain("Loss-making counts changed: 39 of 39.");
    const json = await run(["compare-versions", "0.1.0", "0.2.0", "--format", "json"]);
    const cmp = JSON.parse(json.stdout);
    expect(cmp.from.version).toBe("0.1.0");
    const profit = cmp.changes.find(
      (c: { output: string }) => c.output === "the-2017-variation: loss-making CRCs",
    );
    expect([profit.then, profit.now]).toEqual([5, 16]);
  });

  it("names an unknown version, a bad format and a missing argument (exit 2)", async () => {
    const r = await run(["compare-versions", "0.1.0", "9.9.9", "--format", "xml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('version "9.9.9" is not recorded; recorded: 0.1.0, 0.2.0');
    expect(r.stderr).toContain('--format: "xml" is not one of text, json');
    expect((await run(["compare-versions", "0.1.0"])).stderr).toContain("expected two versions");
    expect((await run(["versions", "x"])).code).toBe(2);
  });
});
