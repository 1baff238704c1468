import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { testDataset } from "../../test/fixtures/test-dataset.ts";
import { formatIssue } from "../issues/issue.ts";
import { backtestSetup } from "./posterior-rerun.ts";

const dataset = await testDataset();
const text = await readFile("data/targets.csv", "utf8");

describe("backtestSetup", () => {
  it("answers the targets and their simulation", () => {
    const setup = backtestSetup(dataset, text);
    expect(setup.ok).toBe(true);
    if (!setup.ok) return;
    expect(setup.value.targets.length).toBeGreaterThan(0);
    expect(setup.value.sim.targets).toEqual(setup.value.targets);
  });

  it("answers each problem at its place in data/targets.csv (the one Issue, issue #13)", () => {
    const [header, first, ...rest] = text.split("\n");
    const bad = [header, first!.replace(",GBP,", ",pounds,"), ...rest].join("\n");
    const setup = backtestSetup(dataset, bad);
    expect(setup.ok).toBe(false);
    if (setup.ok) return;
    expect(setup.issues.map(formatIssue)[0]).toBe(
      'data/targets.csv:2 [unit]: "pounds" is not one of GBP, count',
    );
  });
});
