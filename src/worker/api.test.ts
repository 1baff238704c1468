import { expose, wrap } from "comlink";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Dataset } from "../data/index.ts";
import { loadDataset } from "../data/load-from-disk.ts";
import { rollUp } from "../engine/roll-up.ts";
import { explainDelta } from "../explain/explain-delta.ts";
import { explainFigure, type FigureNode } from "../explain/explain-figure.ts";
import { projectScenario } from "../scenario/project-scenario.ts";
import { validateScenario } from "../scenario/validate-scenario.ts";
import { runMonteCarlo } from "../uncertainty/run-monte-carlo.ts";
import { findBreakEven } from "../sensitivity/break-even.ts";
import { runGrid } from "../sensitivity/grid.ts";
import { runTornado } from "../sensitivity/tornado.ts";
import { createEngineApi, type EngineApi } from "./api.ts";

// The worker round trip, in Node: the same API object the worker exposes, across a real
// MessageChannel through comlink (structured clone and all).
type Port = Parameters<typeof expose>[1];
const channel = new MessageChannel();
expose(createEngineApi(), channel.port1 as unknown as Port);
const remote = wrap<EngineApi>(channel.port2 as unknown as Parameters<typeof wrap>[0]);
let dataset: Dataset;

beforeAll(async () => {
  const loaded = await loadDataset("data");
  if (!loaded.ok) throw new Error("data/ does not validate");
  dataset = loaded.value;
});
afterAll(() => {
  channel.port1.close();
  channel.port2.close();
});

describe("engine worker API over a MessageChannel", () => {
  it("refuses to project before it has data, with an error value", async () => {
    expect(await remote.project({ scenario: { schemaVersion: 1 } })).toEqual({
      ok: false,
      issues: [{ path: "", message: "the engine has no data yet: call init(dataset) first" }],
    });
  });

  it("accepts the dataset", async () => {
    expect(await remote.init(JSON.parse(JSON.stringify(dataset)))).toEqual({
      ok: true,
      value: { crcs: 21, parameters: dataset.parameters.length },
    });
  });

  it("returns the engine's projection unchanged after the round trip", async () => {
    const scenario = { schemaVersion: 1, extends: "the-2017-variation" };
    const result = await remote.project({ scenario, crc: "wales" });
    const direct = projectScenario(scenario, dataset);
    if (!result.ok || !direct.ok) throw new Error("projection failed");
    const { ledger } = direct.value;
    expect(result.value.hash).toBe(direct.value.scenario.hash);
    expect(result.value.fy).toEqual(rollUp(ledger, "fy"));
    expect(result.value.total).toEqual(rollUp(ledger, "total"));
    expect(result.value.focusMonths).toEqual(
      rollUp(ledger, "month").filter((r) => r.crc === "wales"),
    );
    expect(result.value.nationMonths).toHaveLength(86 * 15);
    expect(result.value.summary.lossMakingCrcs).toBe(
      direct.value.ledger.crcs.filter((_, c) => result.value.summary.crcs[c]!.profitPence < 0)
        .length,
    );
  });

  it("rolls up financial years for the nation only when asked (the Explorer's hot path)", async () => {
    const scenario = { schemaVersion: 1, extends: "the-2017-variation" };
    const nation = await remote.project({ scenario, fyFor: "nation" });
    const all = await remote.project({ scenario });
    if (!nation.ok || !all.ok) throw new Error("projection failed");
    expect(nation.value.fy).toEqual(
      all.value.fy.filter((r) => r.crc === "ALL" && r.owner === "ALL"),
    );
    expect(await remote.project({ scenario, fyFor: "crcs" })).toEqual({
      ok: false,
      issues: [{ path: "fyFor", message: '"crcs" is not one of all, nation' }],
    });
  });

  it("returns only the monthly lines asked for, unchanged, and names a line it does not know", async () => {
    const scenario = { schemaVersion: 1, extends: "the-2017-variation" };
    const monthLines = ["fte", "workload_index"];
    const some = await remote.project({ scenario, crc: "wales", monthLines });
    const all = await remote.project({ scenario, crc: "wales" });
    if (!some.ok || !all.ok) throw new Error("projection failed");
    const only = (rows: readonly { line: string }[]) =>
      rows.filter((r) => monthLines.includes(r.line));
    expect(some.value.nationMonths).toHaveLength(86 * 2);
    expect(some.value.nationMonths).toEqual(only(all.value.nationMonths));
    expect(some.value.focusMonths).toEqual(only(all.value.focusMonths));
    expect(some.value.total).toEqual(all.value.total);
    expect(await remote.project({ scenario, monthLines: ["fte", "profits"] })).toEqual({
      ok: false,
      issues: [
        {
          path: "monthLines[1]",
          message: expect.stringMatching(
            /^"profits" is not one of .*profit.* \(did you mean "profit"\?\)$/,
          ),
        },
      ],
    });
    expect(await remote.project({ scenario, monthLines: "fte" })).toMatchObject({
      ok: false,
      issues: [{ path: "monthLines" }],
    });
  });

  it("returns every problem of a malformed request as a value instead of throwing", async () => {
    expect(
      await remote.project({ scenario: { schemaVersion: 1 }, crc: "atlantis", extra: 1 }),
    ).toEqual({
      ok: false,
      issues: [
        {
          path: "extra",
          message: 'unknown key "extra"; allowed: scenario, crc, owner, fyFor, monthLines',
        },
        { path: "crc", message: '"atlantis" is not a CRC id' },
      ],
    });
    expect(await remote.project(null)).toEqual({
      ok: false,
      issues: [{ path: "", message: "null is not a request (an object)" }],
    });
  });

  it("returns scenario problems with their path and allowed range", async () => {
    const result = await remote.project({
      scenario: { schemaVersion: 1, parameters: { "ffs.fixedShare": 1.7 } },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]!.path).toMatch(/^scenario\.parameters\.ffs\.fixedShare/);
    expect(result.issues[0]!.message).toMatch(/1\.7.*1/);
    const typo = await remote.project({
      scenario: { schemaVersion: 1, parameters: { "ffs.fixedShar": 0.2 } },
    });
    expect(typo).toMatchObject({
      ok: false,
      issues: [
        {
          path: "scenario.parameters.ffs.fixedShar",
          message: expect.stringMatching(/did you mean "ffs.fixedShare"/),
        },
      ],
    });
  });

  it("reports a typo and an out-of-range value together", async () => {
    const result = await remote.validate({
      schemaVersion: 1,
      parameters: { "ffs.fixedShar": 0.2, "ffs.toleranceBand": 1.7 },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path)).toEqual([
      "parameters.ffs.fixedShar",
      "parameters.ffs.toleranceBand.value",
    ]);
  });

  it("validates a scenario without projecting it", async () => {
    const ok = await remote.validate({ schemaVersion: 1, extends: "pbr-high" });
    expect(ok.ok).toBe(true);
    const bad = await remote.validate({ schemaVersion: 2 });
    expect(bad).toMatchObject({ ok: false, issues: [{ path: "schemaVersion" }] });
  });

  it("runs Monte Carlo and returns the same summary as a direct run", async () => {
    const scenario = { schemaVersion: 1, extends: "volumes-as-they-fell" };
    const result = await remote.monteCarlo({
      scenario,
      draws: 50,
      seed: 7,
      shortfallCorrelation: 0.5,
    });
    const resolved = validateScenario(scenario, dataset);
    if (!resolved.ok) throw new Error("scenario failed");
    const direct = runMonteCarlo(resolved.value, dataset, {
      draws: 50,
      seed: 7,
      correlation: { "volume.shortfall": 0.5 },
    });
    if (!direct.ok) throw new Error("direct run failed");
    expect(result).toEqual({ ok: true, value: direct.value });
  });

  it("returns a malformed Monte Carlo request's problems as values", async () => {
    expect(await remote.monteCarlo({ scenario: { schemaVersion: 1 }, draws: 10, x: 1 })).toEqual({
      ok: false,
      issues: [
        {
          path: "x",
          message:
            'unknown key "x"; allowed: scenario, draws, seed, shape, shortfallCorrelation, basis',
        },
        { path: "seed", message: "is required" },
      ],
    });
    const bad = await remote.monteCarlo({
      scenario: { schemaVersion: 1 },
      draws: 0,
      seed: -1,
      shortfallCorrelation: 2,
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.issues.map((i) => i.path)).toEqual(["draws", "seed", "shortfallCorrelation"]);
  });

  it("draws a run in parts over the channel and merges them into the one-piece summary", async () => {
    const request = {
      scenario: { schemaVersion: 1, extends: "volumes-as-they-fell" },
      draws: 30,
      seed: 11,
      shortfallCorrelation: 0.3,
    };
    const whole = await remote.monteCarlo(request);
    const a = await remote.monteCarloPart({ ...request, from: 0, to: 13 });
    const b = await remote.monteCarloPart({ ...request, from: 13, to: 30 });
    if (!a.ok || !b.ok) throw new Error("part failed");
    expect(b.value.nationalProfit).toBeInstanceOf(Float64Array); // survives structured clone
    expect(await remote.monteCarloMerge({ ...request, parts: [b.value, a.value] })).toEqual(whole);
  });

  it("reuses the last settled run only for the same request (a part, then its merge)", async () => {
    const scenario = { schemaVersion: 1, extends: "the-2017-variation" };
    const request = { scenario, draws: 12, seed: 5 };
    const first = await remote.monteCarlo(request);
    // Same run, but the part's own fields are still checked.
    expect(await remote.monteCarloPart({ ...request, from: 2 })).toEqual({
      ok: false,
      issues: [{ path: "to", message: "is required" }],
    });
    for (const changed of [
      { ...request, shape: "uniform" },
      { ...request, seed: 6 },
      { ...request, scenario: { ...scenario, extends: "volumes-as-they-fell" } },
    ]) {
      const resolved = validateScenario(changed.scenario, dataset);
      if (!resolved.ok) throw new Error("scenario failed");
      const direct = runMonteCarlo(resolved.value, dataset, {
        draws: 12,
        seed: changed.seed,
        ...("shape" in changed ? { shape: "uniform" as const } : {}),
      });
      const answer = await remote.monteCarlo(changed);
      expect(answer).toEqual({ ok: true, value: direct.ok && direct.value });
      expect(answer).not.toEqual(first);
    }
    expect(await remote.monteCarlo(request)).toEqual(first);
    // Only the draws or seed changed: the plan is reused, the draws and seed still checked.
    const fewer = await remote.monteCarlo({ ...request, draws: 7 });
    expect(fewer.ok && fewer.value.draws).toBe(7);
    expect(await remote.monteCarlo({ ...request, draws: 0, seed: 1.5 })).toEqual({
      ok: false,
      issues: [
        {
          path: "draws",
          message: "0 is not a whole number from 1 to 100000",
        },
        {
          path: "seed",
          message: "1.5 is not a whole number from 0 to 4294967295",
        },
      ],
    });
  });

  it("returns bad part and merge requests' problems as values", async () => {
    const request = { scenario: { schemaVersion: 1 }, draws: 10, seed: 1 };
    expect(await remote.monteCarloPart({ ...request, from: 5 })).toEqual({
      ok: false,
      issues: [{ path: "to", message: "is required" }],
    });
    expect(await remote.monteCarloPart({ ...request, from: -1, to: 11 })).toEqual({
      ok: false,
      issues: [
        { path: "from", message: "-1 is not a whole number from 0 to 9" },
        { path: "to", message: "11 is not a whole number above from, up to draws (10)" },
      ],
    });
    expect(await remote.monteCarloPart({ ...request, from: 4, to: 4 })).toMatchObject({
      ok: false,
      issues: [{ path: "to" }],
    });
    expect(await remote.monteCarloMerge({ ...request, parts: "x" })).toEqual({
      ok: false,
      issues: [{ path: "parts", message: '"x" is not a non-empty list of parts' }],
    });
    const part = await remote.monteCarloPart({ ...request, from: 0, to: 6 });
    if (!part.ok) throw new Error("part failed");
    expect(await remote.monteCarloMerge({ ...request, parts: [part.value] })).toEqual({
      ok: false,
      issues: [{ path: "parts", message: "cover draws [0, 6), not [0, 10)" }],
    });
    // A part drawn for another run size does not fit.
    expect(
      await remote.monteCarloMerge({ ...request, draws: 5, parts: [part.value] }),
    ).toMatchObject({ ok: false, issues: [{ path: "parts[0]" }] });
    expect(
      await remote.monteCarloMerge({ ...request, draws: 0, parts: [part.value] }),
    ).toMatchObject({ ok: false, issues: [{ path: "draws" }] });
  });

  it("runs a tornado, a grid and a break-even search like the core, and names bad fields", async () => {
    const scenario = { schemaVersion: 1, extends: "volumes-as-they-fell" };
    const resolved = validateScenario(scenario, dataset);
    if (!resolved.ok) throw new Error("scenario failed");
    const tornado = await remote.tornado({ scenario, output: "crc:wales" });
    const direct = runTornado(resolved.value, dataset, {
      scope: { kind: "crc", id: "wales" },
      line: "profit",
      period: "contract",
    });
    expect(tornado).toEqual({ ok: true, value: direct.ok && direct.value });

    const axes = { x: { id: "ffs.fixedShare" }, y: { id: "volume.shortfall.shift" }, steps: 3 };
    const grid = await remote.grid({ scenario, ...axes });
    expect(grid).toEqual({ ok: true, value: answerOf(runGrid(resolved.value, dataset, axes)) });

    const breakEven = await remote.breakEven({ scenario, lever: "fixedShare", crc: "wales" });
    expect(breakEven).toEqual({
      ok: true,
      value: answerOf(
        findBreakEven(resolved.value, dataset, { lever: "fixedShare", crc: "wales" }),
      ),
    });

    expect(await remote.tornado({ scenario, output: "crc:atlantis" })).toMatchObject({
      ok: false,
      issues: [{ path: "output", message: expect.stringMatching(/unknown crc "atlantis"/) }],
    });
    expect(await remote.grid({ scenario, x: 3 })).toEqual({
      ok: false,
      issues: [
        { path: "x", message: "must be an axis {id, from?, to?, steps?}" },
        { path: "y", message: "must be an axis {id, from?, to?, steps?}" },
      ],
    });
    expect(await remote.breakEven({ scenario, lever: "price", extra: 1 })).toEqual({
      ok: false,
      issues: [{ path: "extra", message: 'unknown key "extra"; allowed: scenario, lever, crc' }],
    });
    expect(await remote.breakEven({ scenario, lever: "price" })).toMatchObject({
      ok: false,
      issues: [{ path: "lever" }],
    });
  });
});

function answerOf<T>(result: { ok: true; value: T } | { ok: false }): T {
  if (!result.ok) throw new Error("core run failed");
  return result.value;
}
describe("explain and explainDelta over a MessageChannel (issue #8)", () => {
  const scenario = { schemaVersion: 1, extends: "the-2017-variation" };
  const depthOf = (n: FigureNode): number =>
    n.parts.length === 0 ? 0 : 1 + Math.max(...n.parts.map(depthOf));

  it("returns the engine's explanation tree unchanged, two levels deep by default", async () => {
    const figure = { crc: "wales", line: "profit", period: "total" };
    const result = await remote.explain({ scenario, figure });
    const direct = projectScenario(scenario, dataset);
    if (!result.ok || !direct.ok) throw new Error("explain failed");
    const { scenario: resolved, ledger } = direct.value;
    const expected = explainFigure(resolved, ledger, figure, { depth: 2 });
    if (!expected.ok) throw new Error("explainFigure failed");
    expect(result.value.hash).toBe(resolved.hash);
    expect(result.value.tree).toEqual(expected.value);
    const row = rollUp(ledger, "total").find((r) => r.crc === "wales" && r.line === "profit");
    expect(result.value.tree.amountPence).toBe(row!.amount);
    expect(depthOf(result.value.tree)).toBe(2);
    expect(result.value.tree.parts[0]!.parts[0]!.truncated).toBe(true);
  });

  it("expands a truncated step on request, down to a cell's rule, inputs and sources", async () => {
    const top = await remote.explain({
      scenario,
      figure: { crc: "ALL", line: "fee_for_service", period: "2017-18" },
      depth: 1,
    });
    if (!top.ok) throw new Error("explain failed");
    const owner = top.value.tree.parts[0]!;
    expect(owner.truncated).toBe(true);
    const expanded = await remote.explain({ scenario, figure: owner.ref, depth: 2 });
    if (!expanded.ok) throw new Error("explain failed");
    expect(expanded.value.tree.amountPence).toBe(owner.amountPence);
    // owner → CRCs → months: a CRC-month is a cell.
    const cell = expanded.value.tree.parts[0]!.parts[0]!;
    expect(cell.step).toBe("rule");
    expect(cell.rule?.section).toMatch(/^MODEL\.md "Income of a CRC in a month"/);
    const fixed = cell.inputs.find((i) => i.param === "ffs.fixedShare");
    expect(fixed).toMatchObject({ value: "0.2", source: { kind: "data", status: "sourced" } });
  });

  it("returns every problem of a malformed explain request as a value", async () => {
    expect(await remote.explain(null)).toEqual({
      ok: false,
      issues: [{ path: "", message: "null is not a request (an object)" }],
    });
    expect(await remote.explain({ figure: "wales", depth: 99, extra: true })).toEqual({
      ok: false,
      issues: [
        { path: "extra", message: 'unknown key "extra"; allowed: scenario, figure, depth' },
        { path: "scenario", message: "is required" },
        { path: "figure", message: '"wales" is not an object {crc, line, period}' },
        { path: "depth", message: "99 is not a whole number from 0 to 4" },
      ],
    });
    expect(
      await remote.explain({ scenario, figure: { crc: "wales", line: 3, period: "total" } }),
    ).toEqual({
      ok: false,
      issues: [{ path: "figure.line", message: "3 is not text" }],
    });
  });

  it("names the allowed values for an unknown CRC, line or period, and scenario problems by path", async () => {
    const bad = await remote.explain({
      scenario,
      figure: { crc: "walse", line: "fte", period: "2023-24" },
    });
    if (bad.ok) throw new Error("expected issues");
    expect(bad.issues.map((i) => i.path)).toEqual(["figure.crc", "figure.line", "figure.period"]);
    expect(bad.issues[0]!.message).toMatch(/did you mean "wales"/);
    expect(bad.issues[1]!.message).toMatch(/not money.*money lines: fee_for_service/);
    expect(bad.issues[2]!.message).toMatch(/financial years 2014-15 … 2021-22/);
    const badScenario = await remote.explain({
      scenario: { schemaVersion: 1, parameters: { "ffs.fixedShare": 1.7 } },
      figure: { crc: "ALL", line: "profit", period: "total" },
    });
    expect(badScenario).toMatchObject({
      ok: false,
      issues: [{ path: expect.stringMatching(/^scenario\.parameters\.ffs\.fixedShare/) }],
    });
  });

  it("decomposes a delta exactly as the engine does, and refuses a malformed request", async () => {
    const a = { schemaVersion: 1, extends: "no-variation" };
    const figure = { crc: "ALL", line: "income_total", period: "total" };
    const result = await remote.explainDelta({ a, b: scenario, figure });
    const sideA = validateScenario(a, dataset);
    const sideB = validateScenario(scenario, dataset);
    if (!result.ok || !sideA.ok || !sideB.ok) throw new Error("explainDelta failed");
    const direct = explainDelta(sideA.value.inputs, sideB.value.inputs, figure);
    if (!direct.ok) throw new Error("explainDelta failed");
    expect(result.value.delta).toEqual(direct.value);
    const d = result.value.delta;
    expect(d.parts.reduce((s, p) => s + p.effectPence, 0) + d.interactionPence).toBe(d.deltaPence);
    expect([result.value.hashA, result.value.hashB]).toEqual([sideA.value.hash, sideB.value.hash]);

    expect(await remote.explainDelta({ a, figure, method: "shapley" })).toEqual({
      ok: false,
      issues: [
        { path: "b", message: "is required" },
        { path: "method", message: '"shapley" is not one of one-at-a-time, sequential' },
      ],
    });
    const unknown = await remote.explainDelta({ a, b: { schemaVersion: 7 }, figure });
    expect(unknown).toMatchObject({ ok: false, issues: [{ path: "b.schemaVersion" }] });
  });
});
