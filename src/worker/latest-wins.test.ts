import { describe, expect, it } from "vitest";
import { latestWins } from "./latest-wins.ts";

function deferredRunner() {
  const calls: number[] = [];
  const releases: Array<() => void> = [];
  const run = (input: number) =>
    new Promise<number>((resolve) => {
      calls.push(input);
      releases.push(() => resolve(input * 10));
    });
  const flush = async () => {
    await new Promise((r) => setTimeout(r, 0));
  };
  return { calls, releases, run, flush };
}

describe("latestWins", () => {
  it("keeps one run in flight and then runs only the latest input", async () => {
    const r = deferredRunner();
    const request = latestWins(r.run);
    const results = [1, 2, 3, 4].map((i) => request(i));
    await r.flush();
    expect(r.calls).toEqual([1]); // 2 and 3 are dropped while 1 runs
    r.releases[0]!();
    await r.flush();
    expect(r.calls).toEqual([1, 4]);
    r.releases[1]!();
    expect(await Promise.all(results)).toEqual([10, 40, 40, 40]);
  });

  it("runs immediately again once idle", async () => {
    const r = deferredRunner();
    const request = latestWins(r.run);
    const first = request(5);
    await r.flush();
    r.releases[0]!();
    expect(await first).toBe(50);
    const second = request(6);
    await r.flush();
    expect(r.calls).toEqual([5, 6]);
    r.releases[1]!();
    expect(await second).toBe(60);
  });

  it("keeps going after a failed run", async () => {
    let n = 0;
    const request = latestWins(async (i: number) => {
      n++;
      if (i === 1) throw new Error("boom");
      return i;
    });
    await expect(request(1)).rejects.toThrow("boom");
    expect(await request(2)).toBe(2);
    expect(n).toBe(2);
  });
});

describe("latestWins: superseded", () => {
  it("tells a run whether a newer input is waiting", async () => {
    const r = deferredRunner();
    const seen: boolean[] = [];
    let check: () => boolean = () => false;
    const request = latestWins((i: number, superseded) => {
      check = superseded;
      return r.run(i);
    });
    const first = request(1);
    await r.flush();
    seen.push(check());
    const second = request(2);
    seen.push(check());
    r.releases[0]!();
    await r.flush();
    seen.push(check()); // the run of 2 has nothing newer behind it
    r.releases[1]!();
    expect(await Promise.all([first, second])).toEqual([10, 20]);
    expect(seen).toEqual([false, true, false]);
  });
});
