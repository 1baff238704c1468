import { describe, expect, it } from "vitest";
import type { EngineApi } from "./api.ts";
import { createEngineClient } from "./client.ts";
import type { EngineStatus, WorkerStart } from "./supervisor.ts";

/** A grid request of the right shape (the fake workers never read it). */
const GRID = { scenario: 1, x: { id: "a" }, y: { id: "b" } };

/**
 * Fake workers: each started worker behaves as `modes[n]` says (the last mode repeats).
 * "ok" answers every call; "hang" never answers (a worker killed mid-run, or its messages
 * dropped); "error" reports an error event when a call arrives; "init-fails" refuses the data.
 */
type Mode = "ok" | "hang" | "error" | "init-fails" | "init-throws" | "reject";

function fakeWorkers(modes: Mode[]) {
  const started: Array<{ mode: Mode; inits: unknown[]; calls: string[]; terminated: boolean }> = [];
  const start: WorkerStart<EngineApi> = (onFault) => {
    const mode = modes[Math.min(started.length, modes.length - 1)]!;
    const worker = { mode, inits: [] as unknown[], calls: [] as string[], terminated: false };
    started.push(worker);
    const answer = (method: string, request: unknown) => {
      worker.calls.push(method);
      if (mode === "hang") return new Promise<never>(() => {});
      if (mode === "error") {
        setTimeout(() => onFault("Uncaught RangeError: out of memory"), 1);
        return new Promise<never>(() => {});
      }
      if (mode === "reject") return Promise.reject(new Error("DataCloneError: could not clone"));
      return Promise.resolve({ ok: true as const, value: { method, request } });
    };
    const api = new Proxy({} as EngineApi, {
      // Like comlink's root proxy, not a thenable.
      get: (_, method: string) =>
        method === "then"
          ? undefined
          : (request: unknown) => {
              if (method !== "init") return answer(method, request);
              worker.inits.push(request);
              if (mode === "init-fails")
                return Promise.resolve({
                  ok: false,
                  issues: [{ path: "", message: "… is not a dataset" }],
                });
              if (mode === "init-throws") return Promise.reject(new Error("DataCloneError"));
              return Promise.resolve({ ok: true, value: { crcs: 21, parameters: 1 } });
            },
    });
    return { api, terminate: () => (worker.terminated = true) };
  };
  return { start, started };
}

const dataset = { crcs: [], parameters: [] };

function client(modes: Mode[], timeoutMs = 40) {
  const workers = fakeWorkers(modes);
  const engine = createEngineClient(workers.start, dataset, { timeoutMs });
  const statuses: EngineStatus[] = [];
  engine.onStatus((s) => statuses.push(s));
  const told = () => statuses.filter((s) => s.kind !== "busy" && s.kind !== "idle");
  return { engine, ...workers, statuses, told };
}

describe("engine client: worker faults (issue #15)", () => {
  it("answers as the worker does when nothing goes wrong", async () => {
    const { engine, started, told } = client(["ok"]);
    expect(await engine.project({ scenario: 1 })).toEqual({
      ok: true,
      value: { method: "project", request: { scenario: 1 } },
    });
    expect(started).toHaveLength(1);
    expect(started[0]!.inits).toEqual([dataset]);
    expect(told()).toEqual([]);
  });

  it("restarts a worker that does not answer in time, gives it the dataset, re-runs, and says so", async () => {
    const { engine, started, told } = client(["hang", "ok"]);
    const result = await engine.project({ scenario: 1 });
    expect(result.ok).toBe(true);
    expect(started.map((w) => [w.mode, w.terminated, w.inits.length])).toEqual([
      ["hang", true, 1],
      ["ok", false, 1],
    ]);
    expect(told()).toEqual([
      {
        kind: "fault",
        what: "projection",
        message: "the engine worker did not answer a projection within 40 ms; restarting it",
      },
      {
        kind: "recovered",
        what: "projection",
        message:
          "the engine worker did not answer a projection within 40 ms; it was restarted and the run repeated",
      },
    ]);
  });

  it("restarts a worker that reports an error, and names the error", async () => {
    const { engine, started, told } = client(["error", "ok"], 5_000);
    const result = await engine.tornado({ scenario: 1 });
    expect(result.ok).toBe(true);
    expect(started).toHaveLength(2);
    expect(told()[0]).toEqual({
      kind: "fault",
      what: "tornado",
      message:
        "the engine worker failed during a tornado: Uncaught RangeError: out of memory; restarting it",
    });
  });

  it("frees a latest-wins queue stuck behind a hung run and runs the newest input", async () => {
    const { engine, started } = client(["hang", "ok"]);
    const first = engine.project({ scenario: "old" });
    const middle = engine.project({ scenario: "middle" });
    const newest = engine.project({ scenario: "new" });
    // The hung run is not re-run: a newer input is waiting, and it runs on the new worker.
    expect(await first).toEqual({
      ok: false,
      issues: [
        {
          path: "",
          message:
            "the engine worker did not answer a projection within 40 ms; a newer input is running instead",
        },
      ],
    });
    expect(await middle).toEqual(await newest);
    expect(await newest).toEqual({
      ok: true,
      value: { method: "project", request: { scenario: "new" } },
    });
    expect(started[1]!.calls).toEqual(["project"]);
  });

  it("answers a second fault with a failure value naming what failed, then tries again on the next input", async () => {
    const { engine, started, told } = client(["hang", "hang", "ok"]);
    const result = await engine.monteCarlo({ scenario: 1, draws: 10, seed: 1 });
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          path: "",
          message:
            "the engine worker did not answer a Monte Carlo run within 40 ms, again after a restart; not tried again until an input changes",
        },
      ],
    });
    expect(told().map((s) => s.kind)).toEqual(["fault", "failed"]);
    expect((await engine.monteCarlo({ scenario: 2, draws: 10, seed: 1 })).ok).toBe(true);
    expect(started).toHaveLength(3);
  });

  it("restarts both workers when a split Monte Carlo run hangs in the second", async () => {
    // Worker 0 is the main one; worker 1, the second, hangs; 2 and 3 are their restarts.
    const { engine, started } = client(["ok", "hang", "ok"]);
    const result = await engine.monteCarlo({ scenario: 1, draws: 1000, seed: 1 });
    expect(result).toEqual({
      ok: true,
      value: { method: "monteCarloMerge", request: expect.objectContaining({ draws: 1000 }) },
    });
    expect(started.map((w) => w.terminated)).toEqual([true, true, false, false]);
  });

  it("answers a refused dataset as a value, without restarting (issue #15: init failure is a value)", async () => {
    const { engine, started } = client(["init-fails"]);
    const expected = { ok: false, issues: [{ path: "", message: "… is not a dataset" }] };
    expect(await engine.project({ scenario: 1 })).toEqual(expected);
    expect(await engine.validate({})).toEqual(expected);
    expect(started).toHaveLength(1);
  });

  it("answers an init that throws as a value", async () => {
    const { engine } = client(["init-throws"]);
    expect(await engine.grid(GRID)).toEqual({
      ok: false,
      issues: [{ path: "", message: "the engine could not start: DataCloneError" }],
    });
  });

  it("answers a call comlink rejects as a value and keeps the worker", async () => {
    const { engine, started } = client(["reject"]);
    expect(await engine.breakEven({ scenario: 1 })).toEqual({
      ok: false,
      issues: [
        {
          path: "",
          message: "internal error in the engine worker: DataCloneError: could not clone",
        },
      ],
    });
    expect(started.map((w) => w.terminated)).toEqual([false]);
  });

  it("cancels a run in flight: the worker is restarted and the run answers that it was cancelled", async () => {
    const { engine, started, told } = client(["hang", "ok"], 60_000);
    const running = engine.monteCarlo({ scenario: 1, draws: 10, seed: 1 });
    await new Promise((r) => setTimeout(r, 5));
    engine.cancel();
    expect(await running).toEqual({
      ok: false,
      issues: [
        { path: "", message: "the Monte Carlo run was cancelled; change an input to run it again" },
      ],
    });
    expect(told().map((s) => s.kind)).toEqual(["cancelled"]);
    expect(started[0]!.terminated).toBe(true);
    expect((await engine.monteCarlo({ scenario: 2, draws: 10, seed: 1 })).ok).toBe(true);
  });

  it("reports runs in flight, so a page can offer to cancel a long one", async () => {
    const { engine, statuses } = client(["ok"]);
    await engine.grid(GRID);
    expect(statuses).toEqual([
      { kind: "busy", what: "sensitivity grid", active: 1 },
      { kind: "idle" },
    ]);
  });

  it("starts no worker once the page has ended the engine", async () => {
    const { engine, started } = client(["ok"]);
    engine.terminate();
    expect(await engine.project({ scenario: 1 })).toEqual({
      ok: false,
      issues: [{ path: "", message: "the engine was ended by the page" }],
    });
    expect(started).toHaveLength(1);
  });
});
