import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { loadTargetsFromDisk } from "../calibration/load-targets.ts";
import { prepareTargetSimulation, simulateTargets } from "../calibration/simulate-targets.ts";
import { testDataset } from "../../test/fixtures/test-dataset.ts";
import { posteriorPart } from "./posterior-request.ts";
import { runPosteriorInParts, type PosteriorRunner } from "./run-posterior.ts";

const dataset = await testDataset();
const targetsCsv = await readFile("data/targets.csv", "utf8");
const sim = prepareTargetSimulation(dataset, await loadTargetsFromDisk(dataset));
const local: PosteriorRunner = { posteriorPart: async (r) => posteriorPart(r, dataset) };
const run = (draws: number) => ({
  targetsCsv,
  seed: 11,
  draws,
  targetCount: sim.targets.length,
  parameterCount: sim.parameterIds.length,
});

describe("the posterior's simulation in parts, on two workers (issue #14)", () => {
  it("law: parts drawn by two workers join into exactly the run one piece gives", async () => {
    const progress: number[] = [];
    const out = await runPosteriorInParts(run(450), [async () => local, async () => local], {
      chunk: 100,
      onProgress: (done) => progress.push(done),
    });
    if (!out.ok) throw new Error("run failed");
    const whole = simulateTargets(sim, 11, 0, 450);
    expect(out.value.values).toEqual(whole.values);
    expect(out.value.parameters).toEqual(whole.parameters);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(450);
  });

  it("stops asking for parts when cancelled, and says it was cancelled", async () => {
    const controller = new AbortController();
    let parts = 0;
    const counting: PosteriorRunner = {
      posteriorPart: async (r) => {
        if (++parts === 2) controller.abort();
        return posteriorPart(r, dataset);
      },
    };
    const out = await runPosteriorInParts(run(2000), [async () => counting], {
      chunk: 100,
      signal: controller.signal,
    });
    expect(out).toEqual({ ok: false, cancelled: true, issues: [] });
    expect(parts).toBe(2);
  });

  it("answers with the first part's problem when a part fails", async () => {
    const out = await runPosteriorInParts({ ...run(300), targetsCsv: "id,value\nx,1\n" }, [
      async () => local,
    ]);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.issues[0]!.path).toBe("targetsCsv");
  });
});

describe("posteriorPart: the worker request (issue #14)", () => {
  it("names every bad field with what is allowed", () => {
    const out = posteriorPart({ targetsCsv: 3, seed: -1, from: 5, to: 5, extra: 1 }, dataset);
    expect(out.ok).toBe(false);
    if (!out.ok)
      expect(out.issues.map((i) => i.path)).toEqual(["extra", "targetsCsv", "seed", "to"]);
    expect(posteriorPart(null, dataset)).toMatchObject({ ok: false, issues: [{ path: "" }] });
    const tooMany = posteriorPart({ targetsCsv, seed: 1, from: 0, to: 20_001 }, dataset);
    expect(tooMany.ok).toBe(false);
  });

  it("refuses a targets table with a problem, naming its line and column", () => {
    const bad = targetsCsv.replace("asLet.annualValue,450000000", "asLet.annualValue,lots");
    const out = posteriorPart({ targetsCsv: bad, seed: 1, from: 0, to: 10 }, dataset);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.issues[0]!.message).toMatch(/^data\/targets\.csv:2 \[value\]/);
  });
});
