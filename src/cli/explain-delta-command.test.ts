import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Attribution } from "../explain/attribute-delta.ts";
import type { DeltaExplanation } from "../explain/explain-delta.ts";
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

const AS_LET_TO_VARIATION = ["contract-as-let", "the-2017-variation", "ALL", "profit", "total"];

describe("crc-scenarios explain-delta", () => {
  it("shares a difference fairly by default (Shapley): parts and deltaPence, no interaction", async () => {
    const { code, stdout } = await run([
      "explain-delta",
      ...AS_LET_TO_VARIATION,
      "--format",
      "json",
    ]);
    expect(code).toBe(0);
    const d = JSON.parse(stdout) as Attribution;
    expect(d.method).toBe("shapley");
    expect(d.exact).toBe(true);
    expect(d.parts.map((p) => p.group)).toEqual([
      "variation.scale",
      "volume.shortfall.2015-16",
      "volume.shortfall.2016-17",
      "volume.shortfall.2017-18",
      "volume.shortfallTrend",
    ]);
    expect(d.parts.reduce((s, p) => s + p.pence, 0)).toBe(d.deltaPence);
    expect(stdout).not.toContain("interaction");
    const text = await run(["explain-delta", ...AS_LET_TO_VARIATION]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("fair shares (Shapley values)");
    expect(text.stdout).toMatch(
      /^ {2}variation\.scale: £[\d,.]+ {2}\(0 → 1; 168 CRC-year values\)$/m,
    );
    expect(text.stdout).not.toContain("interaction (the rest)");
  });

  it("by group, and with sampled orders for a seed", async () => {
    const group = await run(["explain-delta", ...AS_LET_TO_VARIATION, "--level", "group"]);
    expect(group.code).toBe(0);
    expect(group.stdout).toMatch(/^ {2}volumes: −£[\d,.]+ {2}\(volume\.shortfall\.2015-16, /m);
    const sampled = await run([
      "explain-delta",
      "no-variation",
      "pbr-high",
      "london",
      "pbr",
      "total",
      "--seed",
      "4",
      "--samples",
      "8",
      "--format",
      "json",
    ]);
    expect(sampled.code).toBe(0);
    const d = JSON.parse(sampled.stdout) as Attribution;
    // Two changed parameters: exact, whatever the sampling flags say.
    expect(d.exact).toBe(true);
    expect(d.parts.reduce((s, p) => s + p.pence, 0)).toBe(d.deltaPence);
  });

  it("keeps the one-at-a-time view as an option, labelled order-dependent", async () => {
    const { code, stdout } = await run([
      "explain-delta",
      "no-variation",
      "the-2017-variation",
      "ALL",
      "income_total",
      "total",
      "--method",
      "one-at-a-time",
      "--format",
      "json",
    ]);
    expect(code).toBe(0);
    const d = JSON.parse(stdout) as DeltaExplanation;
    expect(d.parts.map((p) => p.param)).toEqual(["variation.scale"]);
    expect(d.parts.reduce((s, p) => s + p.effectPence, 0) + d.interactionPence).toBe(d.deltaPence);
    const text = await run([
      "explain-delta",
      "no-variation",
      "pbr-high",
      "london",
      "pbr",
      "total",
      "--method",
      "one-at-a-time",
    ]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("interaction (the rest): ");
    expect(text.stdout).toContain("order-dependent: switched in alphabetical order");
  });

  it("rejects a bad method, level, flag and figure, exit code 2", async () => {
    const a = await run([
      "explain-delta",
      "no-variation",
      "pbr-high",
      "x",
      "pbr",
      "total",
      "--method",
      "banzhaf",
      "--level",
      "crc",
      "--samples",
      "2",
    ]);
    expect(a.code).toBe(2);
    expect(a.stderr).toBe(
      [
        'crc-scenarios explain-delta: --method: "banzhaf" is not one of shapley, one-at-a-time, sequential',
        'crc-scenarios explain-delta: --level: "crc" is not one of parameter, group',
        'crc-scenarios explain-delta: --samples: "2" is not a whole number from 4 to 10000',
        "",
      ].join("\n"),
    );
    const b = await run(["explain-delta", "no-variation", "pbr-high", "x", "pbr", "total"]);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/^crc-scenarios explain-delta: crc: unknown CRC "x"/);
    const d = await run([
      "explain-delta",
      ...AS_LET_TO_VARIATION,
      "--method",
      "sequential",
      "--level",
      "group",
    ]);
    expect(d.stderr).toBe("crc-scenarios explain-delta: --level: only for --method shapley\n");
    const c = await run(["explain-delta", "no-variation", "pbr-high"]);
    expect(c.stderr).toMatch(
      /expected <scenarioA> <scenarioB> <crc \| owner \| ALL> <line> <period>, got 2/,
    );
  });

  it("switches together parameters whose mix breaks a rule, by the data's ranges (every method)", async () => {
    // Each valid, but 2017-18 from A (0.8) with B's trend (+0.2 a year) leaves the 2017-18
    // row's range (−0.5 to 0.9) in 2018-19: a mix the model refuses.
    const dir = await mkdtemp(join(tmpdir(), "explain-delta-"));
    const file = async (name: string, shortfall: number, trend: number) => {
      const path = join(dir, name);
      const parameters = { "volume.shortfall.2017-18": shortfall, "volume.shortfallTrend": trend };
      await writeFile(path, JSON.stringify({ schemaVersion: 1, parameters }));
      return path;
    };
    const a = await file("a.json", 0.8, 0);
    const b = await file("b.json", 0.1, 0.2);
    for (const method of ["shapley", "one-at-a-time", "sequential"]) {
      const { code, stdout } = await run([
        "explain-delta",
        a,
        b,
        "ALL",
        "profit",
        "total",
        "--method",
        method,
      ]);
      expect(code).toBe(0);
      expect(stdout).toMatch(/^ {2}volume\.shortfall\.2017-18 \+ volume\.shortfallTrend: £/m);
      expect(stdout).toContain(
        `taking volume.shortfallTrend from ${b} and volume.shortfall.2017-18 from ${a} breaks a rule (for northumbria: the trend takes the 2018-19 shortfall to 1, outside -0.5 to 0.9), so they are switched together`,
      );
    }
    const json = await run(["explain-delta", a, b, "ALL", "profit", "total", "--format", "json"]);
    const d = JSON.parse(json.stdout) as Attribution;
    expect(d.parts).toHaveLength(1);
    expect(d.parts[0]!.pence).toBe(d.deltaPence);
  });
});
